/**
 * A layer read for import and kept, so that the planner's choices that do not change how the file is
 * parsed — GCJ-02 conversion, topology alignment, geometry repair, the survey mapping — are applied to
 * what was read instead of reading the file again. The io worker holds one per import session
 * (import-session.ts); the tests' `previewImport` (import-test-support.ts) makes one and uses it once, the
 * fresh read a held layer is compared with. Each step keeps its results per choice it depends on
 * (conversion; alignment per conversion; the survey's records per conversion, alignment and repair), so
 * ticking an option back and forth, or confirming a new mapping, redoes only the steps after it.
 */
import type { AreaGeometry } from '../../domain/features.ts';
import { compareAtGcj02Offset, gcj02OffsetNote, sitsAtGcj02Offset, type PlanOutlines } from '../crs/gcj02-offset.ts';
import { requestOfCrs } from '../crs/datum-request.ts';
import { describeCrs, type ReadCrs } from '../crs/source-crs.ts';
import { convertedFromGcj02, type LayerRead } from '../formats/georeference.ts';
import type { ImportedLayer } from '../formats/types.ts';
import type { Message, Result } from '../result.ts';
import { mapSurvey } from '../survey/survey-import.ts';
import { DEFAULT_SURVEY_MAPPING, withChoices } from '../../profiles/zhejiang-2017/survey-mapping-table.ts';
import { surveyRecords, type SurveyRecords } from '../survey/survey-records.ts';
import { alignedLayer, coarseCoordinatesNote, snapLayer, type SnappedLayer } from './align-topology.ts';
import type { ImportChoices, ImportedArea, ImportPreview } from './preview-types.ts';
import { storableLayer } from './storable-geometry.ts';

/** What reading the files gave: every layer with its notes, GCJ-02 not applied, and the files' own notes. */
export interface LayersRead {
  readonly layers: readonly LayerRead[];
  readonly notes: readonly Message[];
}

/**
 * What the plan brings to an import: the boundary aligning snaps to, the outlines a GCJ-02 offset is
 * noticed against, and its profile's coverage tolerance, which aligning and the coarse-coordinates note use.
 */
export interface PlanContext {
  readonly reference?: readonly AreaGeometry[];
  readonly planOutlines?: PlanOutlines;
  readonly coverageToleranceM?: number;
}

interface Converted {
  readonly first: ImportedLayer;
  /** Every layer's notes (converted layers say so), then the files' own. */
  readonly notes: readonly Message[];
  readonly gcj02Offset: Message | null;
}

export class HeldLayer {
  readonly #read: LayersRead;
  readonly #context: PlanContext;
  readonly #converted = new Map<boolean, Converted>();
  readonly #snapped = new Map<boolean, SnappedLayer | null>();
  readonly #records = new Map<string, Result<SurveyRecords>>();
  /** Per layer as converted and aligned: the mapping does not change them. */
  readonly #polygons = new WeakMap<ImportedLayer, readonly ImportedArea[]>();

  constructor(read: LayersRead, context: PlanContext) {
    if (read.layers.length === 0) throw new Error('HeldLayer: nothing read');
    this.#read = read;
    this.#context = context;
  }

  /** The preview with these choices applied to what was read; `onProgress` says 0.85 once aligned, then 1. */
  preview(choices: ImportChoices, onProgress?: (done: number) => void): ImportPreview {
    const convert = choices.convertGcj02 === true;
    const align = choices.alignTopology === true;
    const { first, notes, gcj02Offset } = this.#convert(convert);
    const { layer, topology } = alignedLayer(first, this.#snap(convert, first), align);
    onProgress?.(0.85);
    const areas = this.#areas(layer);
    const records = this.#surveyRecords(`${convert}|${align}|${choices.repair === true}`, layer, choices.repair === true);
    const survey = records.ok ? mapSurvey(records.value, withChoices(DEFAULT_SURVEY_MAPPING, choices.choices ?? [])) : records;
    onProgress?.(1);
    const coarse = coarseCoordinatesNote(topology, layer.file);
    return {
      layer: { file: layer.file, name: layer.name, format: layer.format, count: layer.features.length, crs: describeCrs(layer.crs.crs), crsHow: layer.crs.how, encoding: layer.encoding },
      others: this.#read.layers.slice(1).map((l) => l.layer.file),
      areas,
      survey: survey.ok
        ? { parcels: survey.value.parcels.map((p) => p.feature), preview: survey.value.preview, unmapped: survey.value.unmapped, invalid: survey.value.invalid, duplicates: survey.value.duplicateParcelNos.length, notes: survey.notes }
        : null,
      surveyError: survey.ok ? null : survey.error,
      gcj02: gcj02Offset !== null || notes.some((n) => n.key === 'io.crs.maybeGcj02' || n.key === 'io.crs.gcj02Converted'),
      gcj02Offset,
      topology,
      datum: datumOf(layer.crs.crs),
      notes: coarse ? [...notes, coarse] : notes,
    };
  }

  #convert(convert: boolean): Converted {
    let converted = this.#converted.get(convert);
    if (!converted) {
      // As a read with the conversion asked for would: every layer converted (and its note saying so), the first one used.
      const layers = convert ? this.#read.layers.map(convertedFromGcj02) : this.#read.layers;
      const storable = storableLayer((layers[0] as LayerRead).layer);
      const first = storable.layer;
      const notes = [...layers.flatMap((l) => l.notes), ...this.#read.notes, ...(storable.note ? [storable.note] : [])];
      converted = { first, notes, gcj02Offset: offsetFromPlan(first, convert, this.#context.planOutlines) };
      this.#converted.set(convert, converted);
    }
    return converted;
  }

  #snap(convert: boolean, layer: ImportedLayer): SnappedLayer | null {
    let snapped = this.#snapped.get(convert);
    if (snapped === undefined) {
      snapped = snapLayer(layer, this.#context.reference ?? [], this.#context.coverageToleranceM);
      this.#snapped.set(convert, snapped);
    }
    return snapped;
  }

  #areas(layer: ImportedLayer): readonly ImportedArea[] {
    let areas = this.#polygons.get(layer);
    if (!areas) {
      areas = layer.features
        .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
        .map((f) => ({ geometry: f.geometry as AreaGeometry, properties: { ...f.properties } }));
      this.#polygons.set(layer, areas);
    }
    return areas;
  }

  #surveyRecords(key: string, layer: ImportedLayer, repair: boolean): Result<SurveyRecords> {
    let records = this.#records.get(key);
    if (!records) {
      records = surveyRecords(layer, { repair });
      this.#records.set(key, records);
    }
    return records;
  }
}

/** The note that the layer is at the GCJ-02 offset from the plan, or null (lon/lat layers only: GCJ-02 is lon/lat). */
function offsetFromPlan(layer: ImportedLayer, converted: boolean, outlines: PlanOutlines | undefined): Message | null {
  if (!outlines || layer.crs.crs.kind !== 'geographic') return null;
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
