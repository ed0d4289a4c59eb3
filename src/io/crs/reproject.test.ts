import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryBBox, type BBox } from '../../geo/bbox.ts';
import type { FourParameters } from '../../domain/datum-parameters.ts';
import { localProj4 } from './local-datums.ts';
import { lonLatBox, toLonLat } from './reproject.ts';
import { GEOGRAPHIC, gk, type ForeignCrs, type ReadCrs } from './source-crs.ts';

const ZONE_40 = gk({ zone: 40, zonePrefix: true });
const CM_120 = gk({ zone: 40, zonePrefix: false });
const FOUR: FourParameters = { kind: 'fourParameter', dx: 102.3, dy: -87.6, rotationSeconds: 4.2, scalePpm: 11.5, centralMeridian: 120 };
const XIAN_FOUR: ForeignCrs = {
  kind: 'foreign',
  name: 'Xian 1980 / 3-degree GK zone 40',
  datumName: 'xian1980',
  definition: localProj4({ datum: 'xian1980', gk: { centralMeridian: 120, falseEasting: 40_500_000 } }),
  gk: { centralMeridian: 120, falseEasting: 40_500_000 },
  shift: { kind: 'local', datum: 'xian1980', transformation: FOUR },
};

/** A ring of `n` vertices on a rough circle of radius r around (e, n0), some vertices pushed out to the box. */
function ring(e: number, n0: number, r: number, n: number, seed: number): Polygon {
  let s = seed;
  const random = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const points: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const k = random() < 0.3 ? Math.SQRT2 : 0.5 + random() / 2;
    points.push([e + Math.max(-r, Math.min(r, r * k * Math.cos(a))), n0 + Math.max(-r, Math.min(r, r * k * Math.sin(a)))]);
  }
  return { type: 'Polygon', coordinates: [[...points, points[0] as Position]] };
}

/** The outline of a box with 100 points a side. */
function densifiedOutline([minX, minY, maxX, maxY]: BBox): Polygon {
  const points: Position[] = [];
  const side = (from: Position, to: Position) => {
    for (let i = 0; i < 100; i++) points.push([(from[0] as number) + (((to[0] as number) - (from[0] as number)) * i) / 100, (from[1] as number) + (((to[1] as number) - (from[1] as number)) * i) / 100]);
  };
  side([minX, minY], [maxX, minY]);
  side([maxX, minY], [maxX, maxY]);
  side([maxX, maxY], [minX, maxY]);
  side([minX, maxY], [minX, minY]);
  return { type: 'Polygon', coordinates: [[...points, [minX, minY]]] };
}

const contains = (outer: BBox, inner: BBox) => outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

describe('lonLatBox: a source box in lon/lat for the keep test of a package reader', () => {
  // Zhejiang's south and north, at the central meridian and near both edges of the zone (±1.5°, where the
  // meridian convergence turns a box most), from a 1 m shed to a 20 km boundary.
  const cases: [ReadCrs, number][] = [[ZONE_40, 40_000_000], [CM_120, 0], [XIAN_FOUR, 40_000_000]];
  for (const [crs, prefix] of cases) {
    it(`holds every reprojected vertex, ${crs.kind === 'gk' ? `GK${crs.zonePrefix ? ' with the zone prefix' : ''}` : 'Xian 1980 with four parameters'}`, () => {
      let seed = 7;
      for (const easting of [360_000, 500_000, 640_000]) {
        for (const northing of [3_000_000, 3_450_000]) {
          for (const radius of [0.5, 30, 800, 10_000]) {
            const source = ring(prefix + easting, northing, radius, 40, seed++);
            const exact = geometryBBox(toLonLat(source, crs));
            const box = lonLatBox(geometryBBox(source), crs);
            expect(contains(box, exact), `${easting} ${northing} r=${radius}`).toBe(true);
            // Larger than the source box's own outline in lon/lat only by the growth: a kept row is a near one.
            const outline = geometryBBox(toLonLat(densifiedOutline(geometryBBox(source)), crs));
            const size = Math.max(outline[2] - outline[0], outline[3] - outline[1]);
            expect(box[2] - box[0] - (outline[2] - outline[0])).toBeLessThan(size * 0.003 + 3e-7);
            expect(box[3] - box[1] - (outline[3] - outline[1])).toBeLessThan(size * 0.003 + 3e-7);
          }
        }
      }
    });
  }

  it('leaves a lon/lat box and an empty one as they are', () => {
    const box: BBox = [120.1, 30.2, 120.2, 30.3];
    expect(lonLatBox(box, GEOGRAPHIC)).toEqual(box);
    expect(lonLatBox([Infinity, Infinity, -Infinity, -Infinity], ZONE_40)[0]).toBe(Infinity);
  });
});
