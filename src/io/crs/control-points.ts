/**
 * Checking datum parameters against control points: points known in both systems (the county's survey
 * report lists them). Each point's source coordinates are transformed with the parameters and compared
 * with its CGCS2000 coordinates on the CGCS2000 Gauss-Krüger plane, in metres.
 *
 * Coordinates are written as survey tables write them, northing first: X (north) Y (east) on a GK plane
 * (the source file's plane, with or without its zone prefix as the file has it; CGCS2000 on the same
 * plane), or B (latitude) L (longitude) in degrees for lon/lat data.
 */
import proj4 from 'proj4';
import { failure, success, type Result } from '../result.ts';
import { CGCS2000_LONLAT, cgcs2000Gk, foreignToLonLat } from './datum-transform.ts';
import type { ForeignCrs } from './source-crs.ts';

export interface ControlPoint {
  readonly name: string;
  /** [north, east] (or [lat, lon]) in the source CRS. */
  readonly source: readonly [number, number];
  /** [north, east] (or [lat, lon]) in CGCS2000. */
  readonly target: readonly [number, number];
}

export interface Residual {
  readonly name: string;
  /** Transformed minus known, metres. */
  readonly north: number;
  readonly east: number;
  readonly distance: number;
  readonly flagged: boolean;
}

export interface ResidualReport {
  readonly residuals: readonly Residual[];
  readonly rms: number;
  readonly largest: number;
  readonly flagged: number;
}

/** One point a line: `[name] X Y X′ Y′`, separated by spaces, tabs or commas (a header line is skipped). */
export function parseControlPoints(text: string): Result<ControlPoint[]> {
  const points: ControlPoint[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const cells = line.trim().split(/[\s,，;；]+/).filter(Boolean);
    if (cells.length === 0) continue;
    const numbers = cells.map(Number);
    const named = cells.length === 5 && !Number.isFinite(numbers[0]);
    const values = named ? numbers.slice(1) : numbers;
    if (values.length !== 4 || !values.every(Number.isFinite)) {
      // A header row (点名 X Y X′ Y′) before any point is fine; anything else is a mistake to show.
      if (numbers.every((v) => !Number.isFinite(v)) && i === lines.findIndex((l) => l.trim())) continue;
      return failure('io.datum.badControlPoint', { line: i + 1, text: line.trim().slice(0, 60) });
    }
    const [sx, sy, tx, ty] = values as [number, number, number, number];
    points.push({ name: named ? (cells[0] as string) : String(points.length + 1), source: [sx, sy], target: [tx, ty] });
  }
  return success(points);
}

/** Residuals of the points under the CRS's parameters (which must be set), flagged above `toleranceM`. */
export function controlPointResiduals(crs: ForeignCrs, points: readonly ControlPoint[], toleranceM: number): ResidualReport {
  const toLonLat = foreignToLonLat(crs);
  const residuals = points.map((p): Residual => {
    const [lon, lat] = toLonLat([p.source[1], p.source[0]]);
    const plane = planeAt(crs, lon);
    const [e, n] = plane.forward([lon, lat]) as [number, number];
    const [knownE, knownN] = crs.gk ? [p.target[1], p.target[0]] : (plane.forward([p.target[1], p.target[0]]) as [number, number]);
    const north = n - knownN;
    const east = e - knownE;
    const distance = Math.hypot(north, east);
    return { name: p.name, north, east, distance, flagged: distance > toleranceM };
  });
  const rms = residuals.length ? Math.sqrt(residuals.reduce((s, r) => s + r.distance ** 2, 0) / residuals.length) : 0;
  return { residuals, rms, largest: Math.max(0, ...residuals.map((r) => r.distance)), flagged: residuals.filter((r) => r.flagged).length };
}

/** The CGCS2000 plane of the source (its meridian and false easting), or the 3° zone of the point. */
function planeAt(crs: ForeignCrs, lon: number): proj4.Converter {
  const gk = crs.gk ?? { centralMeridian: Math.round(lon / 3) * 3, falseEasting: 500_000 };
  return proj4(CGCS2000_LONLAT, cgcs2000Gk(gk.centralMeridian, gk.falseEasting));
}
