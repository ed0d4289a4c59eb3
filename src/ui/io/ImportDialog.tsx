/**
 * The import dialog: files picked (or dropped on the map) are read in the io worker with a progress bar
 * that moves (per layer, per 1,000 records) and a cancel button; the preview shows the layer, its CRS and
 * how it was found, the notes, the encoding switch (GBK/UTF-8 side by side), the options that need the
 * planner's consent (GCJ-02 conversion, geometry repair, topology alignment; each a re-read) when they
 * apply, and for a land
 * survey the class mapping as pick-lists (unmapped codes must be mapped or left out first). Confirm applies
 * the import as one undoable command; until then the plan is untouched. A delivery package is offered as a
 * new plan (a new draft) instead. A CAD drawing (DXF) is mapped layer by layer (DxfMapping.tsx).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import type { LandClassCode } from '../../domain/land-classes.ts';
import { planOutlines } from '../../io/crs/gcj02-offset.ts';
import { checkBeforeReading, IMPORT_EXTENSIONS } from '../../io/formats/index.ts';
import { importIntoPlan, IMPORT_TARGETS, PARTITION_TARGETS, type ImportTarget } from '../../io/into-plan/import-command.ts';
import type { FilesPreview, ImportPreview, PackagePreview, PreviewOptions } from '../../io/into-plan/import-preview.ts';
import type { MappingChoice } from '../../io/survey/survey-mapping-table.ts';
import { importDxfIntoPlan, undecidedLayers, type DxfChoices } from '../../io/dxf/dxf-import-command.ts';
import type { DxfFilesPreview, DxfPreview } from '../../io/dxf/dxf-preview.ts';
import { withDatumParameters, type DatumParameters } from '../../domain/datum-parameters.ts';
import { resolveProfile } from '../../domain/profile.ts';
import { requestOfMessage } from '../../io/crs/datum-request.ts';
import { createDraft } from '../../persist/draft-store.ts';
import { layerFeatures } from '../../domain/plan.ts';
import { draftsDb } from '../../persist/open-drafts-db.ts';
import { readInWorker, type IoJob } from '../../worker/io-client.ts';
import { Dialog } from '../dialog/Dialog.tsx';
import { useDrafts } from '../drafts/drafts-context.tsx';
import { draftUrl } from '../drafts/start-route.ts';
import { formatMessage } from '../format.ts';
import { useServices } from '../services.tsx';
import { AlignTopology } from './AlignTopology.tsx';
import { DatumInUse, DatumParametersForm } from './DatumParametersForm.tsx';
import { countyKey, knownParameters, rememberParameters } from './datum-memory.ts';
import { DxfView } from './DxfMapping.tsx';
import { PackageView } from './PackageView.tsx';
import { choiceOf, InvalidGeometries, SurveyMapping, undecided, type Choices } from './SurveyMapping.tsx';
import { runCommand } from '../../store/run-command.ts';

type Loaded = readonly { readonly name: string; readonly bytes: Uint8Array }[];
/** What the planner set that changes what is read: each change is a re-read in the worker. */
type ReadSettings = Pick<PreviewOptions, 'encoding' | 'convertGcj02' | 'repair' | 'alignTopology' | 'datumParameters'>;
type State =
  | { readonly kind: 'pick' }
  | { readonly kind: 'reading'; readonly names: string; readonly progress: number | null }
  | { readonly kind: 'preview'; readonly preview: ImportPreview; readonly notes: readonly Message[] }
  | { readonly kind: 'package'; readonly pkg: PackagePreview; readonly notes: readonly Message[] }
  | { readonly kind: 'dxf'; readonly preview: DxfPreview; readonly notes: readonly Message[] }
  | { readonly kind: 'opening' }
  | { readonly kind: 'error'; readonly message: Message };

export function ImportDialog({ files: dropped, onClose }: { files: readonly File[] | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { editor } = useServices();
  const { controller } = useDrafts();
  const [state, setState] = useState<State>({ kind: 'pick' });
  const [target, setTarget] = useState<ImportTarget>('base');
  const [settings, setSettings] = useState<ReadSettings>({});
  const [choices, setChoices] = useState<Choices>({});
  const [dxfChoices, setDxfChoices] = useState<DxfChoices>({});
  const loaded = useRef<Loaded>([]);
  const job = useRef<IoJob<FilesPreview | DxfFilesPreview> | null>(null);
  const say = (m: Message) => formatMessage(t, (k) => i18n.exists(k), m);
  const cancel = () => {
    job.current?.cancel();
    onClose();
  };
  useEffect(() => () => job.current?.cancel(), []);

  /** Reads in the worker with a moving progress bar; resolves with the preview, or null (cancelled or failed, said). */
  const read = async (files: Loaded, options: PreviewOptions): Promise<FilesPreview | DxfFilesPreview | null> => {
    const names = files.map((f) => f.name).join(', ');
    setState({ kind: 'reading', names, progress: null });
    // The plan's village boundary is what aligning the topology snaps to (and never changes).
    const plan = editor.plan.getState().plan;
    const reference = layerFeatures(plan, 'boundary').map((f) => f.geometry);
    // Its base parcels are what a layer at the GCJ-02 offset is noticed against.
    const outlines = planOutlines(plan);
    // Datum parameters: the plan's and this county's remembered ones, with any just entered in front.
    const datumParameters = (options.datumParameters ?? []).reduce(withDatumParameters, knownParameters(localStorage, plan.meta));
    const running = readInWorker({ files, options: { ...options, reference, datumParameters, ...(outlines ? { planOutlines: outlines } : {}) }, onProgress: (progress) => job.current === running && setState({ kind: 'reading', names, progress }) });
    job.current = running;
    const result = await running.done;
    if (job.current !== running || 'cancelled' in result) return null;
    job.current = null;
    if (!result.ok) {
      setState({ kind: 'error', message: result.error });
      return null;
    }
    return result.value;
  };

  const show = (read: FilesPreview | DxfFilesPreview, notes: readonly Message[]) => {
    if (read.kind === 'package') return setState({ kind: 'package', pkg: read.package, notes });
    if (read.kind === 'dxf') return setState({ kind: 'dxf', preview: read.preview, notes: [...notes, ...read.preview.notes] });
    const preview = read.preview;
    setState({ kind: 'preview', preview, notes: [...notes, ...preview.notes, ...(preview.survey?.notes ?? [])] });
  };

  /** A new file is read with no choices; a re-read with other settings keeps the planner's mapping. */
  const reread = async (next: ReadSettings, sameFiles: boolean) => {
    setSettings(next);
    const answer = await read(loaded.current, { ...next, ...(sameFiles ? { choices: mappingChoices(null) } : {}) });
    if (!answer) return;
    if (!sameFiles && answer.kind === 'layer') setTarget(answer.preview.survey ? 'base' : 'boundary');
    show(answer, []);
  };

  const choose = async (list: readonly File[]) => {
    if (list.length === 0) return;
    const sizes = checkBeforeReading(list.map((f) => ({ name: f.name, size: f.size })));
    if (!sizes.ok) return setState({ kind: 'error', message: sizes.error });
    loaded.current = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    setChoices({});
    setDxfChoices({});
    await reread({}, false);
  };

  useEffect(() => {
    if (dropped?.length) void choose(dropped);
    // Only the files the dialog was opened with; later picks go through the input.
  }, []);

  /** Every row of the shown preview with its current choice (the worker ranks these above the table's rows). */
  const mappingChoices = (preview: ImportPreview | null): MappingChoice[] => {
    const shown = preview ?? (state.kind === 'preview' ? state.preview : null);
    if (!shown?.survey) return [];
    return shown.survey.preview.flatMap((row) => {
      const choice = choiceOf(row, choices);
      return choice === undefined ? [] : [{ surveyCode: row.surveyCode, where: row.where, classCode: choice }];
    });
  };

  const showRefusal = (message: Message) => setState({ kind: 'error', message });

  const confirm = async (preview: ImportPreview) => {
    let final = preview;
    // Aligned for a partition and then imported as something else: the geometry goes in as it was read.
    const unalign = settings.alignTopology === true && !PARTITION_TARGETS.includes(target);
    // The planner changed the mapping: the parcels are made again with the chosen classes (in the worker).
    if ((target === 'base' && Object.keys(choices).length > 0) || unalign) {
      const again = await read(loaded.current, { ...settings, ...(unalign ? { alignTopology: false } : {}), choices: mappingChoices(preview) });
      if (!again || again.kind !== 'layer') return;
      final = again.preview;
    }
    const outcome = runCommand(editor, importIntoPlan(editor.plan.context(), target, final), { onRefused: showRefusal, notesAs: 'success' });
    if (!outcome.ok) return;
    if (final.datum) rememberParameters(localStorage, countyKey(editor.plan.getState().plan.meta), final.datum.parameters);
    onClose();
  };

  const confirmDxf = (preview: DxfPreview) => {
    if (runCommand(editor, importDxfIntoPlan(editor.plan.context(), preview, dxfChoices), { onRefused: showRefusal, notesAs: 'success' }).ok) onClose();
  };

  const openPackage = async (pkg: PackagePreview) => {
    setState({ kind: 'opening' });
    const db = await draftsDb();
    if (!db.ok) return setState({ kind: 'error', message: { key: 'io.ui.packageNoStorage', params: { reason: say(db.error) } } });
    try {
      const { info } = await createDraft(db.value, { plan: pkg.plan, origin: { kind: 'file', name: loaded.current.map((f) => f.name).join(', ') } });
      // The plan being edited keeps every change: its pending saves are written before the page moves on.
      await controller.flush();
      window.location.assign(draftUrl(info.id));
    } catch (error) {
      setState({ kind: 'error', message: { key: 'io.ui.packageNoStorage', params: { reason: error instanceof Error ? error.message : String(error) } } });
    }
  };

  // Beijing 1954 / Xian 1980 without parameters: the worker's refusal becomes the request for them.
  const datumRequest = state.kind === 'error' ? requestOfMessage(state.message) : null;
  const { meta } = editor.plan.getState().plan;
  const toleranceM = resolveProfile(meta.profileId, meta.profileOverrides).controlPointToleranceM;
  const applyParameters = (sameFiles: boolean) => (parameters: DatumParameters) => void reread({ ...settings, datumParameters: [parameters] }, sameFiles);

  const blocked =
    (state.kind === 'preview' && target === 'base' && state.preview.survey !== null && undecided(state.preview.survey, choices).length > 0) ||
    (state.kind === 'dxf' && undecidedLayers(state.preview, dxfChoices).length > 0);

  return (
    <Dialog
      title={t('io.ui.importTitle')}
      className="import-dialog"
      testId="import-dialog"
      onClose={cancel}
      closeLabel={state.kind === 'reading' ? t('io.ui.cancel') : t('io.ui.close')}
      closeFirst
      closeTestId="import-cancel"
      footer={
        <>
          {state.kind === 'preview' ? (
            <button type="button" className="primary" data-testid="import-confirm" disabled={blocked} onClick={() => void confirm(state.preview)}>
              {t('io.ui.confirm')}
            </button>
          ) : null}
          {state.kind === 'dxf' ? (
            <button type="button" className="primary" data-testid="import-confirm" disabled={blocked} onClick={() => confirmDxf(state.preview)}>
              {t('io.ui.confirm')}
            </button>
          ) : null}
          {state.kind === 'package' ? (
            <button type="button" className="primary" data-testid="import-open-package" onClick={() => void openPackage(state.pkg)}>
              {t('io.ui.openPackage')}
            </button>
          ) : null}
        </>
      }
    >
        <label className="field">
          <span className="hint">{t('io.ui.chooseFiles')}</span>
          <input type="file" multiple data-testid="import-file" accept={IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')} onChange={(e) => void choose(e.target.files ? [...e.target.files] : [])} />
        </label>
        {state.kind === 'reading' || state.kind === 'opening' ? (
          <div className="import-progress" role="status" data-testid="import-progress">
            {state.kind === 'reading' && state.progress !== null ? (
              <progress value={state.progress} max={1} aria-label={t('io.ui.reading', { files: state.names })} />
            ) : (
              <progress aria-label={state.kind === 'reading' ? t('io.ui.reading', { files: state.names }) : t('io.ui.opening')} />
            )}
            <span>{state.kind === 'reading' ? t('io.ui.reading', { files: state.names }) : t('io.ui.opening')}</span>
            {state.kind === 'reading' && state.progress !== null ? <span className="hint"> {t('io.ui.progress', { percent: Math.round(state.progress * 100) })}</span> : null}
          </div>
        ) : null}
        {state.kind === 'error' && !datumRequest ? (
          <p className="field-error" role="alert" data-testid="import-error">
            {t('io.ui.problem', { reason: say(state.message) })}
          </p>
        ) : null}
        {datumRequest && state.kind === 'error' ? (
          <>
            <p className="hint" data-testid="datum-request">
              {say(state.message)}
            </p>
            <DatumParametersForm request={datumRequest} current={null} toleranceM={toleranceM} apply={applyParameters(false)} say={say} />
          </>
        ) : null}
        {state.kind === 'preview' && state.preview.datum ? <DatumInUse used={state.preview.datum} toleranceM={toleranceM} apply={applyParameters(true)} say={say} /> : null}
        {state.kind === 'preview' ? (
          <PreviewView
            preview={state.preview}
            notes={state.notes}
            target={target}
            setTarget={setTarget}
            settings={settings}
            reread={(next) => void reread(next, true)}
            choices={choices}
            choose={(key, value) => setChoices((c) => ({ ...c, [key]: value }))}
            say={say}
          />
        ) : null}
        {state.kind === 'dxf' ? (
          <DxfView preview={state.preview} choices={dxfChoices} choose={(layer, choice) => setDxfChoices((c) => ({ ...c, [layer]: choice }))} encoding={settings.encoding} reread={(encoding) => void reread({ ...settings, encoding }, true)}>
            <Notes notes={state.notes} say={say} />
          </DxfView>
        ) : null}
        {state.kind === 'package' ? (
          <>
            <PackageView pkg={state.pkg} />
            <Notes notes={state.notes} say={say} />
          </>
        ) : null}
    </Dialog>
  );
}

function Notes({ notes, say }: { notes: readonly Message[]; say: (m: Message) => string }) {
  const { t } = useTranslation();
  if (notes.length === 0) return null;
  return (
    <details open>
      <summary>{t('io.ui.notes')}</summary>
      <ul className="import-notes">
        {notes.map((n, i) => (
          <li key={i}>{say(n)}</li>
        ))}
      </ul>
    </details>
  );
}

interface PreviewProps {
  readonly preview: ImportPreview;
  readonly notes: readonly Message[];
  readonly target: ImportTarget;
  readonly setTarget: (target: ImportTarget) => void;
  readonly settings: ReadSettings;
  readonly reread: (next: ReadSettings) => void;
  readonly choices: Choices;
  readonly choose: (key: string, value: LandClassCode | null) => void;
  readonly say: (m: Message) => string;
}

function PreviewView({ preview, notes, target, setTarget, settings, reread, choices, choose, say }: PreviewProps) {
  const { t } = useTranslation();
  const { layer, survey } = preview;
  const sample = layer.encoding?.preview;
  const current = settings.encoding ?? layer.encoding?.encoding ?? '';
  const canRepair = survey !== null && target === 'base' && survey.invalid.length > 0;
  const canAlign = preview.topology !== null && PARTITION_TARGETS.includes(target);
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        {t('io.ui.layerInfo', { file: layer.file, count: layer.count, crs: layer.crs })} {t(`io.ui.crsHow.${layer.crsHow}`)}
      </p>
      {preview.others.length ? <p className="hint">{t('io.ui.otherLayers', { list: preview.others.join(', ') })}</p> : null}
      {sample ? (
        <fieldset>
          <legend>{t('io.ui.encoding')}</legend>
          <span className="hint">{t('io.ui.encodingHint', { encoding: current.toUpperCase() })}</span>
          {(['gbk', 'utf-8'] as const).map((enc) => (
            <label key={enc} className="choice">
              <input type="radio" name="import-encoding" checked={current.toLowerCase() === enc} onChange={() => reread({ ...settings, encoding: enc })} /> {enc.toUpperCase()}:{' '}
              {(enc === 'gbk' ? sample.gbk : sample.utf8)
                .slice(0, 2)
                .map((row) => row.join(' · '))
                .join(' | ')}
            </label>
          ))}
        </fieldset>
      ) : null}
      {preview.gcj02 || canRepair || canAlign ? (
        <fieldset data-testid="import-options">
          <legend>{t('io.ui.options')}</legend>
          {preview.gcj02 ? (
            <label className="choice">
              <input type="checkbox" data-testid="import-gcj02" checked={settings.convertGcj02 === true} onChange={(e) => reread({ ...settings, convertGcj02: e.target.checked })} /> {t('io.ui.gcj02')}
            </label>
          ) : null}
          {preview.gcj02Offset ? (
            <p className="hint" data-testid="import-gcj02-offset">
              {say(preview.gcj02Offset)}
            </p>
          ) : null}
          {canRepair ? (
            <label className="choice">
              <input type="checkbox" data-testid="import-repair" checked={settings.repair === true} onChange={(e) => reread({ ...settings, repair: e.target.checked })} /> {t('io.ui.repair', { count: survey.invalid.length })}
            </label>
          ) : null}
          {canAlign && preview.topology ? <AlignTopology topology={preview.topology} checked={settings.alignTopology === true} onChange={(alignTopology) => reread({ ...settings, alignTopology })} /> : null}
        </fieldset>
      ) : null}
      <label className="field">
        {t('io.ui.target')}{' '}
        <select value={target} data-testid="import-target" onChange={(e) => setTarget(e.target.value as ImportTarget)}>
          {IMPORT_TARGETS.filter((id) => id !== 'base' || survey).map((id) => (
            <option key={id} value={id}>
              {t(`io.ui.target.${id}`)}
            </option>
          ))}
        </select>
      </label>
      {!survey && preview.surveyError ? <p className="hint">{t('io.ui.notSurveyHint', { reason: say(preview.surveyError) })}</p> : null}
      {survey && target === 'base' ? <SurveyMapping survey={survey} choices={choices} choose={choose} /> : null}
      {survey && target === 'base' ? <InvalidGeometries survey={survey} /> : null}
      <Notes notes={notes} say={say} />
    </div>
  );
}
