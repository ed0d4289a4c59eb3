/**
 * Files → what the import dialog shows and what the plan will get, in one value a Worker can send back
 * (plain data): the layers read with their CRS and encoding reports, the survey mapping when the first
 * layer is a land survey, and the features ready for each layer a planner may choose. Runs in the worker.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import type { FeatureOf } from '../../domain/features.ts';
import { describeCrs } from '../crs/source-crs.ts';
import { importFiles } from '../formats/index.ts';
import type { EncodingReport, ImportedLayer, ReadOptions } from '../formats/types.ts';
import type { InputFile } from '../files.ts';
import { success, type Message, type Result } from '../result.ts';
import { importSurvey, type MappingPreviewRow } from '../survey/survey-import.ts';

export interface ImportedArea {
  readonly geometry: AreaGeometry;
  /** The source's attributes, as plain data (text shown as text, never as HTML). */
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface LayerSummary {
  readonly file: string;
  readonly name: string;
  readonly format: ImportedLayer['format'];
  readonly count: number;
  readonly crs: string;
  readonly crsHow: string;
  readonly encoding: EncodingReport | null;
}

export interface SurveyPreview {
  readonly parcels: readonly FeatureOf<'base'>[];
  readonly preview: readonly MappingPreviewRow[];
  readonly unmapped: readonly MappingPreviewRow[];
  readonly invalid: number;
  readonly duplicates: number;
  readonly notes: readonly Message[];
}

export interface ImportPreview {
  readonly layer: LayerSummary;
  /** Every layer found (a zip may hold several): the first is the one imported. */
  readonly others: readonly string[];
  readonly areas: readonly ImportedArea[];
  /** Null when the layer has no land-class code field (not a survey), with the reason. */
  readonly survey: SurveyPreview | null;
  readonly surveyError: Message | null;
  readonly notes: readonly Message[];
}

export function previewImport(files: readonly InputFile[], options: ReadOptions): Result<ImportPreview> {
  const read = importFiles(files, options);
  if (!read.ok) return read;
  const [layer, ...rest] = read.value;
  if (!layer) return { ok: false, error: { key: 'io.ui.nothingRead' } };
  const areas = layer.features
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({ geometry: f.geometry as AreaGeometry, properties: { ...f.properties } }));
  const survey = importSurvey(layer);
  return success(
    {
      layer: { file: layer.file, name: layer.name, format: layer.format, count: layer.features.length, crs: describeCrs(layer.crs.crs), crsHow: layer.crs.how, encoding: layer.encoding },
      others: rest.map((l) => l.file),
      areas,
      survey: survey.ok
        ? { parcels: survey.value.parcels.map((p) => p.feature), preview: survey.value.preview, unmapped: survey.value.unmapped, invalid: survey.value.invalid.length, duplicates: survey.value.duplicateParcelNos.length, notes: survey.notes }
        : null,
      surveyError: survey.ok ? null : survey.error,
      notes: read.notes,
    },
    [],
  );
}
