/**
 * Reading a stored draft back into a plan and its undo history. Every record is checked the way a plan
 * file is (domain/plan-file.ts `parsePlan`): a record that cannot be read is left out and reported, the
 * rest of the draft opens. An undo step that cannot be read takes with it the steps that would have to be
 * undone after it, because those would no longer start from the right plan.
 */
import { EMPTY_HISTORY, type History, type HistoryEntry } from '../commands/history.ts';
import type { PlanFeature } from '../domain/features.ts';
import type { FeatureId } from '../domain/ids.ts';
import { LAYER_IDS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { failure, type Message, type Result } from '../domain/message.ts';
import type { FeatureChange, Patch, QuarantineChange, QuarantineState } from '../domain/patch.ts';
import { idTakenProblem, parsePlan } from '../domain/plan-file.ts';
import { emptyPlan, PLAN_SCHEMA_VERSION, type Plan, type PlanMeta } from '../domain/plan.ts';
import { readDraftRecord } from './draft-record.ts';
import { unwrap } from 'idb';
import { DraftLedger, featureSlot } from './ledger.ts';
import type { DraftsDb } from './open-drafts-db.ts';
import { jsonBytes } from './record-size.ts';
import { draftKeyRange, type DraftId, type DraftRecord, type HistoryKey, type QuarantineRecord } from './schema.ts';

/** A record left out of the plan, with why; the writer moves it to the quarantine store. */
export interface DamagedRecord {
  readonly store: QuarantineRecord['store'];
  readonly key: IDBValidKey;
  readonly value: unknown;
  readonly problem: string;
}

export interface LoadedDraft {
  readonly info: DraftRecord;
  readonly plan: Plan;
  readonly history: History;
  readonly ledger: DraftLedger;
  readonly damaged: readonly DamagedRecord[];
  /** Readable undo steps left out because a step they depend on was damaged. */
  readonly droppedSteps: readonly HistoryKey[];
  /** What the planner is told: damaged records, dropped steps. */
  readonly notes: readonly Message[];
}

export async function readDraft(db: DraftsDb, draftId: DraftId): Promise<Result<LoadedDraft>> {
  const tx = db.transaction(['drafts', 'draftStats', 'planMeta', 'features', 'history'], 'readonly');
  const range = draftKeyRange(draftId);
  const [info, stats, metaRecord, featureRows, historyRows] = await Promise.all([
    tx.objectStore('drafts').get(draftId) as Promise<unknown>,
    tx.objectStore('draftStats').get(draftId) as Promise<unknown>,
    tx.objectStore('planMeta').get(draftId) as Promise<unknown>,
    recordsIn(unwrap(tx.objectStore('features')), range),
    recordsIn(unwrap(tx.objectStore('history')), range),
    tx.done,
  ]);
  const record = readDraftRecord(info, stats);
  if (!record) return failure(info === undefined ? 'drafts.open.notFound' : 'drafts.open.badDraft');
  return assembleDraft(record, metaRecord, featureRows, historyRows);
}

/** `getAllRecords` (Chromium 141+) where the browser has it, which is measurably faster than two requests. */
type WithRecords = IDBObjectStore & {
  getAllRecords?(options: { query: IDBKeyRange }): IDBRequest<{ key: IDBValidKey; value: unknown }[]>;
};

/** Every key and value in a key range, read in the caller's transaction. */
function recordsIn(store: WithRecords, range: IDBKeyRange): Promise<Stored[]> {
  const ask = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  if (store.getAllRecords) return ask(store.getAllRecords({ query: range }));
  return Promise.all([ask(store.getAllKeys(range)), ask(store.getAll(range))]).then(([keys, values]) => zip(keys, values));
}

interface Stored {
  readonly key: IDBValidKey;
  readonly value: unknown;
}

function zip(keys: readonly IDBValidKey[], values: readonly unknown[]): Stored[] {
  return keys.map((key, i) => ({ key, value: values[i] }));
}

/** Pure: stored records in, plan and history out. Exported for tests of damaged records. */
function assembleDraft(info: DraftRecord, metaRecord: unknown, featureRows: readonly Stored[], historyRows: readonly Stored[]): Result<LoadedDraft> {
  const damaged: DamagedRecord[] = [];
  const head = planHead(info, metaRecord, damaged);

  const ledger = new DraftLedger();
  const features = readFeatures(featureRows, damaged);
  const parsed = parseFeatures(head, features, damaged);
  if (!parsed.ok) return parsed;
  const plan = parsed.value;
  for (const layer of LAYER_IDS) {
    for (const feature of Object.values(plan.layers[layer]) as PlanFeature[]) {
      const slot = featureSlot(layer, feature.id);
      const row = features.get(slot) as FeatureRow;
      ledger.placeLoaded(slot, row.order);
      ledger.stored(slot, row.bytes);
    }
  }
  ledger.metaBytes = jsonBytes(plan.meta);

  const { history, droppedSteps, maxSeq } = readHistory(historyRows, plan, damaged, ledger);
  ledger.nextSeq = maxSeq + 1;

  // What the reader itself says (a meta value it could not keep) comes first.
  const notes: Message[] = [...parsed.notes];
  const count = (store: DamagedRecord['store']) => damaged.filter((d) => d.store === store).length;
  if (count('planMeta')) notes.push({ key: 'drafts.open.damagedMeta' });
  if (count('features')) notes.push({ key: 'drafts.open.damagedFeatures', params: { count: count('features') } });
  if (count('history') || droppedSteps.length) notes.push({ key: 'drafts.open.damagedHistory', params: { count: count('history') + droppedSteps.length } });
  return { ok: true, value: { info, plan, history, ledger, damaged, droppedSteps, notes }, notes };
}

interface PlanHead {
  readonly id: string;
  readonly schemaVersion: number;
  readonly meta: unknown;
}

function planHead(info: DraftRecord, record: unknown, damaged: DamagedRecord[]): PlanHead {
  if (isObject(record) && isObject(record.meta) && typeof record.planId === 'string' && typeof record.planSchemaVersion === 'number') {
    return { id: record.planId, schemaVersion: record.planSchemaVersion, meta: record.meta };
  }
  damaged.push({ store: 'planMeta', key: info.id, value: record, problem: record === undefined ? 'missing' : 'not a plan meta record' });
  // The village name is also on the draft's own record; the rest of the meta falls back to defaults.
  return { id: info.planId, schemaVersion: PLAN_SCHEMA_VERSION, meta: { ...emptyPlan().meta, villageName: info.villageName } };
}

interface FeatureRow {
  readonly layer: LayerId;
  readonly id: string;
  readonly key: IDBValidKey;
  readonly raw: unknown;
  readonly order: number;
  readonly bytes: number;
}

function readFeatures(rows: readonly Stored[], damaged: DamagedRecord[]): Map<string, FeatureRow> {
  const features = new Map<string, FeatureRow>();
  for (const { key, value } of rows) {
    const [, layer, id] = Array.isArray(key) ? key : [];
    if (!isLayer(layer) || typeof id !== 'string') {
      damaged.push({ store: 'features', key, value, problem: 'bad key' });
    } else if (!isObject(value) || !isObject(value.feature) || typeof value.order !== 'number') {
      damaged.push({ store: 'features', key, value, problem: 'not a feature record' });
    } else {
      const bytes = typeof value.bytes === 'number' ? value.bytes : jsonBytes(value.feature);
      features.set(featureSlot(layer, id as FeatureId), { layer, id, key, raw: value.feature, order: value.order, bytes });
    }
  }
  return features;
}

function rawPlan(head: PlanHead, rows: Iterable<FeatureRow>): Record<string, unknown> {
  const byLayer = new Map<LayerId, FeatureRow[]>(LAYER_IDS.map((l) => [l, []]));
  for (const row of rows) byLayer.get(row.layer)?.push(row);
  const layers: Record<string, Record<string, unknown>> = {};
  for (const [layer, list] of byLayer) {
    list.sort((a, b) => a.order - b.order);
    layers[layer] = Object.fromEntries(list.map((row) => [row.id, row.raw]));
  }
  return { format: 'village-plan', schemaVersion: head.schemaVersion, id: head.id, meta: head.meta, layers };
}

/**
 * The whole plan through `parsePlan` at once: the same work as opening a plan file. Only when that fails
 * on features is each one checked alone, to set the damaged ones aside, and so is the one check alone
 * cannot make: an id a feature of an earlier layer already has (the later one is set aside, as `parsePlan`
 * refuses it).
 */
function parseFeatures(head: PlanHead, features: Map<string, FeatureRow>, damaged: DamagedRecord[]): Result<Plan> {
  const whole = parsePlan(rawPlan(head, features.values()));
  if (whole.ok || whole.error.key !== 'planFile.badFeatures') return whole.ok ? whole : unreadable(whole.error);
  const layerOfId = new Map<string, LayerId>();
  const inLayerOrder = [...features].sort(([, a], [, b]) => LAYER_IDS.indexOf(a.layer) - LAYER_IDS.indexOf(b.layer));
  for (const [slot, row] of inLayerOrder) {
    const alone = parsePlan(rawPlan(head, [row]));
    const taken = layerOfId.get(row.id);
    if (alone.ok && !taken) {
      layerOfId.set(row.id, row.layer);
      continue;
    }
    const problem = technicalProblem(alone.ok ? idTakenProblem(taken as LayerId) : { key: String(alone.error.params?.problemKey ?? alone.error.key), params: alone.error.params ?? {} });
    damaged.push({ store: 'features', key: row.key, value: row.raw, problem });
    features.delete(slot);
  }
  const rest = parsePlan(rawPlan(head, features.values()));
  return rest.ok ? rest : unreadable(rest.error);
}

/**
 * A set-aside record's problem as it is kept and downloaded: the reason's key and the values it names, for
 * whoever repairs the record (the panel shows the salvage's own translated messages).
 */
function technicalProblem(reason: Message): string {
  const values = Object.entries(reason.params ?? {}).filter(([name]) => !BAD_FEATURES_OWN_PARAMS.has(name));
  return [reason.key, ...values.map(([name, value]) => `${name}=${value}`)].join(' ');
}

/** What `planFile.badFeatures` says besides its first feature's problem (plan-file.ts). */
const BAD_FEATURES_OWN_PARAMS = new Set(['count', 'list', 'layerKey', 'id', 'problemKey']);

/** The reader's reason with its own parameters (a newer plan's version, the field), translated where it is shown. */
function unreadable(reason: Message): Result<never> {
  return failure('drafts.open.unreadable', { ...reason.params, reasonKey: reason.key });
}

interface HistoryRead {
  readonly history: History;
  readonly droppedSteps: HistoryKey[];
  readonly maxSeq: number;
}

interface StepRow {
  readonly seq: number;
  /** null: the record could not be read. */
  readonly entry: HistoryEntry | null;
  readonly key: IDBValidKey;
}

function readHistory(rows: readonly Stored[], plan: Plan, damaged: DamagedRecord[], ledger: DraftLedger): HistoryRead {
  const stacks: Record<'undo' | 'redo', StepRow[]> = { undo: [], redo: [] };
  let maxSeq = 0;
  for (const { key, value } of rows) {
    const seq = Array.isArray(key) && typeof key[1] === 'number' ? key[1] : null;
    if (seq === null) {
      damaged.push({ store: 'history', key, value, problem: 'bad key' });
      continue;
    }
    maxSeq = Math.max(maxSeq, seq);
    const stack: 'undo' | 'redo' | null = isObject(value) && (value.stack === 'undo' || value.stack === 'redo') ? value.stack : null;
    const entry = stack ? readUndoStep(value, plan) : null;
    if (stack && entry) {
      stacks[stack].push({ seq, entry, key });
      continue;
    }
    damaged.push({ store: 'history', key, value, problem: 'not a readable undo step' });
    // Which stack it was on is unknown when the record is this broken: it cuts both.
    for (const s of stack ? [stack] : (['undo', 'redo'] as const)) stacks[s].push({ seq, entry: null, key });
  }

  const droppedSteps: HistoryKey[] = [];
  const keep = (stack: 'undo' | 'redo'): HistoryEntry[] => {
    const list = stacks[stack].sort((a, b) => a.seq - b.seq);
    // Steps are undone (or redone) from the top down: everything at or below a damaged step is unusable.
    const cut = list.map((s) => s.entry === null).lastIndexOf(true);
    for (const step of list.slice(0, cut + 1)) if (step.entry) droppedSteps.push(step.key as HistoryKey);
    const kept = list.slice(cut + 1) as (StepRow & { entry: HistoryEntry })[];
    for (const step of kept) ledger.steps.set(step.entry, { seq: step.seq, stack });
    return kept.map((s) => s.entry);
  };
  return { history: { ...EMPTY_HISTORY, undo: keep('undo'), redo: keep('redo') }, droppedSteps, maxSeq };
}

/** One undo step (`{ label, inverse }`), its features checked and completed like a plan file's; null when it cannot be used. */
export function readUndoStep(value: unknown, plan: Plan): HistoryEntry | null {
  if (!isObject(value)) return null;
  const inverse = value.inverse;
  if (typeof value.label !== 'string' || !isObject(inverse) || !Array.isArray(inverse.features)) return null;
  const changes: FeatureChange[] = [];
  for (const change of inverse.features as unknown[]) {
    if (!isObject(change) || !isLayer(change.layer) || typeof change.id !== 'string') return null;
    const layer = change.layer;
    const id = change.id as FeatureId;
    if (change.after === null) {
      changes.push({ layer, id, after: null });
      continue;
    }
    const parsed = parsePlan({ format: 'village-plan', schemaVersion: plan.schemaVersion, id: plan.id, meta: plan.meta, layers: { [layer]: { [id]: change.after } } });
    const feature = parsed.ok ? (parsed.value.layers[layer] as Record<string, PlanFeature>)[id] : undefined;
    if (!feature) return null;
    changes.push({ layer, id, after: feature });
  }
  let patch: Patch = { features: changes };
  if (inverse.meta !== undefined) {
    const meta = readMetaChange(inverse.meta, plan.meta);
    if (!meta) return null;
    patch = { ...patch, meta };
  }
  if (inverse.quarantine !== undefined) {
    const quarantine = readQuarantineChanges(inverse.quarantine);
    if (!quarantine) return null;
    patch = { ...patch, quarantine };
  }
  return { label: value.label, inverse: patch };
}

const QUARANTINE_STATES: readonly unknown[] = ['pending', 'restored', 'discarded'] satisfies QuarantineState[];

function readQuarantineChanges(raw: unknown): QuarantineChange[] | null {
  if (!Array.isArray(raw)) return null;
  const changes: QuarantineChange[] = [];
  for (const change of raw as unknown[]) {
    if (!isObject(change) || typeof change.id !== 'string' || !QUARANTINE_STATES.includes(change.before) || !QUARANTINE_STATES.includes(change.after)) return null;
    changes.push({ id: change.id, before: change.before as QuarantineState, after: change.after as QuarantineState });
  }
  return changes;
}

/** A partial meta is checked by completing it with the plan's meta and reading that as a plan file does. */
function readMetaChange(raw: unknown, current: PlanMeta): Partial<PlanMeta> | null {
  if (!isObject(raw) || !Object.keys(raw).every((k) => k in current)) return null;
  const parsed = parsePlan({ format: 'village-plan', schemaVersion: PLAN_SCHEMA_VERSION, id: 'meta-check', meta: { ...current, ...raw }, layers: {} });
  if (!parsed.ok) return null;
  return Object.fromEntries(Object.keys(raw).map((k) => [k, parsed.value.meta[k as keyof PlanMeta]])) as Partial<PlanMeta>;
}

function isLayer(value: unknown): value is LayerId {
  return typeof value === 'string' && (LAYER_IDS as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
