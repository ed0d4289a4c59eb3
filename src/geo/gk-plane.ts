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

  /** The GK box covering a lon/lat box (its four corners projected), as [minX, minY, maxX, maxY]. */
  box(b: BBox): BBox {
    const corners = [
      [b[0], b[1]],
      [b[2], b[1]],
      [b[2], b[3]],
      [b[0], b[3]],
    ].map((c) => this.converter.forward(c) as [number, number]);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
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
