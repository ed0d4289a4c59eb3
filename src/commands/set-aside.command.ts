/**
 * Restoring or discarding a feature record that was set aside because the draft could not read it back
 * (persist/quarantine.ts). Restoring reads what it can: the layer from the record's key, the geometry
 * cleaned and made valid (geo/repair.ts), each unreadable attribute set to its default. Every repair is
 * listed before the planner consents, and both decisions are undo steps like any edit.
 */
import type { Geometry, Position } from 'geojson';
import type { AreaGeometry, PlanFeature } from '../domain/features.ts';
import { defaultProperties, LAYER_FIELDS, validateFieldValue, type FieldValue } from '../profiles/zhejiang-2017/fields.ts';
import { newFeatureId, type FeatureId } from '../domain/ids.ts';
import { LAYER_IDS, LAYERS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { failure, type Result } from '../domain/message.ts';
import { putFeature, type QuarantineChange } from '../domain/patch.ts';
import { parsePlan } from '../domain/plan-file.ts';
import { findFeature, getFeature } from '../domain/plan.ts';
import { repairGeometry } from '../geo/repair.ts';
import { isValidAreaGeometry } from '../geo/validity.ts';
import type { CommandContext, CommandResult, Message } from './command.ts';

/** What a restore needs of a set-aside record. */
export interface SetAsideInput {
  readonly id: string;
  readonly store: 'features' | 'history' | 'planMeta';
  /** The record's key in the draft: `[draftId, layer, featureId]` for a feature. */
  readonly key: unknown;
  /** The stored value: a feature record `{ feature, order }`, or the feature itself when only it was bad. */
  readonly value: unknown;
}

export interface Salvaged {
  readonly feature: PlanFeature;
  /** What was changed to make the record usable, in words; empty when it was usable as it was. */
  readonly repairs: readonly Message[];
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The feature a record holds, repaired where it can be; an error when nothing usable is left. */
export function salvageFeature(ctx: CommandContext, record: SetAsideInput): Result<Salvaged> {
  if (record.store !== 'features') return failure('quarantine.restore.notAFeature');
  const candidate = isObject(record.value) && isObject(record.value.feature) ? record.value.feature : record.value;
  if (!isObject(candidate)) return failure('quarantine.restore.nothingReadable');
  const keyParts = Array.isArray(record.key) ? (record.key as unknown[]) : [];
  const layer = [keyParts[1], candidate.layer].find(isLayer);
  if (!layer) return failure('quarantine.restore.noLayer');

  const asItIs = readAsItIs(ctx, layer, candidate);
  if (asItIs) return { ok: true, value: { feature: asItIs, repairs: [] }, notes: [] };

  const repairs: Message[] = [];
  const id = featureIdFor(ctx, [candidate.id, keyParts[2]], repairs);
  const geometry = LAYERS[layer].geometry === 'point' ? pointOf(candidate.geometry) : areaOf(candidate.geometry, repairs);
  if (!geometry.ok) return geometry;
  const properties = propertiesFor(ctx, layer, candidate.properties, repairs);

  // The same gate a plan file passes: what is restored is something the draft could have saved.
  const rebuilt = { id, layer, geometry: geometry.value, properties };
  const checked = parsePlan({ format: 'village-plan', schemaVersion: ctx.plan.schemaVersion, id: ctx.plan.id, meta: ctx.plan.meta, layers: { [layer]: { [id]: rebuilt } } });
  const restored = checked.ok ? getFeature(checked.value, layer, id) : undefined;
  if (!restored) return failure('quarantine.restore.nothingReadable');
  return { ok: true, value: { feature: restored, repairs }, notes: [] };
}

export function restoreSetAside(ctx: CommandContext, record: SetAsideInput): CommandResult {
  const salvaged = salvageFeature(ctx, record);
  if (!salvaged.ok) return { ok: false, error: salvaged.error };
  const { feature, repairs } = salvaged.value;
  const decided: QuarantineChange = { id: record.id, before: 'pending', after: 'restored' };
  return {
    ok: true,
    label: 'commands.restoreSetAside.label',
    patch: { features: [putFeature(feature)], quarantine: [decided] },
    select: [feature.id],
    ...(repairs.length ? { notes: repairs } : {}),
  };
}

export function discardSetAside(record: Pick<SetAsideInput, 'id'>): CommandResult {
  return { ok: true, label: 'commands.discardSetAside.label', patch: { features: [], quarantine: [{ id: record.id, before: 'pending', after: 'discarded' }] } };
}

/**
 * The feature exactly as stored, when it reads as it is and its geometry is valid (only its record's
 * wrapper was damaged): nothing to repair, not even the order of its fields.
 */
function readAsItIs(ctx: CommandContext, layer: LayerId, candidate: Record<string, unknown>): PlanFeature | undefined {
  if (candidate.layer !== layer || typeof candidate.id !== 'string' || findFeature(ctx.plan, candidate.id as FeatureId)) return undefined;
  const parsed = parsePlan({ format: 'village-plan', schemaVersion: ctx.plan.schemaVersion, id: ctx.plan.id, meta: ctx.plan.meta, layers: { [layer]: { [candidate.id]: candidate } } });
  const feature = parsed.ok ? getFeature(parsed.value, layer, candidate.id as FeatureId) : undefined;
  if (!feature || (feature.geometry.type !== 'Point' && !isValidAreaGeometry(feature.geometry as AreaGeometry))) return undefined;
  return feature;
}

/**
 * The record's own id when it is a valid one no feature of any layer has taken (selection and edits find a
 * feature by its id alone); a new one otherwise.
 */
function featureIdFor(ctx: CommandContext, candidates: readonly unknown[], repairs: Message[]): FeatureId {
  const usable = candidates.find((c): c is string => typeof c === 'string' && ID_PATTERN.test(c) && c !== '__proto__' && c !== 'constructor' && c !== 'prototype');
  if (usable && !findFeature(ctx.plan, usable as FeatureId)) return usable as FeatureId;
  repairs.push({ key: usable ? 'quarantine.repair.idTaken' : 'quarantine.repair.newId' });
  return newFeatureId();
}

function pointOf(raw: unknown): Result<Geometry> {
  if (isObject(raw) && raw.type === 'Point' && isPosition(raw.coordinates)) {
    return { ok: true, value: { type: 'Point', coordinates: [raw.coordinates[0] as number, raw.coordinates[1] as number] }, notes: [] };
  }
  return failure('quarantine.restore.noGeometry');
}

/** Rings of positions as far as they can be read, then cleaned and made valid; the area change is reported. */
function areaOf(raw: unknown, repairs: Message[]): Result<AreaGeometry> {
  if (!isObject(raw) || !Array.isArray(raw.coordinates)) return failure('quarantine.restore.noGeometry');
  const polygons = raw.type === 'MultiPolygon' ? raw.coordinates : raw.type === 'Polygon' ? [raw.coordinates] : [];
  const readable = (polygons as unknown[]).map((rings) => (Array.isArray(rings) ? rings.map((ring) => (Array.isArray(ring) ? ring.filter(isPosition) : [])) : []));
  const read = readable.filter((rings) => rings.length > 0 && (rings[0]?.length ?? 0) > 0);
  if (read.length === 0) return failure('quarantine.restore.noGeometry');
  const geometry: AreaGeometry = read.length === 1 ? { type: 'Polygon', coordinates: read[0] as Position[][] } : { type: 'MultiPolygon', coordinates: read as Position[][][] };
  const repair = repairGeometry(geometry);
  if (!repair.geometry || !repair.valid) return failure('quarantine.restore.invalidGeometry');
  if (JSON.stringify(repair.geometry) !== JSON.stringify(raw.type === 'Polygon' || raw.type === 'MultiPolygon' ? { type: raw.type, coordinates: raw.coordinates } : null)) {
    repairs.push({ key: 'quarantine.repair.geometry', params: { beforeM2: repair.areaBefore, afterM2: repair.areaAfter } });
  }
  return { ok: true, value: repair.geometry, notes: [] };
}

/**
 * Starts from the layer's defaults and keeps every readable value: a checked field only when it passes
 * the field's own check, any other known property when it has the default's type (or is null).
 */
function propertiesFor(ctx: CommandContext, layer: LayerId, raw: unknown, repairs: Message[]): Record<string, unknown> {
  const defaults = defaultProperties(layer, ctx.profile, '') as unknown as Record<string, unknown>;
  const given = isObject(raw) ? raw : {};
  const properties: Record<string, unknown> = { ...defaults };
  const checked = new Set<string>();
  for (const spec of LAYER_FIELDS[layer]) {
    checked.add(spec.key);
    const value = given[spec.key];
    if (validateFieldValue(spec, (value ?? null) as FieldValue, ctx.profile)) properties[spec.key] = value ?? null;
    else repairs.push({ key: 'quarantine.repair.field', params: { field: `field.${spec.key}`, value: shortJson(value), fallback: shortJson(defaults[spec.key]) } });
  }
  for (const [key, fallback] of Object.entries(defaults)) {
    if (checked.has(key) || !(key in given)) continue;
    const value = given[key];
    if (value === null || typeof value === typeof fallback) properties[key] = value;
  }
  return properties;
}

function shortJson(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return (JSON.stringify(value) ?? String(value)).slice(0, 40);
}

function isLayer(value: unknown): value is LayerId {
  return typeof value === 'string' && (LAYER_IDS as readonly string[]).includes(value);
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && Number.isFinite(value[0]) && Number.isFinite(value[1]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

