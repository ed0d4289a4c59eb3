/**
 * Which of the layers a planner chose is the 三调 DLTB, and which (if any) the village boundary: a 三调
 * export holds DLTB beside XZQ, CJDCQ and others, and a planner picks the folder's files all at once. By
 * layer name first (DLTB, 地类图斑; XZQ, CJDCQ, 村界), else the only polygon layer; more than one candidate
 * and no name to go by is a question back, never a guess.
 */
import type { ImportedLayer } from '../formats/types.ts';
import { failure, listSome, success, type Result } from '../result.ts';

const DLTB_NAMES = /^(dltb|地类图斑|现状用地)$/i;
const BOUNDARY_NAMES = /^(xzq|cjdcq|村界|行政区|村级调查区)$/i;

export interface SurveyLayers {
  readonly dltb: ImportedLayer;
  readonly boundary: ImportedLayer | null;
}

const hasPolygons = (layer: ImportedLayer) => layer.features.some((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon');

export function surveyLayersOf(layers: readonly ImportedLayer[]): Result<SurveyLayers> {
  const boundary = layers.find((layer) => BOUNDARY_NAMES.test(layer.name) && hasPolygons(layer)) ?? null;
  const named = layers.filter((layer) => DLTB_NAMES.test(layer.name));
  const candidates = named.length > 0 ? named : layers.filter((layer) => layer !== boundary && hasPolygons(layer));
  const [dltb, ...others] = candidates;
  if (!dltb) return failure('database.survey.noDltb', { layers: listSome(layers.map((l) => l.name)) || '—' });
  if (others.length > 0) return failure('database.survey.whichDltb', { layers: listSome(candidates.map((l) => l.name)) });
  return success({ dltb, boundary });
}
