/**
 * The plane coverage overlays run in: the village's CGCS2000 3° Gauss-Krüger zone, where survey data and
 * delivery packages were made, so their edges are straight there (a 600 m edge's lon/lat chord lies ~4 mm
 * off its GK chord: overlaying in lon/lat turned that into false gaps along every long boundary edge).
 * Projected coordinates are cached per geometry object: geometries are immutable in the plan.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import type { AreaGeometry } from '../domain/features.ts';
import type { BBox } from './bbox.ts';
import type { FlatPolygon, FlatRing } from './geos/planar-geometry.ts';
import { gkProj4Definition, gkZoneForLongitude, type GkCrs } from './projection.ts';
import { toleranceDegreesXY } from './local-metric.ts';
import { polygonsOf } from './rings.ts';

const GEOGRAPHIC = '+proj=longlat +ellps=GRS80 +no_defs';

export class GkPlane {
  private readonly converter: proj4.Converter;
  private readonly cache = new WeakMap<object, FlatPolygon[]>();

  constructor(readonly crs: GkCrs) {
    this.converter = proj4(GEOGRAPHIC, gkProj4Definition(crs));
  }

  static forLongitude(lon: number): GkPlane {
    return new GkPlane({ zone: gkZoneForLongitude(lon), zonePrefix: false });
  }

  /** The geometry's polygons in GK metres (cached). */
  polygons(geometry: AreaGeometry): FlatPolygon[] {
    let found = this.cache.get(geometry);
    if (!found) {
      found = polygonsOf(geometry).map((rings) => rings.map((ring) => this.projectRing(ring)));
      this.cache.set(geometry, found);
    }
    return found;
  }

  /**
   * A ring in GK metres, closed: an unclosed one (geometry-valid reports it) is overlaid as the ring it
   * plainly means, where GEOS would refuse it ("Points of LinearRing do not form a closed linestring").
   */
  private projectRing(ring: readonly Position[]): FlatRing {
    const first = ring[0];
    const last = ring[ring.length - 1];
    const unclosed = first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1]);
    const flat = new Float64Array((ring.length + (unclosed ? 1 : 0)) * 2);
    ring.forEach((p, i) => {
      const [x, y] = this.converter.forward([p[0] as number, p[1] as number]);
      flat[2 * i] = x as number;
      flat[2 * i + 1] = y as number;
    });
    if (unclosed) flat.copyWithin(2 * ring.length, 0, 2);
    return flat;
  }

  /**
   * The lon/lat box `b`, grown by `marginM` metres, as the GK polygon it is: its edges densified every
   * `stepM` metres, so a parallel's bend in GK (up to ~0.4 m over 6 km) is followed to a fraction of a
   * millimetre. What a coverage cluster's overlays are clipped to. The GK box of its corners, used before, is
   * wider than the lon/lat box (meridians converge: 2° from the central meridian, a 60 km box's GK box
   * reaches ~1 km beyond it) and reached over the neighbouring clusters: a gap there came out in both, whole
   * and as a piece, and land covered by a parcel the cluster had not gathered (gathered by lon/lat box) was
   * taken for a gap.
   */
  boxOutline(b: BBox, marginM: number, stepM = 50): FlatPolygon {
    const { x: mx, y: my } = toleranceDegreesXY(marginM, Math.max(Math.abs(b[1]), Math.abs(b[3])));
    const [x0, y0, x1, y1] = [b[0] - mx, b[1] - my, b[2] + mx, b[3] + my];
    const corners: [number, number][] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    const points: number[] = [];
    for (let k = 0; k < 4; k++) {
      const [ax, ay] = corners[k] as [number, number];
      const [bx, by] = corners[k + 1] as [number, number];
      const [pa, pb] = [this.converter.forward([ax, ay]), this.converter.forward([bx, by])] as [number, number][];
      const n = Math.max(1, Math.ceil(Math.hypot(pb![0] - pa![0], pb![1] - pa![1]) / stepM));
      for (let i = 0; i < n; i++) points.push(...(this.converter.forward([ax + (i / n) * (bx - ax), ay + (i / n) * (by - ay)]) as [number, number]));
    }
    points.push(points[0] as number, points[1] as number);
    return [Float64Array.from(points)];
  }

  /** Planar polygons back to lon/lat, wound as they came (GEOS writes shells clockwise: callers rewind if needed). */
  toLonLat(polygons: readonly FlatPolygon[]): AreaGeometry | null {
    const coordinates = polygons.map((rings) => rings.map((ring) => this.unprojectRing(ring)));
    if (coordinates.length === 0) return null;
    if (coordinates.length === 1) return { type: 'Polygon', coordinates: coordinates[0] as Position[][] } satisfies Polygon;
    return { type: 'MultiPolygon', coordinates } satisfies MultiPolygon;
  }

  private unprojectRing(ring: FlatRing): Position[] {
    const out: Position[] = [];
    for (let i = 0; i < ring.length; i += 2) out.push(this.converter.inverse([ring[i] as number, ring[i + 1] as number]) as Position);
    return out;
  }
}
