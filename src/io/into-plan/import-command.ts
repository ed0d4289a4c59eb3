/**
 * An import as ONE undoable command: the chosen layer of the plan is replaced by what was read (a survey
 * fills or replaces the base parcels; a reference layer — boundary, basic farmland, red line, township
 * zones — replaces that layer). Built from the worker's preview and the features it held for the target,
 * so nothing is read twice; anything that does not fit refuses the whole import (nothing half-way).
 */
import { refuse, type CommandContext, type CommandResult } from '../../commands/command.ts';
import { CONTROL_ZONE_CODES, normaliseControlZoneCode, type ControlZoneCode } from '../../profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../domain/code-entry.ts';
import type { FeatureOf, PlanFeature } from '../../domain/features.ts';
import { newFeatureId } from '../../domain/ids.ts';
import { findDatumParameters, sameTransformation, withDatumParameters, type DatumParameters } from '../../domain/datum-parameters.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { putFeature, removeFeature, type FeatureChange } from '../../domain/patch.ts';
import { pbfTypeOfField } from '../../profiles/zhejiang-2017/pbf-types.ts';
import { listSome } from '../result.ts';
import { topologyNotes } from './align-topology.ts';
import type { ImportedArea } from './preview-types.ts';
import type { PreviewSummary } from './import-session.ts';

export const IMPORT_TARGETS = ['base', 'boundary', 'pbf', 'redline', 'townshipZones'] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

/** Targets meant to cover their area without gaps or overlaps (parcels, zones): where aligning the topology applies. */
export const PARTITION_TARGETS: readonly ImportTarget[] = ['base', 'townshipZones'];

const ZONES = new Set<string>(codesOf(CONTROL_ZONE_CODES));

/** The first of `names` the record has as non-empty text (field names vary between sources). */
function field(area: ImportedArea, ...names: string[]): string | null {
  for (const name of names) {
    const value = area.properties[name] ?? area.properties[name.toLowerCase()];
    if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return String(value).trim();
  }
  return null;
}

function referenceFeatures(ctx: CommandContext, target: Exclude<ImportTarget, 'base'>, areas: readonly ImportedArea[]): PlanFeature[] | { readonly badZones: string[] } {
  const meta = ctx.plan.meta;
  const badZones: string[] = [];
  const features = areas.map((area, i): PlanFeature => {
    const id = newFeatureId();
    const geometry = area.geometry;
    if (target === 'boundary') return { id, layer: 'boundary', geometry, properties: { villageCode: field(area, 'XZQDM') ?? meta.villageCode, villageName: field(area, 'XZQMC') ?? meta.villageName } } as FeatureOf<'boundary'>;
    if (target === 'pbf') {
      const recorded = Number(field(area, 'TBMJ'));
      return { id, layer: 'pbf', geometry, properties: { pbfType: pbfTypeOfField((field(area, 'JBNTLX') ?? '').toUpperCase()), recordedArea: Number.isFinite(recorded) && recorded > 0 ? recorded : null } } as FeatureOf<'pbf'>;
    }
    if (target === 'redline') return { id, layer: 'redline', geometry, properties: { name: field(area, 'NAME', 'MC', 'HXMC') ?? '' } } as FeatureOf<'redline'>;
    const code = normaliseControlZoneCode(field(area, 'GZQLXDM') ?? '');
    if (!ZONES.has(code)) badZones.push(`#${i + 1} ${code || '∅'}`);
    return { id, layer: 'townshipZones', geometry, properties: { zoneCode: code as ControlZoneCode } } as FeatureOf<'townshipZones'>;
  });
  return badZones.length ? { badZones } : features;
}

/** The features the import brings, for its target: a survey's base parcels, or polygons with their attributes. */
export type ImportFeatures = { readonly target: 'base'; readonly parcels: readonly FeatureOf<'base'>[] } | { readonly target: Exclude<ImportTarget, 'base'>; readonly areas: readonly ImportedArea[] };

export function importIntoPlan(ctx: CommandContext, preview: PreviewSummary, input: ImportFeatures): CommandResult {
  const target = input.target;
  let features: PlanFeature[];
  if (input.target === 'base') {
    if (!preview.survey) {
      // Why the layer is no survey (no .dbf, no code field) says more than that it is not one.
      return preview.surveyError ? refuse(preview.surveyError.key, preview.surveyError.params) : refuse('io.ui.notSurvey', { file: preview.layer.file });
    }
    features = [...input.parcels];
  } else {
    const made = referenceFeatures(ctx, input.target, input.areas);
    if ('badZones' in made) return refuse('io.ui.badZoneCodes', { file: preview.layer.file, count: made.badZones.length, list: listSome(made.badZones) });
    features = made;
  }
  if (features.length === 0) return refuse('io.ui.noAreas', { file: preview.layer.file });
  const removed: FeatureChange[] = layerFeatures(ctx.plan, target).map((f) => removeFeature(ctx.plan, target, f.id));
  // Datum parameters entered for this import are kept with the plan, in the same undo step.
  const meta = preview.datum ? { datumParameters: keptParameters(ctx.plan.meta.datumParameters, preview.datum.parameters) } : undefined;
  return {
    ok: true,
    label: 'io.ui.importStep',
    patch: { features: [...removed, ...features.map(putFeature)], ...(meta?.datumParameters ? { meta } : {}) },
    notes: [{ key: 'io.ui.imported', params: { file: preview.layer.file, count: features.length, replaced: removed.length } }, ...topologyNotes(preview.topology, preview.layer.file)],
  };
}

/** The plan's list with `used` in it, or undefined when the plan already has exactly these. */
function keptParameters(saved: readonly DatumParameters[], used: DatumParameters): DatumParameters[] | undefined {
  const plane = used.transformation.kind === 'fourParameter' ? used.transformation.centralMeridian : null;
  const current = findDatumParameters(saved, used.datum, plane);
  return current && sameTransformation(current, used.transformation) ? undefined : withDatumParameters(saved, used);
}
