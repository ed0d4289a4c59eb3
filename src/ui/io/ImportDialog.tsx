/**
 * The import dialog: files picked (or dropped on the map) are read in the io worker with a progress bar
 * and a cancel button; the preview shows the layer, its CRS and how it was found, the notes, the encoding
 * switch (GBK/UTF-8 side by side) and for a land survey the class mapping with the unmapped codes. Confirm
 * applies the import as one undoable command; until then the plan is untouched.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import { checkBeforeReading, IMPORT_EXTENSIONS } from '../../io/formats/index.ts';
import { importIntoPlan, IMPORT_TARGETS, type ImportTarget } from '../../io/into-plan/import-command.ts';
import type { ImportPreview } from '../../io/into-plan/import-preview.ts';
import { readInWorker, type IoJob } from '../../worker/io-client.ts';
import { useCloseOnEscape } from '../dialog/use-close-on-escape.ts';
import { formatMessage, formatNumber } from '../format.ts';
import { useServices } from '../services.tsx';

type Loaded = readonly { readonly name: string; readonly bytes: Uint8Array }[];
type State =
  | { readonly kind: 'pick' }
  | { readonly kind: 'reading'; readonly names: string }
  | { readonly kind: 'preview'; readonly preview: ImportPreview; readonly notes: readonly Message[] }
  | { readonly kind: 'error'; readonly message: Message };

export function ImportDialog({ files: dropped, onClose }: { files: readonly File[] | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { editor } = useServices();
  const [state, setState] = useState<State>({ kind: 'pick' });
  const [target, setTarget] = useState<ImportTarget>('base');
  const [encoding, setEncoding] = useState<string | undefined>(undefined);
  const loaded = useRef<Loaded>([]);
  const job = useRef<IoJob<ImportPreview> | null>(null);
  const say = (m: Message) => formatMessage(t, (k) => i18n.exists(k), m);
  const cancel = () => {
    job.current?.cancel();
    onClose();
  };
  useCloseOnEscape(cancel);
  useEffect(() => () => job.current?.cancel(), []);

  const read = async (files: Loaded, chosenEncoding: string | undefined) => {
    setState({ kind: 'reading', names: files.map((f) => f.name).join(', ') });
    const running = readInWorker({ files, ...(chosenEncoding ? { encoding: chosenEncoding } : {}) });
    job.current = running;
    const result = await running.done;
    if (job.current !== running || 'cancelled' in result) return;
    if (!result.ok) return setState({ kind: 'error', message: result.error });
    setTarget(result.value.survey ? 'base' : 'boundary');
    setState({ kind: 'preview', preview: result.value, notes: [...result.notes, ...result.value.notes, ...(result.value.survey?.notes ?? [])] });
  };

  const choose = async (list: readonly File[]) => {
    if (list.length === 0) return;
    const sizes = checkBeforeReading(list.map((f) => ({ name: f.name, size: f.size })));
    if (!sizes.ok) return setState({ kind: 'error', message: sizes.error });
    loaded.current = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    setEncoding(undefined);
    await read(loaded.current, undefined);
  };

  useEffect(() => {
    if (dropped?.length) void choose(dropped);
    // Only the files the dialog was opened with; later picks go through the input.
  }, []);

  const confirm = (preview: ImportPreview) => {
    const outcome = editor.plan.execute(importIntoPlan(editor.plan.context(), target, preview));
    if (!outcome.ok) return setState({ kind: 'error', message: outcome.message ?? { key: 'io.ui.nothingRead' } });
    for (const n of outcome.notes ?? []) editor.messages.toast('success', n);
    onClose();
  };

  const switchEncoding = (next: string) => {
    setEncoding(next);
    void read(loaded.current, next);
  };

  return (
    <div className="dialog-backdrop" onClick={cancel}>
      <div className="dialog import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" onClick={(e) => e.stopPropagation()} data-testid="import-dialog">
        <h2 id="import-title">{t('io.ui.importTitle')}</h2>
        <label className="field">
          <span className="hint">{t('io.ui.chooseFiles')}</span>
          <input type="file" multiple data-testid="import-file" accept={IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')} onChange={(e) => void choose(e.target.files ? [...e.target.files] : [])} />
        </label>
        {state.kind === 'reading' ? (
          <div className="import-progress" role="status">
            <progress aria-label={t('io.ui.reading', { files: state.names })} />
            <span>{t('io.ui.reading', { files: state.names })}</span>
          </div>
        ) : null}
        {state.kind === 'error' ? (
          <p className="field-error" role="alert" data-testid="import-error">
            {t('io.ui.problem', { reason: say(state.message) })}
          </p>
        ) : null}
        {state.kind === 'preview' ? <PreviewView preview={state.preview} notes={state.notes} target={target} setTarget={setTarget} encoding={encoding} switchEncoding={switchEncoding} say={say} /> : null}
        <div className="buttons">
          <button type="button" onClick={cancel} data-testid="import-cancel">
            {state.kind === 'reading' ? t('io.ui.cancel') : t('io.ui.close')}
          </button>
          {state.kind === 'preview' ? (
            <button type="button" className="primary" data-testid="import-confirm" onClick={() => confirm(state.preview)}>
              {t('io.ui.confirm')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}

interface PreviewProps {
  readonly preview: ImportPreview;
  readonly notes: readonly Message[];
  readonly target: ImportTarget;
  readonly setTarget: (target: ImportTarget) => void;
  readonly encoding: string | undefined;
  readonly switchEncoding: (encoding: string) => void;
  readonly say: (m: Message) => string;
}

function PreviewView({ preview, notes, target, setTarget, encoding, switchEncoding, say }: PreviewProps) {
  const { t } = useTranslation();
  const { layer, survey } = preview;
  const sample = layer.encoding?.preview;
  const current = encoding ?? layer.encoding?.encoding ?? '';
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
              <input type="radio" name="import-encoding" checked={current.toLowerCase() === enc} onChange={() => switchEncoding(enc)} /> {enc.toUpperCase()}:{' '}
              {(enc === 'gbk' ? sample.gbk : sample.utf8)
                .slice(0, 2)
                .map((row) => row.join(' · '))
                .join(' | ')}
            </label>
          ))}
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
      {survey && target === 'base' ? (
        <details open>
          <summary>{t('io.ui.mapping')}</summary>
          {survey.unmapped.length ? <p className="field-error">{t('io.ui.unmappedList', { count: survey.unmapped.length, codes: survey.unmapped.map((r) => `${r.surveyCode} ${r.surveyName}`).join('、') })}</p> : null}
          <table className="mapping-table">
            <thead>
              <tr>
                <th>{t('io.ui.mapping.code')}</th>
                <th>{t('io.ui.mapping.class')}</th>
                <th>{t('io.ui.mapping.count')}</th>
                <th>{t('io.ui.mapping.area')}</th>
              </tr>
            </thead>
            <tbody>
              {survey.preview.map((row) => (
                <tr key={`${row.surveyCode}-${row.where}`}>
                  <td>
                    {row.surveyCode} {row.surveyName}
                  </td>
                  <td>{row.classCode ? `${row.classCode} ${t(`landClass.${row.classCode}`)}` : t('io.ui.unmapped')}</td>
                  <td>{row.count}</td>
                  <td>{formatNumber(row.area, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      {notes.length ? (
        <details open>
          <summary>{t('io.ui.notes')}</summary>
          <ul className="import-notes">
            {notes.map((n, i) => (
              <li key={i}>{say(n)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
