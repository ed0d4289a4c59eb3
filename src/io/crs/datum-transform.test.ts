import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { gdal, skipWithoutGdal } from '../../../tests/support/gdal.ts';
import type { DatumTransformation, FourParameters, SevenParameters } from '../../domain/datum-parameters.ts';
import { controlPointResiduals, parseControlPoints } from './control-points.ts';
import { applyFourParameters, cgcs2000Gk, foreignToLonLat, towgs84Of } from './datum-transform.ts';
import { localCrsOfEpsg, localProj4, type LocalCrsId } from './local-datums.ts';
import type { ForeignCrs } from './source-crs.ts';

// Skipped (not passed) without GDAL; never skipped on CI (tests/support/gdal.ts).
const noGdal = skipWithoutGdal('gdaltransform', 'gdalsrsinfo');
/** What GDAL transforms into: CGCS2000 lon/lat with an explicit zero shift, so PROJ applies the source's `+towgs84`. */
const CGCS2000_FOR_GDAL = '+proj=longlat +ellps=GRS80 +towgs84=0,0,0 +no_defs';

const XIAN_ZONE_40: LocalCrsId = { datum: 'xian1980', gk: { centralMeridian: 120, falseEasting: 40_500_000 } };
const BEIJING_CM_120: LocalCrsId = { datum: 'beijing1954', gk: { centralMeridian: 120, falseEasting: 500_000 } };
const SEVEN: SevenParameters = { kind: 'sevenParameter', dx: -52.3412, dy: -15.7021, dz: 46.2153, rx: 1.23456, ry: -2.34567, rz: 3.45678, scalePpm: -2.5, convention: 'positionVector' };

function local(id: LocalCrsId, transformation: DatumTransformation): ForeignCrs {
  return { kind: 'foreign', name: 'test', datumName: id.datum, definition: localProj4(id), gk: id.gk, shift: { kind: 'local', datum: id.datum, transformation } };
}

/** Metres between two lon/lat points (a local plane: exact enough at millimetres). */
function metresApart(a: readonly number[], b: readonly number[]): number {
  const lat = ((a[1] as number) * Math.PI) / 180;
  return Math.hypot(((a[0] as number) - (b[0] as number)) * 111_320 * Math.cos(lat), ((a[1] as number) - (b[1] as number)) * 110_574);
}

// Zhejiang from west to east in zone 40 (with the prefix) and on CM 120°E (without).
const ZONE_40_POINTS = [[40_380_000, 3_260_000], [40_450_123.456, 3_300_789.012], [40_620_000, 3_450_000]] as const;
const CM_120_POINTS = ZONE_40_POINTS.map(([e, n]) => [e - 40_000_000, n] as const);

describe('seven parameters through proj4 +towgs84', () => {
  it('flips the rotations for the coordinate-frame convention', () => {
    expect(towgs84Of(SEVEN)).toEqual([-52.3412, -15.7021, 46.2153, 1.23456, -2.34567, 3.45678, -2.5]);
    expect(towgs84Of({ ...SEVEN, convention: 'coordinateFrame' })).toEqual([-52.3412, -15.7021, 46.2153, -1.23456, 2.34567, -3.45678, -2.5]);
  });

  it.skipIf(noGdal)('gives what GDAL gives with the same +towgs84, both conventions, Xian 1980 and Beijing 1954, within 1 mm', () => {
    for (const [id, points] of [[XIAN_ZONE_40, ZONE_40_POINTS], [BEIJING_CM_120, CM_120_POINTS]] as const) {
      for (const convention of ['positionVector', 'coordinateFrame'] as const) {
        const t = { ...SEVEN, convention };
        // GDAL is given position-vector values: coordinate-frame rotations with their signs flipped by hand.
        const sign = convention === 'coordinateFrame' ? -1 : 1;
        const towgs84 = [t.dx, t.dy, t.dz, sign * t.rx, sign * t.ry, sign * t.rz, t.scalePpm].join(',');
        const expected = gdalLines(`${localProj4(id)} +towgs84=${towgs84}`, points);
        const ours = points.map((p) => foreignToLonLat(local(id, t))([...p]));
        ours.forEach((p, i) => expect(metresApart(p, expected[i] as number[]), `${id.datum} ${convention} #${i}`).toBeLessThan(0.001));
      }
    }
  });

  it.skipIf(noGdal)('the two conventions differ (the check above would catch a sign mistake)', () => {
    const pv = foreignToLonLat(local(XIAN_ZONE_40, SEVEN))([...ZONE_40_POINTS[1]]);
    const cf = foreignToLonLat(local(XIAN_ZONE_40, { ...SEVEN, convention: 'coordinateFrame' }))([...ZONE_40_POINTS[1]]);
    expect(metresApart(pv, cf)).toBeGreaterThan(1);
  });
});

describe('four parameters on the Gauss-Krüger plane', () => {
  const FOUR: FourParameters = { kind: 'fourParameter', dx: 100, dy: -50, rotationSeconds: 0, scalePpm: 0, centralMeridian: 120 };

  it('rotates and scales about the origin, then translates (a hand-made case)', () => {
    // 90° turns north (X) towards east (Y): X′ = dx − Y, Y′ = dy + X; then k = 1 + 10 ppm.
    const quarter = { ...FOUR, rotationSeconds: 90 * 3600 };
    const [east, north] = applyFourParameters(quarter, [500_000, 3_300_000]);
    expect(north).toBeCloseTo(100 - 500_000, 6);
    expect(east).toBeCloseTo(-50 + 3_300_000, 6);
    const scaled = applyFourParameters({ ...FOUR, scalePpm: 10 }, [500_000, 3_300_000]);
    expect(scaled[1]).toBeCloseTo(100 + 3_300_000 * 1.00001, 6);
    expect(scaled[0]).toBeCloseTo(-50 + 500_000 * 1.00001, 6);
    // A small rotation as survey offices publish: 1.5″ moves a point 3,300 km north of the origin by ~24 m east.
    const small = applyFourParameters({ ...FOUR, dx: 0, dy: 0, rotationSeconds: 1.5 }, [500_000, 3_300_000]);
    expect(small[0] - 500_000).toBeCloseTo(3_300_000 * Math.sin((1.5 / 3600) * (Math.PI / 180)) + 500_000 * (Math.cos((1.5 / 3600) * (Math.PI / 180)) - 1), 6);
  });

  it.skipIf(noGdal)('lands where GDAL puts the transformed plane coordinates in CGCS2000 (EPSG:4549), zone prefix taken off', () => {
    const t: FourParameters = { ...FOUR, dx: -32.456, dy: 71.234, rotationSeconds: -2.345, scalePpm: 3.21 };
    const moved = CM_120_POINTS.map((p) => applyFourParameters(t, p));
    const expected = gdalLines('EPSG:4549', moved);
    const ours = ZONE_40_POINTS.map((p) => foreignToLonLat(local(XIAN_ZONE_40, t))([...p]));
    ours.forEach((p, i) => expect(metresApart(p, expected[i] as number[])).toBeLessThan(0.001));
    // Lon/lat data takes the way through the parameters' plane on its own ellipsoid: the same places.
    const geographic = local({ datum: 'xian1980', gk: null }, t);
    const lonLat = ZONE_40_POINTS.map((p) => proj4(localProj4(XIAN_ZONE_40), localProj4({ datum: 'xian1980', gk: null })).forward([...p]));
    lonLat.forEach((p, i) => expect(metresApart(foreignToLonLat(geographic)(p), expected[i] as number[])).toBeLessThan(0.001));
  });
});

describe('control points', () => {
  it('reads pasted tables: names, commas or tabs, a header row', () => {
    const read = parseControlPoints('点名\tX\tY\tX2000\tY2000\nK1\t3300000.1\t40450000.2\t3300010.3\t40450020.4\n3260000, 40380000, 3260011, 40380022\n');
    expect(read.ok && read.value).toEqual([
      { name: 'K1', source: [3_300_000.1, 40_450_000.2], target: [3_300_010.3, 40_450_020.4] },
      { name: '2', source: [3_260_000, 40_380_000], target: [3_260_011, 40_380_022] },
    ]);
    const bad = parseControlPoints('K1 3300000 40450000 3300010\n');
    expect(!bad.ok && bad.error).toMatchObject({ key: 'io.datum.badControlPoint', params: { line: 1 } });
  });

  it('gives each point its residual in metres, the RMS and the largest, and flags those above the tolerance', () => {
    const crs = local(XIAN_ZONE_40, SEVEN);
    const plane = proj4('+proj=longlat +ellps=GRS80 +no_defs', cgcs2000Gk(120, 40_500_000));
    // Known CGCS2000 coordinates made with the same parameters, then moved by known amounts.
    const offsets = [[0.03, 0], [0, -0.04], [0.12, 0.16]] as const;
    const points = ZONE_40_POINTS.map(([e, n], i) => {
      const [te, tn] = plane.forward(foreignToLonLat(crs)([e, n])) as [number, number];
      const [dn, de] = offsets[i] as readonly [number, number];
      return { name: `P${i + 1}`, source: [n, e] as const, target: [tn - dn, te - de] as const };
    });
    const report = controlPointResiduals(crs, points, 0.1);
    expect(report.residuals.map((r) => [r.north, r.east].map((v) => Math.round(v * 1000) / 1000))).toEqual([[0.03, 0], [0, -0.04], [0.12, 0.16]]);
    expect(report.residuals.map((r) => r.flagged)).toEqual([false, false, true]);
    expect(report.largest).toBeCloseTo(0.2, 3);
    expect(report.rms).toBeCloseTo(Math.sqrt((0.03 ** 2 + 0.04 ** 2 + 0.2 ** 2) / 3), 3);
    expect(report.flagged).toBe(1);
  });
});

describe('Beijing 1954 / Xian 1980 EPSG codes', () => {
  it.skipIf(noGdal)('give the plane GDAL gives (zones and central meridians, 3° and 6°)', () => {
    for (const code of [2331, 2344, 2364, 2385, 2420, 2436, 21420, 21480, 4610]) {
      const ours = localCrsOfEpsg(code);
      const theirs = gdal('gdalsrsinfo', ['-o', 'proj4', `EPSG:${code}`]).trim();
      const value = (key: string) => Number(new RegExp(`\\+${key}=([-\\d.]+)`).exec(theirs)?.[1]);
      expect(ours?.datum, String(code)).toBe(/krass/.test(theirs) ? 'beijing1954' : 'xian1980');
      if (/longlat/.test(theirs)) expect(ours?.gk).toBeNull();
      else expect(ours?.gk, String(code)).toEqual({ centralMeridian: value('lon_0'), falseEasting: value('x_0') });
    }
  }, 30_000);
});

/** GDAL's lon/lat for points (easting, northing, or lon, lat) given in `from`: one gdaltransform run for all. */
function gdalLines(from: string, points: readonly (readonly number[])[]): number[][] {
  const out = gdal('gdaltransform', ['-s_srs', from, '-t_srs', CGCS2000_FOR_GDAL, '-output_xy'], points.map((p) => p.join(' ')).join('\n') + '\n');
  return out.split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/).slice(0, 2).map(Number));
}
