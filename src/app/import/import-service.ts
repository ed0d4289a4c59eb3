/**
 * The import workflow, outside React (the dialog renders `store` and calls these actions). Files picked
 * are parsed once in an io worker that keeps what it read (`HeldImport`); the planner's GCJ-02, repair and
 * alignment options and, at confirm, the survey mapping are applied there to what was read. Only a new
 * file, another encoding or other datum parameters parse again. Confirming fetches the features the
 * target needs and applies them as one undoable command (`runCommand`); a delivery package becomes a new
 * draft and the page moves to it.
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

export interface ImportState {
  readonly phase: ImportPhase;
  /** Null until the planner chooses, for a layer that is no survey and has several areas (firstTarget). */
  readonly target: ImportTarget | null;
  readonly settings: ReadSettings;
  readonly choices: Choices;
  readonly dxfChoices: DxfChoices;
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

/** Whether 导入到规划 waits for the planner: no target chosen yet, or a survey code or a CAD layer without a class. */
export function importBlocked({ phase, target, choices, dxfChoices }: ImportState): boolean {
  if (phase.kind === 'preview') return target === null || (target === 'base' && phase.preview.survey !== null && undecided(phase.preview.survey.preview, choices).length > 0);
  return phase.kind === 'dxf' && undecidedLayers(phase.preview, dxfChoices).length > 0;
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

export function createImportService(deps: ImportDeps) {
  const { editor } = deps;
  const hold = deps.hold ?? ((request: ReadRequest) => HeldImport.open(request));
  const store = createStore<ImportState>(() => ({ phase: { kind: 'pick' }, target: 'base', settings: {}, choices: {}, dxfChoices: {} }));
  const set = (state: Partial<ImportState>) => store.setState(state);
  const phase = (next: ImportPhase) => set({ phase: next });
  let files: ReadRequest['files'] = [];
  let held: HeldLink | null = null;
  /** Counts picks and closes: a pick still waiting for its files' bytes when another pick or the close came reads nothing. */
  let generation = 0;

  /** The answer when it is for the import still held, else null (a newer read replaced it, or the dialog closed). */
  const current = <T>(from: HeldLink, answer: Settled<T>): T | null => {
    if (held !== from || 'cancelled' in answer) return null;
    if (answer.ok) return answer.value;
    phase({ kind: 'error', message: answer.error });
    return null;
  };

  /** The mapping as the planner set it, for the rows shown. */
  const mapping = () => {
    const { phase: shown, choices } = store.getState();
    return shown.kind === 'preview' && shown.preview.survey ? mappingChoices(shown.preview.survey.preview, choices) : [];
  };

  const show = (summary: ImportSummary) => {
    if (summary.kind === 'package') return phase({ kind: 'package', pkg: summary.package });
    if (summary.kind === 'dxf') return phase({ kind: 'dxf', preview: summary.preview, notes: summary.preview.notes });
    const { preview } = summary;
    phase({ kind: 'preview', preview, notes: [...preview.notes, ...(preview.survey?.notes ?? [])] });
  };

  /** Parses the files in a new worker (whatever the last one held or was doing is let go); a new file starts with no mapping. */
  const read = async (settings: ReadSettings, keepChoices: boolean) => {
    const choices = keepChoices ? mapping() : [];
    set({ settings });
    const names = files.map((f) => f.name).join(', ');
    phase({ kind: 'reading', names, progress: null });
    held?.close();
    const plan = editor.plan.getState().plan;
    // The plan's village boundary is what aligning the topology snaps to (and never changes);
    // its base parcels are what a layer at the GCJ-02 offset is noticed against.
    const reference = layerFeatures(plan, 'boundary').map((f) => f.geometry);
    const outlines = planOutlines(plan);
    // Datum parameters: the plan's and this county's remembered ones, with any just entered in front.
    const datumParameters = (settings.datumParameters ?? []).reduce(withDatumParameters, knownParameters(deps.storage, plan.meta));
    const options = { ...settings, choices, reference, datumParameters, ...(outlines ? { planOutlines: outlines } : {}) };
    // Progress comes on its own channel: a report may arrive after the answer, and must not take the preview back to the bar.
    let reading: HeldLink | null = null;
    const onProgress = (progress: number) => reading !== null && held === reading && store.getState().phase.kind === 'reading' && phase({ kind: 'reading', names, progress });
    const opened = hold({ files, options, onProgress });
    held = reading = opened.held;
    const summary = current(opened.held, await opened.done);
    if (!summary) return;
    if (!keepChoices && summary.kind === 'layer') set({ target: firstTarget(summary.preview) });
    show(summary);
  };

  /** The held layer's preview with these options: applied in the worker to what it read. */
  const apply = async (settings: ReadSettings) => {
    const from = held;
    if (!from) return;
    const choices: ImportChoices = { convertGcj02: settings.convertGcj02 === true, repair: settings.repair === true, alignTopology: settings.alignTopology === true, choices: mapping() };
    set({ settings });
    phase({ kind: 'applying' });
    const summary = current(from, await from.apply(choices));
    if (summary) show({ kind: 'layer', preview: summary });
  };

  /** The features the target gets, from the worker in slices: a survey's parcels, or the polygons. */
  async function featuresFor(from: HeldLink, target: ImportTarget, preview: PreviewSummary): Promise<ImportFeatures | null> {
    if (target === 'base') {
      const parcels = current(from, await from.parcels(preview.survey?.parcelCount ?? 0));
      return parcels && { target, parcels };
    }
    const areas = current(from, await from.areas(preview.areaCount));
    return areas && { target, areas };
  }


  return {
    store,

    async pick(list: readonly File[]): Promise<void> {
      if (list.length === 0) return;
      const sizes = checkBeforeReading(list.map((f) => ({ name: f.name, size: f.size })));
      if (!sizes.ok) return phase({ kind: 'error', message: sizes.error });
      const mine = ++generation;
      const loaded = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      if (mine !== generation) return;
      files = loaded;
      set({ choices: {}, dxfChoices: {} });
      await read({}, false);
    },

    /** Another text encoding: the file is parsed again, the planner's choices kept. */
    setEncoding(encoding: string): Promise<void> {
      return read({ ...store.getState().settings, encoding }, true);
    },

    /** The planner's CRS for a layer whose own was inferred (null: from the file again): parsed again, the choices kept. */
    setCrs(crs: ReadCrs | null): Promise<void> {
      const { settings } = store.getState();
      return read({ ...settings, crs: crs ?? undefined }, true);
    },

    /** Parameters for Beijing 1954 / Xian 1980: parsed again, keeping the choices when a preview was shown. */
    setDatum(parameters: DatumParameters): Promise<void> {
      const { settings, phase: shown } = store.getState();
      return read({ ...settings, datumParameters: [parameters] }, shown.kind === 'preview');
    },

    /** GCJ-02 conversion, repair or topology alignment, applied to what the worker read. */
    setOption(option: ImportOption): Promise<void> {
      return apply({ ...store.getState().settings, ...option });
    },

    setTarget(target: ImportTarget): void {
      set({ target });
    },

    chooseClass(key: string, value: LandClassCode | null): void {
      set({ choices: { ...store.getState().choices, [key]: value } });
    },

    chooseDxf(layer: string, choice: DxfLayerChoice): void {
      set({ dxfChoices: { ...store.getState().dxfChoices, [layer]: choice } });
    },

    /** Imports what is shown as one undoable step; true when it went in (the dialog then closes). */
    async confirm(): Promise<boolean> {
      const state = store.getState();
      const from = held;
      if (!from || importBlocked(state)) return false;
      const shown = state.phase;
      if (shown.kind === 'dxf') {
        phase({ kind: 'applying' });
        const areas = current(from, await from.dxfAreas(shown.preview.areaCount));
        if (!areas) return false;
        const result = importDxfIntoPlan(editor.plan.context(), { ...shown.preview, areas }, state.dxfChoices);
        return runCommand(editor, result, { onRefused: (message) => phase({ kind: 'error', message }), notesAs: 'success' }).ok;
      }
      const { target, settings } = state;
      if (shown.kind !== 'preview' || target === null) return false;
      // Aligned for a partition and then imported as something else: the geometry goes in as it was read.
      const align = settings.alignTopology === true && PARTITION_TARGETS.includes(target);
      const choices = { convertGcj02: settings.convertGcj02 === true, repair: settings.repair === true, alignTopology: align, choices: mapping() };
      phase({ kind: 'applying' });
      // The planner's mapping is applied to the parcels the worker holds: no second parse.
      const preview = current(from, await from.apply(choices));
      if (!preview) return false;
      const features = await featuresFor(from, target, preview);
      if (!features) return false;
      const outcome = runCommand(editor, importIntoPlan(editor.plan.context(), preview, features), { onRefused: (message) => phase({ kind: 'error', message }), notesAs: 'success' });
      if (!outcome.ok) return false;
      if (preview.datum) rememberParameters(deps.storage, countyKey(editor.plan.getState().plan.meta), preview.datum.parameters);
      return true;
    },

    /** A delivery package as a new draft; the open one's pending saves are written before the page moves there. */
    async openPackage(): Promise<void> {
      const shown = store.getState().phase;
      const from = held;
      if (!from || shown.kind !== 'package') return;
      phase({ kind: 'opening' });
      const plan = current(from, await from.plan(shown.pkg));
      if (!plan) return;
      const db = await draftsDb();
      if (!db.ok) return phase({ kind: 'error', message: { key: 'io.ui.packageNoStorage', params: { reason: deps.say(db.error) } } });
      try {
        const { info } = await createDraft(db.value, { plan, origin: { kind: 'file', name: files.map((f) => f.name).join(', ') } });
        await deps.flush();
        deps.openDraft(info.id);
      } catch (error) {
        phase({ kind: 'error', message: { key: 'io.ui.packageNoStorage', params: { reason: error instanceof Error ? error.message : String(error) } } });
      }
    },

    /** The dialog closed: whatever the worker is doing stops, and what it held is let go. */
    close(): void {
      generation++;
      held?.close();
      held = null;
    },
  };
}
