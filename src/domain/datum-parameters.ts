/**
 * Local transformation parameters from an older national datum (Beijing 1954, Xian 1980) to CGCS2000, as
 * a county's 自然资源和规划局 or 测绘院 publishes them. No exact transformation exists without them, so the
 * plan keeps the ones its planner entered (plan meta) and the next import uses them without asking.
 */
export const LOCAL_DATUMS = ['beijing1954', 'xian1980'] as const;
export type LocalDatum = (typeof LOCAL_DATUMS)[number];

/**
 * Bursa-Wolf: shifts in metres, rotations in arc-seconds, scale in ppm. The rotation convention decides
 * the sign of the rotations: position vector (EPSG 9606; proj4/PROJ `+towgs84`) or coordinate frame
 * (EPSG 9607; ArcGIS "Coordinate Frame", common in Chinese software), which rotates the other way.
 */
export interface SevenParameters {
  readonly kind: 'sevenParameter';
  readonly dx: number;
  readonly dy: number;
  readonly dz: number;
  readonly rx: number;
  readonly ry: number;
  readonly rz: number;
  readonly scalePpm: number;
  readonly convention: 'positionVector' | 'coordinateFrame';
}

/**
 * CASS 四参数 on the Gauss-Krüger plane of one central meridian: X north, Y east (as survey tables name
 * them), both in metres without the zone prefix; rotation in arc-seconds, positive turning north towards
 * east; scale in ppm. X′ = dx + k(X cos α − Y sin α), Y′ = dy + k(X sin α + Y cos α), k = 1 + ppm·10⁻⁶.
 */
export interface FourParameters {
  readonly kind: 'fourParameter';
  readonly dx: number;
  readonly dy: number;
  readonly rotationSeconds: number;
  readonly scalePpm: number;
  /** The central meridian (°E) of the GK plane the parameters were computed on. */
  readonly centralMeridian: number;
}

export type DatumTransformation = SevenParameters | FourParameters;

export interface DatumParameters {
  readonly datum: LocalDatum;
  readonly transformation: DatumTransformation;
}

/** The saved parameters for a datum; four parameters only on the central meridian they were made for. */
export function findDatumParameters(list: readonly DatumParameters[], datum: LocalDatum, centralMeridian: number | null): DatumTransformation | undefined {
  const t = list.find((p) => p.datum === datum)?.transformation;
  return t && (t.kind === 'sevenParameter' || t.centralMeridian === centralMeridian) ? t : undefined;
}

/** The list with `entry` in place of the one saved for its datum: a plan lies in one county, so one set per datum. */
export function withDatumParameters(list: readonly DatumParameters[], entry: DatumParameters): DatumParameters[] {
  return [...list.filter((p) => p.datum !== entry.datum), entry];
}

export function sameTransformation(a: DatumTransformation, b: DatumTransformation): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

const SEVEN_KEYS = ['dx', 'dy', 'dz', 'rx', 'ry', 'rz', 'scalePpm'] as const;
const FOUR_KEYS = ['dx', 'dy', 'rotationSeconds', 'scalePpm', 'centralMeridian'] as const;

function normalised(t: DatumTransformation): DatumTransformation {
  if (t.kind === 'sevenParameter') return { kind: t.kind, dx: t.dx, dy: t.dy, dz: t.dz, rx: t.rx, ry: t.ry, rz: t.rz, scalePpm: t.scalePpm, convention: t.convention };
  return { kind: t.kind, dx: t.dx, dy: t.dy, rotationSeconds: t.rotationSeconds, scalePpm: t.scalePpm, centralMeridian: t.centralMeridian };
}

/** A transformation from stored data (a plan file, the browser's memory), or undefined when it is not one. */
export function readTransformation(raw: unknown): DatumTransformation | undefined {
  if (!isObject(raw)) return undefined;
  const finite = (keys: readonly string[]) => keys.every((k) => typeof raw[k] === 'number' && Number.isFinite(raw[k]));
  if (raw.kind === 'sevenParameter' && finite(SEVEN_KEYS) && (raw.convention === 'positionVector' || raw.convention === 'coordinateFrame')) {
    return normalised(raw as unknown as SevenParameters);
  }
  if (raw.kind === 'fourParameter' && finite(FOUR_KEYS)) return normalised(raw as unknown as FourParameters);
  return undefined;
}

/** Saved parameters from a plan file: entries that are not whole and well-formed are dropped. */
export function sanitiseDatumParameters(raw: unknown): DatumParameters[] {
  if (!Array.isArray(raw)) return [];
  let out: DatumParameters[] = [];
  for (const entry of raw) {
    if (!isObject(entry) || !(LOCAL_DATUMS as readonly unknown[]).includes(entry.datum)) continue;
    const transformation = readTransformation(entry.transformation);
    if (transformation) out = withDatumParameters(out, { datum: entry.datum as LocalDatum, transformation });
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
