/**
 * Files → what the import dialog shows and what the plan will get, in one value a Worker can send back
 * (plain data): the layers read with their CRS and encoding reports, the survey mapping when the first
 * layer is a land survey, what aligning its topology would do, and the features ready for each layer a
 * planner may choose. Runs in the worker.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import type { FeatureOf } from '../../domain/features.ts';
import { LAYER_IDS, type LayerId } from '../../domain/layers.ts';
import type { Plan } from '../../domain/plan.ts';
import { compareAtGcj02Offset, gcj02OffsetNote, sitsAtGcj02Offset, type PlanOutlines } from '../crs/gcj02-offset.ts';
import type { DatumParameters } from '../../domain/datum-parameters.ts';
import { requestOfCrs, type DatumRequest } from '../crs/datum-request.ts';
import { describeCrs, type ReadCrs } from '../crs/source-crs.ts';
import { importFiles } from '../formats/index.ts';
import type { EncodingReport, ImportedLayer, ReadOptions } from '../formats/types.ts';
import type { InputFile } from '../files.ts';
import { success, type Message, type Result } from '../result.ts';
import { readPackageFiles, type PackageRead } from '../package/read-files.ts';
import { importSurvey, type InvalidGeometry, type MappingPreviewRow } from '../survey/survey-import.ts';
import { DEFAULT_SURVEY_MAPPING, withChoices, type MappingChoice } from '../survey/survey-mapping-table.ts';
import { alignLayer, type TopologyPreview } from './align-topology.ts';

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
  /** Invalid geometries with their problems; with `repair` asked, what the repair did (area before/after). */
  readonly invalid: readonly InvalidGeometry[];
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
  /** The layer looks like GCJ-02 (web-map offset), by its names or fields or its offset from the plan: the dialog offers the conversion. */
  readonly gcj02: boolean;
  /** Why, when it is the offset: the layer sits on the plan's parcels once converted (gcj02-offset.ts). */
  readonly gcj02Offset: Message | null;
  /** What aligning the layer's topology within 1 mm does (did, when asked); null when nothing is that close. */
  readonly topology: TopologyPreview | null;
  /** The county's Beijing 1954 / Xian 1980 parameters the layer was read with (the plan keeps them on import). */
  readonly datum: { readonly request: DatumRequest; readonly parameters: DatumParameters } | null;
  readonly notes: readonly Message[];
}

/** What the planner chose in the dialog; each change is a re-read in the worker. */
export interface PreviewOptions extends Pick<ReadOptions, 'encoding' | 'expectedLongitude' | 'convertGcj02' | 'datumParameters'> {
  /** Repair invalid survey geometry (only with the planner's consent). */
  readonly repair?: boolean;
  /** The planner's class for each survey code row (the mapping table's overrides). */
  readonly choices?: readonly MappingChoice[];
  /** Snap the layer into an exact coverage within 1 mm (only with the planner's consent; align-topology.ts). */
  readonly alignTopology?: boolean;
  /** Geometries the alignment snaps to and never changes: the plan's village boundary. */
  readonly reference?: readonly AreaGeometry[];
  /** The plan's base parcels (or boundary), to notice a layer at the GCJ-02 offset from them. */
  readonly planOutlines?: PlanOutlines;
  /** 0–1 as the read goes on (per layer, per 1,000 records), for the progress bar. */
  readonly onProgress?: (done: number) => void;
}

/** A delivery package found among the files: the plan rebuilt from it, to open as a new plan. */
export interface PackagePreview {
  readonly files: string;
  readonly plan: Plan;
  readonly layers: PackageRead['layers'];
  /** Features per plan layer, the layers that have any. */
  readonly counts: readonly { readonly layer: LayerId; readonly count: number }[];
}

export type FilesPreview = { readonly kind: 'layer'; readonly preview: ImportPreview } | { readonly kind: 'package'; readonly package: PackagePreview };

function readOptionsOf(options: PreviewOptions): ReadOptions {
  const { encoding, expectedLongitude, convertGcj02, datumParameters } = options;
  return { ...(encoding ? { encoding } : {}), ...(expectedLongitude !== undefined ? { expectedLongitude } : {}), ...(convertGcj02 ? { convertGcj02 } : {}), ...(datumParameters?.length ? { datumParameters } : {}) };
}

/** Files → a delivery package when they hold one (JQDLTB and another package layer), else the first layer's preview. */
export function previewFiles(files: readonly InputFile[], options: PreviewOptions = {}): Result<FilesPreview> {
  const { onProgress } = options;
  const pkg = readPackageFiles(files, readOptionsOf(options), undefined, onProgress ? (done, total) => onProgress(done / total) : undefined);
  if (pkg === null) {
    const layer = previewImport(files, options);
    return layer.ok ? success({ kind: 'layer', preview: layer.value }, layer.notes) : layer;
  }
  if (!pkg.ok) return pkg;
  const plan = pkg.value.plan;
  const counts = LAYER_IDS.map((layer) => ({ layer, count: Object.keys(plan.layers[layer]).length })).filter((c) => c.count > 0);
  return success({ kind: 'package', package: { files: files.map((f) => f.name).join(', '), plan, layers: pkg.value.layers, counts } }, pkg.notes);
}

export function previewImport(files: readonly InputFile[], options: PreviewOptions): Result<ImportPreview> {
  const { repair, choices, onProgress } = options;
  // Reading is most of the work; aligning and the survey mapping (areas, validity) the last third.
  const read = importFiles(files, { ...readOptionsOf(options), ...(onProgress ? { onProgress: (done: number) => onProgress(done * 0.7) } : {}) });
  if (!read.ok) return read;
  const [first, ...rest] = read.value;
  if (!first) return { ok: false, error: { key: 'io.ui.nothingRead' } };
  const gcj02Offset = offsetFromPlan(first, read.notes, options.planOutlines);
  const { layer, topology } = alignLayer(first, { apply: options.alignTopology === true, reference: options.reference ?? [] });
  onProgress?.(0.85);
  const areas = layer.features
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => ({ geometry: f.geometry as AreaGeometry, properties: { ...f.properties } }));
  const survey = importSurvey(layer, { ...(choices?.length ? { mapping: withChoices(DEFAULT_SURVEY_MAPPING, choices) } : {}), ...(repair ? { repair } : {}) });
  onProgress?.(1);
  return success(
    {
      layer: { file: layer.file, name: layer.name, format: layer.format, count: layer.features.length, crs: describeCrs(layer.crs.crs), crsHow: layer.crs.how, encoding: layer.encoding },
      others: rest.map((l) => l.file),
      areas,
      survey: survey.ok
        ? { parcels: survey.value.parcels.map((p) => p.feature), preview: survey.value.preview, unmapped: survey.value.unmapped, invalid: survey.value.invalid, duplicates: survey.value.duplicateParcelNos.length, notes: survey.notes }
        : null,
      surveyError: survey.ok ? null : survey.error,
      gcj02: gcj02Offset !== null || read.notes.some((n) => n.key === 'io.crs.maybeGcj02' || n.key === 'io.crs.gcj02Converted'),
      gcj02Offset,
      topology,
      datum: datumOf(layer.crs.crs),
      notes: read.notes,
    },
    [],
  );
}

/** The note that the layer is at the GCJ-02 offset from the plan, or null (lon/lat layers only: GCJ-02 is lon/lat). */
function offsetFromPlan(layer: ImportedLayer, notes: readonly Message[], outlines: PlanOutlines | undefined): Message | null {
  if (!outlines || layer.crs.crs.kind !== 'geographic') return null;
  const converted = notes.some((n) => n.key === 'io.crs.gcj02Converted');
  const comparison = compareAtGcj02Offset(
    layer.features.map((f) => f.geometry),
    outlines,
    converted ? 'converted' : 'asRead',
  );
  return sitsAtGcj02Offset(comparison) ? gcj02OffsetNote(comparison, outlines.against, layer.file) : null;
}

function datumOf(crs: ReadCrs): ImportPreview['datum'] {
  const request = requestOfCrs(crs);
  if (!request || crs.kind !== 'foreign' || crs.shift.kind !== 'local' || !crs.shift.transformation) return null;
  return { request, parameters: { datum: crs.shift.datum, transformation: crs.shift.transformation } };
}
