/**
 * The import dialog renders the import service's state (app/import/import-service.ts) and calls its
 * actions: files picked (or dropped on the map) are read in the io worker with a progress bar that moves
 * (per layer, per 1,000 records) and a cancel button; the preview (LayerPreview.tsx) shows the layer and
 * the choices the planner has; confirm applies the import as one undoable command, until then the plan is
 * untouched. A delivery package is offered as a new plan (a new draft) instead. A CAD drawing (DXF) is
 * mapped layer by layer (DxfMapping.tsx). Files holding several layers (a county's zip) are listed first
 * (LayerList.tsx), with the preview of the layer the planner picks from the list below it.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { createImportService, importBlocked } from '../../app/import/import-service.ts';
import type { DatumParameters } from '../../domain/datum-parameters.ts';
import { listSome, type Message } from '../../domain/message.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { requestOfMessage } from '../../io/crs/datum-request.ts';
import { IMPORT_EXTENSIONS } from '../../io/formats/index.ts';
import { Dialog } from '../dialog/Dialog.tsx';
import { useDrafts } from '../drafts/drafts-context.tsx';
import { draftUrl } from '../drafts/start-route.ts';
import { formatMessage } from '../format.ts';
import { useServices } from '../services.tsx';
import { CrsChoice } from './CrsChoice.tsx';
import { DatumInUse, DatumParametersForm } from './DatumParametersForm.tsx';
import { DxfView } from './DxfMapping.tsx';
import { LayerList } from './LayerList.tsx';
import { LayerPreview, Notes } from './LayerPreview.tsx';
import { PackageView } from './PackageView.tsx';

export function ImportDialog({ files: dropped, onClose }: { files: readonly File[] | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { editor, io } = useServices();
  const { controller } = useDrafts();
  const say = (m: Message) => formatMessage(t, (k) => i18n.exists(k), m);
  // The service is made once; it says a message in the language of the moment.
  const saying = useRef(say);
  saying.current = say;
  const [service] = useState(() =>
    createImportService({
      editor,
      storage: localStorage,
      flush: () => controller.flush(),
      openDraft: (id) => window.location.assign(draftUrl(id)),
      say: (m) => saying.current(m),
      hold: io.hold,
    }),
  );
  const state = useStore(service.store);
  const { phase, target, settings, choices, dxfChoices, layers } = state;
  const cancel = () => {
    service.close();
    onClose();
  };
  useEffect(() => {
    if (dropped?.length) void service.pick(dropped);
    // Only the files the dialog was opened with; later picks go through the input.
    return () => service.close();
  }, []);
  const confirm = async () => {
    if (await service.confirm()) onClose();
  };

  // Beijing 1954 / Xian 1980 without parameters: the worker's refusal becomes the request for them.
  const datumRequest = phase.kind === 'error' ? requestOfMessage(phase.message) : null;
  const { meta } = editor.plan.getState().plan;
  const toleranceM = resolveProfile(meta.profileId, meta.profileOverrides).controlPointToleranceM;
  const setDatum = (parameters: DatumParameters) => void service.setDatum(parameters);
  const blocked = importBlocked(state);
  const working = phase.kind === 'reading' || phase.kind === 'applying' || phase.kind === 'opening';
  const workingLabel = phase.kind === 'reading' ? t('io.ui.reading', { files: phase.names }) : phase.kind === 'applying' ? t('io.ui.applying') : t('io.ui.opening');

  return (
    <Dialog
      title={t('io.ui.importTitle')}
      className="import-dialog"
      testId="import-dialog"
      onClose={cancel}
      closeLabel={phase.kind === 'reading' || phase.kind === 'applying' ? t('io.ui.cancel') : t('io.ui.close')}
      closeFirst
      closeTestId="import-cancel"
      footer={
        <>
          {phase.kind === 'preview' || phase.kind === 'dxf' || layers.length > 0 ? (
            <button type="button" className="primary" data-testid="import-confirm" disabled={blocked} onClick={() => void confirm()}>
              {t('io.ui.confirm')}
            </button>
          ) : null}
          {phase.kind === 'package' ? (
            <button type="button" className="primary" data-testid="import-open-package" onClick={() => void service.openPackage()}>
              {t('io.ui.openPackage')}
            </button>
          ) : null}
        </>
      }
    >
      <label className="field">
        <span className="hint">{t('io.ui.chooseFiles')}</span>
        <input type="file" multiple data-testid="import-file" accept={IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')} onChange={(e) => void service.pick(e.target.files ? [...e.target.files] : [])} />
      </label>
      {state.notImported.length > 0 ? (
        <p className="hint" data-testid="import-not-imported">
          {t('io.ui.notImportedWithOne', { files: listSome(state.notImported) })}
        </p>
      ) : null}
      {layers.length > 0 ? <LayerList layers={layers} active={state.active} ignored={state.ignored} refusal={state.refusal} include={service.includeLayer} setTarget={service.setLayerTarget} show={service.showLayer} say={say} /> : null}
      {working ? (
        <div className="import-progress" role="status" data-testid="import-progress">
          {phase.kind === 'reading' && phase.progress !== null ? <progress value={phase.progress} max={1} aria-label={workingLabel} /> : <progress aria-label={workingLabel} />}
          <span>{workingLabel}</span>
          {phase.kind === 'reading' && phase.progress !== null ? <span className="hint"> {t('io.ui.progress', { percent: Math.round(phase.progress * 100) })}</span> : null}
        </div>
      ) : null}
      {phase.kind === 'error' && !datumRequest ? (
        <p className="field-error" role="alert" data-testid="import-error">
          {t('io.ui.problem', { reason: say(phase.message) })}
        </p>
      ) : null}
      {datumRequest && phase.kind === 'error' ? (
        <>
          <p className="hint" data-testid="datum-request">
            {say(phase.message)}
          </p>
          <DatumParametersForm request={datumRequest} current={null} toleranceM={toleranceM} apply={setDatum} say={say} />
          {/* An older datum the planner chose (not the file's .prj): the way back to another system. */}
          {settings.crs ? <CrsChoice chosen={settings.crs} choose={(crs) => void service.setCrs(crs)} /> : null}
        </>
      ) : null}
      {phase.kind === 'preview' && phase.preview.datum ? <DatumInUse used={phase.preview.datum} toleranceM={toleranceM} apply={setDatum} say={say} /> : null}
      {phase.kind === 'preview' ? (
        <LayerPreview
          preview={phase.preview}
          notes={phase.notes}
          target={target}
          setTarget={service.setTarget}
          settings={settings}
          setEncoding={(encoding) => void service.setEncoding(encoding)}
          setCrs={(crs) => void service.setCrs(crs)}
          setOption={(option) => void service.setOption(option)}
          choices={choices}
          choose={service.chooseClass}
          say={say}
        />
      ) : null}
      {phase.kind === 'dxf' ? (
        <DxfView preview={phase.preview} choices={dxfChoices} choose={service.chooseDxf} encoding={settings.encoding} reread={(encoding) => void service.setEncoding(encoding)} crs={settings.crs} setCrs={(crs) => void service.setCrs(crs)}>
          <Notes notes={phase.notes} say={say} />
        </DxfView>
      ) : null}
      {phase.kind === 'package' ? <PackageView pkg={phase.pkg} /> : null}
    </Dialog>
  );
}
