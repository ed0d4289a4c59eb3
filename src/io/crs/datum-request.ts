/**
 * The import dialog's parameter form without React: which datum and plane the file is in (from the
 * worker's request, or from the preview when the planner changes parameters already used), what the
 * entered text makes of it, and the control points' residuals under those parameters.
 */
import { LOCAL_DATUMS, type DatumParameters, type DatumTransformation, type LocalDatum, type SevenParameters } from '../../domain/datum-parameters.ts';
import type { Message } from '../../domain/message.ts';
import { failure, success, type Result } from '../result.ts';
import { controlPointResiduals, parseControlPoints, type ResidualReport } from './control-points.ts';
import { readParameterText } from './datum-file.ts';
import { NEEDS_PARAMETERS } from './datum-settle.ts';
import type { GkPlaneOf } from './local-datums.ts';
import { localForeignCrs, type ForeignCrs, type ReadCrs } from './source-crs.ts';

export interface DatumRequest {
  readonly datum: LocalDatum;
  /** As the file names its CRS. */
  readonly name: string;
  /** null: lon/lat. */
  readonly gk: GkPlaneOf | null;
}

/** What the planner typed: the kind chosen, the parameter text, the convention, the control points. */
export interface DatumFormInput {
  readonly kind: DatumTransformation['kind'];
  readonly text: string;
  readonly convention: SevenParameters['convention'];
  readonly controlPoints: string;
}

export interface DatumFormState {
  readonly parameters: Result<DatumParameters>;
  /** null without control points (or before the parameters are readable). */
  readonly residuals: Result<ResidualReport> | null;
}

/** The request in a refusal of the worker (`io.crs.needsDatumParameters`), or null for any other message. */
export function requestOfMessage(message: Message): DatumRequest | null {
  const p = message.params ?? {};
  if (message.key !== NEEDS_PARAMETERS || !(LOCAL_DATUMS as readonly unknown[]).includes(p.datumId)) return null;
  const centralMeridian = Number(p.centralMeridian);
  const falseEasting = Number(p.falseEasting);
  const gk = p.centralMeridian === '' || !Number.isFinite(centralMeridian) || !Number.isFinite(falseEasting) ? null : { centralMeridian, falseEasting };
  return { datum: p.datumId as LocalDatum, name: String(p.name ?? ''), gk };
}

/** The request a read CRS answers (to change parameters already used), or null for data needing none. */
export function requestOfCrs(crs: ReadCrs): DatumRequest | null {
  return crs.kind === 'foreign' && crs.shift.kind === 'local' ? { datum: crs.shift.datum, name: crs.name, gk: crs.gk } : null;
}

function requestCrs(request: DatumRequest, transformation: DatumTransformation): ForeignCrs {
  return localForeignCrs(request.name, request.datum, request, transformation);
}

export function evaluateDatumForm(request: DatumRequest, input: DatumFormInput, toleranceM: number): DatumFormState {
  const read = readParameterText(input.text, { convention: input.convention, centralMeridian: request.gk?.centralMeridian ?? null });
  if (!read.ok) return { parameters: read, residuals: null };
  let transformation = read.value.transformation;
  if (transformation.kind !== input.kind) return { parameters: failure(input.kind === 'sevenParameter' ? 'io.ui.datumNotSeven' : 'io.ui.datumNotFour'), residuals: null };
  // The convention the text states wins; else the planner's choice.
  if (transformation.kind === 'sevenParameter' && !read.value.conventionStated) transformation = { ...transformation, convention: input.convention };
  const parameters = success({ datum: request.datum, transformation });
  if (!input.controlPoints.trim()) return { parameters, residuals: null };
  const points = parseControlPoints(input.controlPoints);
  if (!points.ok) return { parameters, residuals: points };
  return { parameters, residuals: success(controlPointResiduals(requestCrs(request, transformation), points.value, toleranceM)) };
}
