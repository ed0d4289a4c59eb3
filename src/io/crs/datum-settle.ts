/**
 * A foreign CRS made ready to reproject (the county's parameters put in for Beijing 1954 / Xian 1980, or
 * the planner asked for them), and the note that says how its datum reaches CGCS2000.
 */
import { findDatumParameters, type DatumParameters, type DatumTransformation, type LocalDatum, type SevenParameters } from '../../domain/datum-parameters.ts';
import { failure, note, success, type Message, type Result } from '../result.ts';
import { namesCgcs2000 } from './prj-read.ts';
import type { ReadCrs } from './source-crs.ts';

export const DATUM_NAME_KEYS: Readonly<Record<LocalDatum, string>> = { beijing1954: 'io.crs.datumBeijing1954', xian1980: 'io.crs.datumXian1980' };
const CONVENTION_KEYS: Readonly<Record<SevenParameters['convention'], string>> = { positionVector: 'io.crs.datumSevenPositionVector', coordinateFrame: 'io.crs.datumSevenCoordinateFrame' };

/** The refusal the import dialog turns into a request for parameters (its params say which datum and plane). */
export const NEEDS_PARAMETERS = 'io.crs.needsDatumParameters';

/** The CRS with the saved parameters of its datum, or the request for them; other CRSs as they are. */
export function settleDatum(file: string, crs: ReadCrs, saved: readonly DatumParameters[]): Result<ReadCrs> {
  if (crs.kind !== 'foreign' || crs.shift.kind !== 'local' || crs.shift.transformation) return success(crs);
  const { datum } = crs.shift;
  const transformation = findDatumParameters(saved, datum, crs.gk?.centralMeridian ?? null);
  if (transformation) return success({ ...crs, shift: { ...crs.shift, transformation } });
  return failure(NEEDS_PARAMETERS, {
    file,
    name: crs.name,
    datumKey: DATUM_NAME_KEYS[datum],
    datumId: datum,
    centralMeridian: crs.gk?.centralMeridian ?? '',
    falseEasting: crs.gk?.falseEasting ?? '',
  });
}

/** `ΔX=-50.1 m, ΔY=… rX=1.5″ … k=4.5 ppm` (four parameters: `ΔX ΔY α k` and the meridian). */
export function describeTransformation(t: DatumTransformation): string {
  if (t.kind === 'sevenParameter') return `ΔX=${t.dx} m, ΔY=${t.dy} m, ΔZ=${t.dz} m, rX=${t.rx}″, rY=${t.ry}″, rZ=${t.rz}″, k=${t.scalePpm} ppm`;
  return `ΔX=${t.dx} m, ΔY=${t.dy} m, α=${t.rotationSeconds}″, k=${t.scalePpm} ppm, CM ${t.centralMeridian}°E`;
}

/** How the datum reached CGCS2000, for the import's notes; null for CGCS2000 itself. */
export function datumNote(file: string, crs: ReadCrs): Message | null {
  if (crs.kind !== 'foreign') return null;
  const shift = crs.shift;
  const datum = crs.datumName || crs.name;
  // CGCS2000 in a projection of its own (a 6° zone): the same datum, nothing to say about a shift.
  if (shift.kind === 'same') return namesCgcs2000(crs.datumName) ? null : note('io.crs.datumSame', { file, datum });
  if (shift.kind === 'towgs84') return note('io.crs.datumTowgs84', { file, datum, values: shift.values.join(',') });
  const t = shift.transformation;
  if (!t) return null;
  const kind = t.kind === 'sevenParameter' ? CONVENTION_KEYS[t.convention] : 'io.crs.datumFour';
  return note('io.crs.datumLocal', { file, datumKey: DATUM_NAME_KEYS[shift.datum], methodKey: kind, parameters: describeTransformation(t) });
}
