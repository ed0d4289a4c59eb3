/**
 * One import as the io worker holds it, from the files being read until the dialog lets it go: a layer
 * (held-layer.ts: the planner's GCJ-02, alignment, repair and mapping choices applied to what was read),
 * a delivery package (the rebuilt plan) or a CAD drawing. The page is sent summaries only — the features
 * stay here until the import is confirmed, and then come over in slices (app/io-client.ts), so the page
 * never unpacks 20,000 features in one task and never for a preview it only shows the figures of.
 */
import type { FeatureOf, PlanFeature } from '../../domain/features.ts';
import { LAYER_IDS } from '../../profiles/zhejiang-2017/layers.ts';
import type { Plan } from '../../domain/plan.ts';
import { holdsDxf, previewDxfFiles, type DxfArea, type DxfPreview } from '../dxf/dxf-preview.ts';
import type { InputFile } from '../files.ts';
import { success, type Result } from '../result.ts';
import { HeldLayer } from './held-layer.ts';
import { previewPackage, readForImport } from './import-preview.ts';
import type { ImportChoices, ImportedArea, ImportPreview, PackagePreview, PreviewOptions, SurveyPreview } from './preview-types.ts';

/** A layer's preview without its features: how many there are instead. */
export interface PreviewSummary extends Omit<ImportPreview, 'areas' | 'survey'> {
  readonly areaCount: number;
  readonly survey: SurveySummary | null;
}

export interface SurveySummary extends Omit<SurveyPreview, 'parcels'> {
  readonly parcelCount: number;
}

/** A package's preview without the plan's features (`counts` says how many each layer has). */
export interface PackageSummary extends Omit<PackagePreview, 'plan'> {
  readonly plan: Omit<Plan, 'layers'>;
}

export interface DxfSummary extends Omit<DxfPreview, 'areas'> {
  readonly areaCount: number;
}

export type ImportSummary = { readonly kind: 'layer'; readonly preview: PreviewSummary } | { readonly kind: 'package'; readonly package: PackageSummary } | { readonly kind: 'dxf'; readonly preview: DxfSummary };

type Held =
  | { readonly kind: 'layer'; readonly layer: HeldLayer; current: ImportPreview; applied: string }
  | { readonly kind: 'package'; readonly package: PackagePreview; readonly features: readonly PlanFeature[] }
  | { readonly kind: 'dxf'; readonly preview: DxfPreview };

/** The choices as a key: the same choices applied again give the preview already made. */
function choicesKey(c: ImportChoices): string {
  return JSON.stringify([c.convertGcj02 === true, c.alignTopology === true, c.repair === true, c.choices ?? []]);
}

export function previewSummary(preview: ImportPreview): PreviewSummary {
  const { areas, survey, ...rest } = preview;
  if (!survey) return { ...rest, areaCount: areas.length, survey: null };
  const { parcels, ...surveyRest } = survey;
  return { ...rest, areaCount: areas.length, survey: { ...surveyRest, parcelCount: parcels.length } };
}

function featuresOf(plan: Plan): PlanFeature[] {
  // A layer record holds that layer's features (Plan['layers']); indexing it by a LayerId variable loses which.
  return LAYER_IDS.flatMap((layer) => Object.values(plan.layers[layer] as Readonly<Record<string, PlanFeature>>));
}

export class ImportSession {
  readonly #held: Held;

  private constructor(held: Held) {
    this.#held = held;
  }

  /**
   * Parses the files: a CAD drawing, else a delivery package, else the first layer, previewed with the
   * options' choices (a re-read after a new encoding or datum keeps the planner's choices).
   */
  static open(files: readonly InputFile[], options: PreviewOptions): Result<ImportSession> {
    // A CAD drawing has its own preview: its layers are mapped to plan layers one by one (io/dxf/).
    if (holdsDxf(files)) {
      const { encoding, expectedLongitude, crs, datumParameters, onProgress } = options;
      const dxf = previewDxfFiles(files, {
        ...(encoding ? { encoding } : {}),
        ...(expectedLongitude !== undefined ? { expectedLongitude } : {}),
        ...(crs ? { crs } : {}),
        ...(datumParameters ? { datumParameters } : {}),
        ...(onProgress ? { onProgress } : {}),
      });
      return dxf.ok ? success(new ImportSession({ kind: 'dxf', preview: dxf.value.preview }), dxf.notes) : dxf;
    }
    const pkg = previewPackage(files, options);
    if (pkg !== null) return pkg.ok ? success(new ImportSession({ kind: 'package', package: pkg.value, features: featuresOf(pkg.value.plan) }), pkg.notes) : pkg;
    const read = readForImport(files, options);
    if (!read.ok) return read;
    const layer = new HeldLayer(read.value, options);
    return success(new ImportSession({ kind: 'layer', layer, current: layer.preview(options, options.onProgress), applied: choicesKey(options) }), read.notes);
  }

  get summary(): ImportSummary {
    const held = this.#held;
    if (held.kind === 'layer') return { kind: 'layer', preview: previewSummary(held.current) };
    if (held.kind === 'dxf') {
      const { areas, ...rest } = held.preview;
      return { kind: 'dxf', preview: { ...rest, areaCount: areas.length } };
    }
    const { plan, ...rest } = held.package;
    return { kind: 'package', package: { ...rest, plan: { format: plan.format, schemaVersion: plan.schemaVersion, id: plan.id, meta: plan.meta } } };
  }

  /** The layer's preview with these choices, from what was read (no file is read again). */
  apply(choices: ImportChoices): PreviewSummary {
    const held = this.#layer();
    const key = choicesKey(choices);
    if (key !== held.applied) {
      held.current = held.layer.preview(choices);
      held.applied = key;
    }
    return previewSummary(held.current);
  }

  /** Base parcels of the layer's current preview (a survey), `from` to `to`. */
  parcels(from: number, to: number): FeatureOf<'base'>[] {
    return this.#layer().current.survey?.parcels.slice(from, to) ?? [];
  }

  /** Polygons of the layer's current preview with their attributes, for a reference layer. */
  areas(from: number, to: number): ImportedArea[] {
    return this.#layer().current.areas.slice(from, to);
  }

  dxfAreas(from: number, to: number): DxfArea[] {
    const held = this.#held;
    if (held.kind !== 'dxf') throw new Error(`import session holds a ${held.kind}, not a drawing`);
    return held.preview.areas.slice(from, to);
  }

  /** The features of a package's plan, layer after layer, each layer in the plan's order (BSM). */
  planFeatures(from: number, to: number): PlanFeature[] {
    const held = this.#held;
    if (held.kind !== 'package') throw new Error(`import session holds a ${held.kind}, not a package`);
    return held.features.slice(from, to);
  }

  #layer(): Extract<Held, { kind: 'layer' }> {
    const held = this.#held;
    if (held.kind !== 'layer') throw new Error(`import session holds a ${held.kind}, not a layer`);
    return held;
  }
}
