/**
 * The import workflow, outside React (the dialog renders `store` and calls these actions). Files picked
 * are parsed once in an io worker that keeps what it read (`HeldImport`); the planner's GCJ-02, repair and
 * alignment options and, at confirm, the survey mapping are applied there to what was read. Only a new
 * file, another encoding or other datum parameters parse again. Confirming fetches the features the
 * target needs and applies them as one undoable command (`runCommand`); a delivery package becomes a new
 * draft and the page moves to it. Files holding several layers (a county's zip: 村界 and 地类图斑 in
 * sub-folders) are listed first (layer-list.ts) and each layer is held by an import of its own, so one
 * damaged layer is named while the others import; the planner ticks the layers, each with its target, and
 * they go in together as one undoable step (layers-import.ts says why one). The state's `phase`, `target`,
 * `settings` and choices are always those of the layer shown (`active`); `layers` lists them all.
 */
import { createStore } from 'zustand/vanilla';
import { withDatumParameters, type DatumParameters } from '../../domain/datum-parameters.ts';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { Message } from '../../domain/message.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { planOutlines } from '../../io/crs/gcj02-offset.ts';
import type { ReadCrs } from '../../io/crs/source-crs.ts';
import { checkBeforeReading } from '../../io/formats/index.ts';
import { importDxfIntoPlan, undecidedLayers, type DxfChoices } from '../../io/dxf/dxf-import-command.ts';
import type { DxfLayerChoice } from '../../io/dxf/dxf-targets.ts';
import { importIntoPlan, PARTITION_TARGETS, type ImportFeatures, type ImportTarget } from '../../io/into-plan/import-command.ts';
import type { ImportChoices, PreviewOptions } from '../../io/into-plan/preview-types.ts';
import type { DxfSummary, ImportSummary, PackageSummary, PreviewSummary } from '../../io/into-plan/import-session.ts';
import { mappingChoices, undecided, type Choices } from '../../io/survey/planner-choices.ts';
import { createDraft } from '../../persist/draft-store.ts';
import { draftsDb } from '../../persist/open-drafts-db.ts';
import type { DraftId } from '../../persist/schema.ts';
import type { Editor } from '../../store/editor.ts';
import { runCommand } from '../../store/run-command.ts';
import { HeldImport, type ReadRequest, type Settled } from '../io-client.ts';
import { countyKey, knownParameters, rememberParameters } from './datum-memory.ts';
import { listLayers } from './layer-list.ts';
import { importLayersIntoPlan, type LayerImport } from './layers-import.ts';

export type ImportPhase =
  | { readonly kind: 'pick' }
  | { readonly kind: 'reading'; readonly names: string; readonly progress: number | null }
  /** The worker applies an option to what it read, or hands over the features of a confirmed import. */
  | { readonly kind: 'applying' }
  | { readonly kind: 'preview'; readonly preview: PreviewSummary; readonly notes: readonly Message[] }
  | { readonly kind: 'package'; readonly pkg: PackageSummary }
  | { readonly kind: 'dxf'; readonly preview: DxfSummary; readonly notes: readonly Message[] }
  | { readonly kind: 'opening' }
  | { readonly kind: 'error'; readonly message: Message };

/** What the planner set besides the mapping: encoding and datum parameters are a new parse, the options are applied to what was read. */
export type ReadSettings = Pick<PreviewOptions, 'encoding' | 'crs' | 'convertGcj02' | 'repair' | 'alignTopology' | 'datumParameters'>;
export type ImportOption = Pick<ReadSettings, 'convertGcj02' | 'repair' | 'alignTopology'>;

/** One layer's import: what the dialog shows for it. */
export interface LayerState {
  readonly phase: ImportPhase;
  /** Null until the planner chooses, for a layer that is no survey and has several areas (firstTarget). */
  readonly target: ImportTarget | null;
  readonly settings: ReadSettings;
  readonly choices: Choices;
  readonly dxfChoices: DxfChoices;
}

/** A layer of files holding several, as the list shows it. */
export interface LayerRow {
  readonly name: string;
  /** The Shapefile's shape type as its header says, null for other formats. */
  readonly geometry: string | null;
  readonly phase: ImportPhase;
  readonly target: ImportTarget | null;
  /** Ticked for import. */
  readonly include: boolean;
  /** The layer itself waits for the planner (no target, survey codes without a class) or cannot be imported. */
  readonly blocked: boolean;
}

export interface ImportState extends LayerState {
  /** Every layer when the files hold several (empty for one layer, a drawing or a package). */
  readonly layers: readonly LayerRow[];
  /** The layer whose preview is shown. */
  readonly active: number;
  /** Files of a several-layer import that no format reads (sidecars left out). */
  readonly ignored: readonly string[];
  /** Layers picked with a drawing or a delivery package that its import leaves out (layer-list.ts). */
  readonly notImported: readonly string[];
  /** Why importing the ticked layers was refused (the layers stay listed). */
  readonly refusal: Message | null;
}

export interface ImportDeps {
  readonly editor: Pick<Editor, 'plan' | 'selection' | 'messages'>;
  /** Where this browser remembers each county's datum parameters (localStorage). */
  readonly storage: Storage | undefined;
  /** Writes the open draft's pending saves, before the page moves to another draft. */
  readonly flush: () => Promise<void>;
  readonly openDraft: (id: DraftId) => void;
  /** A message as the planner reads it (a failed draft store's reason goes into another message). */
  readonly say: (message: Message) => string;
  /** The io worker's side of an import; tests give a fake. */
  readonly hold?: (request: ReadRequest) => { readonly held: HeldLink; readonly done: Promise<Settled<ImportSummary>> };
}

export type HeldLink = Pick<HeldImport, 'apply' | 'parcels' | 'areas' | 'dxfAreas' | 'plan' | 'close'>;

/** Whether a layer waits for the planner: no target chosen yet, or a survey code or a CAD layer without a class. */
function layerBlocked({ phase, target, choices, dxfChoices }: LayerState): boolean {
  if (phase.kind === 'preview') return target === null || (target === 'base' && phase.preview.survey !== null && undecided(phase.preview.survey.preview, choices).length > 0);
  return phase.kind === 'dxf' && undecidedLayers(phase.preview, dxfChoices).length > 0;
}

/** Targets two ticked layers share: each import replaces its target, so only one layer may go into each. */
export function clashingTargets(layers: readonly LayerRow[]): ImportTarget[] {
  const targets = layers.filter((l) => l.include && l.target !== null).map((l) => l.target as ImportTarget);
  return [...new Set(targets.filter((t, i) => targets.indexOf(t) !== i))];
}

/** Whether 导入到规划 waits for the planner: the layer shown, or with several, any ticked one (none ticked, or two into one target). */
export function importBlocked(state: ImportState): boolean {
  if (state.layers.length === 0) return layerBlocked(state);
  const ticked = state.layers.filter((l) => l.include);
  return ticked.length === 0 || ticked.some((l) => l.blocked) || clashingTargets(state.layers).length > 0;
}

/**
 * What a newly read layer is imported as until the planner says otherwise: a survey becomes the base
 * parcels and a single area the village boundary. Several areas that are no survey (a package's JQDLTB
 * picked alone, farmland, zones) get no guess: taken for the boundary, one click on 导入到规划 would
 * replace the village's one outline by all of them.
 */
function firstTarget(preview: PreviewSummary): ImportTarget | null {
  if (preview.survey) return 'base';
  return preview.areaCount <= 1 ? 'boundary' : null;
}

export type ImportService = ReturnType<typeof createImportService>;

/** A layer being imported: its files, the worker holding what was read, and what the dialog shows for it. */
interface Entry {
  readonly name: string;
  readonly geometry: string | null;
  readonly files: ReadRequest['files'];
  held: HeldLink | null;
  state: LayerState;
  include: boolean;
}

const FRESH: LayerState = { phase: { kind: 'pick' }, target: 'base', settings: {}, choices: {}, dxfChoices: {} };

function entryOf(name: string, files: ReadRequest['files'], geometry: string | null = null, phase: ImportPhase = FRESH.phase): Entry {
  return { name, geometry, files, held: null, state: { ...FRESH, phase }, include: false };
}

export function createImportService(deps: ImportDeps) {
  const { editor } = deps;
  const hold = deps.hold ?? ((request: ReadRequest) => HeldImport.open(request));
  const store = createStore<ImportState>(() => ({ ...FRESH, layers: [], active: 0, ignored: [], notImported: [], refusal: null }));
  let entries: Entry[] = [entryOf('', [])];
  /** The files hold several layers: the list is shown and the ticked ones are imported together. */
  let several = false;
  let active = 0;
  let ignored: readonly string[] = [];
  let notImported: readonly string[] = [];
  /** Counts picks and closes: a pick still waiting for its files' bytes when another pick or the close came reads nothing. */
  let generation = 0;

  const shown = () => entries[active] as Entry;
  const row = (e: Entry): LayerRow => ({ name: e.name, geometry: e.geometry, phase: e.state.phase, target: e.state.target, include: e.include, blocked: e.state.phase.kind !== 'preview' || layerBlocked(e.state) });
  const publish = (refusal: Message | null = null) => store.setState({ ...shown().state, layers: several ? entries.map(row) : [], active, ignored, notImported, refusal });
  const update = (entry: Entry, state: Partial<LayerState>) => {
    entry.state = { ...entry.state, ...state };
    publish();
  };
  const phase = (entry: Entry, next: ImportPhase) => update(entry, { phase: next });

  /** The answer when it is for the import the entry still holds, else null (a newer read replaced it, or the dialog closed). */
  const current = <T>(entry: Entry, from: HeldLink, answer: Settled<T>): T | null => {
    if (entry.held !== from || 'cancelled' in answer) return null;
    if (answer.ok) return answer.value;
    phase(entry, { kind: 'error', message: answer.error });
    return null;
  };

  /** The mapping as the planner set it, for the rows shown. */
  const mapping = (entry: Entry) => {
    const { phase: shownPhase, choices } = entry.state;
    return shownPhase.kind === 'preview' && shownPhase.preview.survey ? mappingChoices(shownPhase.preview.survey.preview, choices) : [];
  };

  const show = (entry: Entry, summary: ImportSummary) => {
    if (summary.kind === 'package') return phase(entry, { kind: 'package', pkg: summary.package });
    if (summary.kind === 'dxf') return phase(entry, { kind: 'dxf', preview: summary.preview, notes: summary.preview.notes });
    const { preview } = summary;
    phase(entry, { kind: 'preview', preview, notes: [...preview.notes, ...(preview.survey?.notes ?? [])] });
  };

  /** Parses the entry's files in a new worker (whatever the last one held or was doing is let go); a new file starts with no mapping. */
  const read = async (entry: Entry, settings: ReadSettings, keepChoices: boolean) => {
    const choices = keepChoices ? mapping(entry) : [];
    update(entry, { settings });
    const names = entry.files.map((f) => f.name).join(', ');
    phase(entry, { kind: 'reading', names, progress: null });
    entry.held?.close();
    const { plan, profile } = editor.plan.context();
    // The plan's village boundary is what aligning the topology snaps to (and never changes), within the
    // plan's coverage tolerance, which also judges a layer's rounded coordinates;
    // its base parcels are what a layer at the GCJ-02 offset is noticed against.
    const reference = layerFeatures(plan, 'boundary').map((f) => f.geometry);
    const outlines = planOutlines(plan);
    // Datum parameters: the plan's and this county's remembered ones, with any just entered in front.
    const datumParameters = (settings.datumParameters ?? []).reduce(withDatumParameters, knownParameters(deps.storage, plan.meta));
    const options = { ...settings, choices, reference, coverageToleranceM: profile.coverageToleranceM, datumParameters, ...(outlines ? { planOutlines: outlines } : {}) };
    // Progress comes on its own channel: a report may arrive after the answer, and must not take the preview back to the bar.
    let reading: HeldLink | null = null;
    const onProgress = (progress: number) => reading !== null && entry.held === reading && entry.state.phase.kind === 'reading' && phase(entry, { kind: 'reading', names, progress });
    const opened = hold({ files: entry.files, options, onProgress });
    entry.held = reading = opened.held;
    const summary = current(entry, opened.held, await opened.done);
    if (!summary) return;
    if (!keepChoices && summary.kind === 'layer') update(entry, { target: firstTarget(summary.preview) });
    show(entry, summary);
  };

  /** The entry's preview with these options: applied in the worker to what it read. */
  const apply = async (entry: Entry, settings: ReadSettings) => {
    const from = entry.held;
    if (!from) return;
    const choices: ImportChoices = { convertGcj02: settings.convertGcj02 === true, repair: settings.repair === true, alignTopology: settings.alignTopology === true, choices: mapping(entry) };
    update(entry, { settings });
    phase(entry, { kind: 'applying' });
    const summary = current(entry, from, await from.apply(choices));
    if (summary) show(entry, { kind: 'layer', preview: summary });
  };

  /** The features the target gets, from the worker in slices: a survey's parcels, or the polygons. */
  async function featuresFor(entry: Entry, from: HeldLink, target: ImportTarget, preview: PreviewSummary): Promise<ImportFeatures | null> {
    if (target === 'base') {
      const parcels = current(entry, from, await from.parcels(preview.survey?.parcelCount ?? 0));
      return parcels && { target, parcels };
    }
    const areas = current(entry, from, await from.areas(preview.areaCount));
    return areas && { target, areas };
  }

  /** The layer's preview with the planner's choices and the features for its target, fetched from its worker (null: it said why). */
  async function prepared(entry: Entry): Promise<LayerImport | null> {
    const from = entry.held;
    const { target, settings, phase: before } = entry.state;
    if (!from || before.kind !== 'preview' || target === null) return null;
    // Aligned for a partition and then imported as something else: the geometry goes in as it was read.
    const align = settings.alignTopology === true && PARTITION_TARGETS.includes(target);
    const choices = { convertGcj02: settings.convertGcj02 === true, repair: settings.repair === true, alignTopology: align, choices: mapping(entry) };
    phase(entry, { kind: 'applying' });
    // The planner's mapping is applied to the parcels the worker holds: no second parse.
    const preview = current(entry, from, await from.apply(choices));
    if (!preview) return null;
    const features = await featuresFor(entry, from, target, preview);
    return features && { preview, features };
  }

  const remember = (previews: readonly PreviewSummary[]) => {
    for (const preview of previews) if (preview.datum) rememberParameters(deps.storage, countyKey(editor.plan.getState().plan.meta), preview.datum.parameters);
  };

  /** The ticked layers as one step; on a refusal every layer is shown again as it was, with the reason above the list. */
  async function confirmSeveral(): Promise<boolean> {
    const ticked = entries.filter((e) => e.include);
    const before = ticked.map((e) => e.state.phase);
    const layers: LayerImport[] = [];
    for (const entry of ticked) {
      const layer = await prepared(entry);
      if (!layer) return false;
      layers.push(layer);
    }
    const restore = (message: Message) => {
      ticked.forEach((e, i) => (e.state = { ...e.state, phase: before[i] as ImportPhase }));
      publish(message);
    };
    const outcome = runCommand(editor, importLayersIntoPlan(editor.plan.context(), layers), { onRefused: restore, notesAs: 'success' });
    if (!outcome.ok) return false;
    remember(layers.map((l) => l.preview));
    return true;
  }

  /** Not yet read (a function, so that TypeScript does not carry the narrowing across the read's await). */
  const unread = (entry: Entry) => entry.state.phase.kind === 'pick';

  /** Reads each listed layer in turn (one worker at a time: a county's survey alone can take a few hundred MB) and ticks the ones with a target no earlier layer took. */
  async function readEach(mine: number): Promise<void> {
    for (const entry of entries) {
      if (mine !== generation) return;
      if (!unread(entry)) continue;
      await read(entry, {}, false);
      if (mine === generation) tickIfFree(entry);
    }
  }

  /** Ticks a layer now previewed whose target no other ticked layer has (after its first read, or a read with the datum parameters it asked for). */
  function tickIfFree(entry: Entry): void {
    const { phase: after, target } = entry.state;
    if (!several || entry.include || after.kind !== 'preview' || target === null || entries.some((e) => e !== entry && e.include && e.state.target === target)) return;
    entry.include = true;
    publish();
  }

  /** The layer shown, read again with these settings; a layer that could not be read before may now be ticked. */
  async function reread(settings: ReadSettings, keepChoices: boolean): Promise<void> {
    const entry = shown();
    const before = entry.state.phase.kind;
    await read(entry, settings, keepChoices);
    if (before === 'error') tickIfFree(entry);
  }

  return {
    store,

    async pick(list: readonly File[]): Promise<void> {
      if (list.length === 0) return;
      const sizes = checkBeforeReading(list.map((f) => ({ name: f.name, size: f.size })));
      const mine = ++generation;
      const start = (next: Entry[], list: boolean) => {
        entries.forEach((e) => e.held?.close());
        [entries, several, active] = [next, list, 0];
      };
      if (!sizes.ok) {
        start([entryOf('', [])], false);
        return phase(shown(), { kind: 'error', message: sizes.error });
      }
      const loaded = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      if (mine !== generation) return;
      const found = listLayers(loaded);
      ignored = found.kind === 'layers' ? found.ignored : [];
      notImported = found.kind === 'one' ? found.notImported : [];
      start(found.kind === 'layers' ? found.layers.map((l) => entryOf(l.name, l.files, l.geometry, l.problem ? { kind: 'error', message: l.problem } : FRESH.phase)) : [entryOf(loaded.map((f) => f.name).join(', '), found.files)], found.kind === 'layers');
      publish();
      if (found.kind === 'one') return read(shown(), {}, false);
      // The first readable layer is shown while the others are read.
      active = Math.max(0, entries.findIndex(unread));
      await readEach(mine);
    },

    /** Another text encoding: the layer shown is parsed again, the planner's choices kept. */
    setEncoding(encoding: string): Promise<void> {
      return reread({ ...shown().state.settings, encoding }, true);
    },

    /** The planner's CRS for a layer whose own was inferred (null: from the file again): parsed again, the choices kept. */
    setCrs(crs: ReadCrs | null): Promise<void> {
      return reread({ ...shown().state.settings, crs: crs ?? undefined }, true);
    },

    /** Parameters for Beijing 1954 / Xian 1980: parsed again, keeping the choices when a preview was shown. */
    setDatum(parameters: DatumParameters): Promise<void> {
      const { settings, phase: before } = shown().state;
      return reread({ ...settings, datumParameters: [parameters] }, before.kind === 'preview');
    },

    /** GCJ-02 conversion, repair or topology alignment, applied to what the worker read. */
    setOption(option: ImportOption): Promise<void> {
      return apply(shown(), { ...shown().state.settings, ...option });
    },

    setTarget(target: ImportTarget): void {
      update(shown(), { target });
    },

    /** Several layers: which one's preview the dialog shows. */
    showLayer(index: number): void {
      if (!entries[index]) return;
      active = index;
      publish();
    },

    /** Several layers: a layer ticked for import or not. */
    includeLayer(index: number, include: boolean): void {
      const entry = entries[index];
      if (!entry || entry.state.phase.kind !== 'preview') return;
      entry.include = include;
      publish();
    },

    /** Several layers: a layer's target from the list (choosing one ticks the layer). */
    setLayerTarget(index: number, target: ImportTarget): void {
      const entry = entries[index];
      if (!entry || entry.state.phase.kind !== 'preview') return;
      entry.include = true;
      update(entry, { target });
    },

    chooseClass(key: string, value: LandClassCode | null): void {
      update(shown(), { choices: { ...shown().state.choices, [key]: value } });
    },

    chooseDxf(layer: string, choice: DxfLayerChoice): void {
      update(shown(), { dxfChoices: { ...shown().state.dxfChoices, [layer]: choice } });
    },

    /** Imports what is shown (several layers: the ticked ones) as one undoable step; true when it went in (the dialog then closes). */
    async confirm(): Promise<boolean> {
      if (importBlocked(store.getState())) return false;
      if (several) return confirmSeveral();
      const entry = shown();
      const from = entry.held;
      const before = entry.state.phase;
      if (!from) return false;
      if (before.kind === 'dxf') {
        phase(entry, { kind: 'applying' });
        const areas = current(entry, from, await from.dxfAreas(before.preview.areaCount));
        if (!areas) return false;
        const result = importDxfIntoPlan(editor.plan.context(), { ...before.preview, areas }, entry.state.dxfChoices);
        return runCommand(editor, result, { onRefused: (message) => phase(entry, { kind: 'error', message }), notesAs: 'success' }).ok;
      }
      const layer = await prepared(entry);
      if (!layer) return false;
      const outcome = runCommand(editor, importIntoPlan(editor.plan.context(), layer.preview, layer.features), { onRefused: (message) => phase(entry, { kind: 'error', message }), notesAs: 'success' });
      if (!outcome.ok) return false;
      remember([layer.preview]);
      return true;
    },

    /** A delivery package as a new draft; the open one's pending saves are written before the page moves there. */
    async openPackage(): Promise<void> {
      const entry = shown();
      const before = entry.state.phase;
      const from = entry.held;
      if (!from || before.kind !== 'package') return;
      phase(entry, { kind: 'opening' });
      const plan = current(entry, from, await from.plan(before.pkg));
      if (!plan) return;
      const db = await draftsDb();
      if (!db.ok) return phase(entry, { kind: 'error', message: { key: 'io.ui.packageNoStorage', params: { reason: deps.say(db.error) } } });
      try {
        const { info } = await createDraft(db.value, { plan, origin: { kind: 'file', name: entry.files.map((f) => f.name).join(', ') } });
        await deps.flush();
        deps.openDraft(info.id);
      } catch (error) {
        phase(entry, { kind: 'error', message: { key: 'io.ui.packageNoStorage', params: { reason: error instanceof Error ? error.message : String(error) } } });
      }
    },

    /** The dialog closed: whatever the workers are doing stops, and what they held is let go. */
    close(): void {
      generation++;
      for (const entry of entries) {
        entry.held?.close();
        entry.held = null;
      }
    },
  };
}
