/** Area units (domain.md §7): m² kept to 0.01, 公顷 and 亩 shown to 2 dp; 1 亩 = 10,000/15 m². */
export const M2_PER_HECTARE = 10_000;
export const M2_PER_MU = 10_000 / 15;

export function m2ToHectares(m2: number): number {
  return m2 / M2_PER_HECTARE;
}

export function m2ToMu(m2: number): number {
  return m2 / M2_PER_MU;
}

export function muToM2(mu: number): number {
  return mu * M2_PER_MU;
}

/** The area units a planner can choose to read the indicator tables in. */
export const AREA_UNITS = ['m2', 'ha', 'mu'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

export function m2ToUnit(m2: number, unit: AreaUnit): number {
  return unit === 'm2' ? m2 : unit === 'ha' ? m2ToHectares(m2) : m2ToMu(m2);
}

/** Rounds half away from zero at `decimals` places, as survey tables do. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Number.EPSILON nudge: 1.005 * 100 is 100.49999… in binary and must still round to 1.01.
  const scaled = Math.abs(value) * factor * (1 + Number.EPSILON);
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

export interface AreaFigures {
  readonly m2: number;
  readonly hectares: number;
  readonly mu: number;
}

export function areaFigures(m2: number): AreaFigures {
  return { m2: roundTo(m2, 2), hectares: roundTo(m2ToHectares(m2), 2), mu: roundTo(m2ToMu(m2), 2) };
}

// One formatter per pair of decimal limits: toLocaleString with options builds a new one on every call
// (~0.1 ms), which is seconds for the 40,000 area cells of a 20,000-parcel attribute table and a tenth of
// a second for the messages of one check.
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * "1,234.5" with thousands separators and between `min` and `max` decimals (en-US digits, as tables print them).
 * A value that rounds to zero has no sign: "-0.00 公顷" reads as a shortfall where there is none.
 */
export function formatDecimals(value: number, min: number, max: number): string {
  const key = `${min}/${max}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, format);
  }
  const text = format.format(value);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
