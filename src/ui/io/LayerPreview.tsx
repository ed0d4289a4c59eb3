/**
 * The import dialog's preview of a layer: the file, its CRS and how it was found (a choice when the file
 * does not say it), the encoding switch
 * (GBK/UTF-8 side by side, a new read), the options that need the planner's consent (GCJ-02 conversion,
 * geometry repair, topology alignment; applied by the io worker to what it read) when they apply, the
 * target layer, and for a land survey the class mapping as pick-lists and the invalid geometries.
 */
import { useTranslation } from 'react-i18next';
import type { LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { Message } from '../../domain/message.ts';
import type { ImportOption, ReadSettings } from '../../app/import/import-service.ts';
import { IMPORT_TARGETS, PARTITION_TARGETS, type ImportTarget } from '../../io/into-plan/import-command.ts';
import type { PreviewSummary } from '../../io/into-plan/import-session.ts';
import type { Choices } from '../../io/survey/planner-choices.ts';
import type { ReadCrs } from '../../io/crs/source-crs.ts';
import { AlignTopology } from './AlignTopology.tsx';
import { CrsChoice } from './CrsChoice.tsx';
import { EncodingSwitch } from './EncodingSwitch.tsx';
import { InvalidGeometries, SurveyMapping } from './SurveyMapping.tsx';

export function Notes({ notes, say }: { notes: readonly Message[]; say: (m: Message) => string }) {
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
  readonly preview: PreviewSummary;
  readonly notes: readonly Message[];
  readonly target: ImportTarget | null;
  readonly setTarget: (target: ImportTarget) => void;
  readonly settings: ReadSettings;
  readonly setEncoding: (encoding: string) => void;
  readonly setCrs: (crs: ReadCrs | null) => void;
  readonly setOption: (option: ImportOption) => void;
  readonly choices: Choices;
  readonly choose: (key: string, value: LandClassCode | null) => void;
  readonly say: (m: Message) => string;
}

export function LayerPreview({ preview, notes, target, setTarget, settings, setEncoding, setCrs, setOption, choices, choose, say }: PreviewProps) {
  const { t } = useTranslation();
  const { layer, survey } = preview;
  const sample = layer.encoding?.preview;
  const current = settings.encoding ?? layer.encoding?.encoding ?? '';
  const canRepair = survey !== null && target === 'base' && survey.invalid.length > 0;
  const canAlign = preview.topology !== null && target !== null && PARTITION_TARGETS.includes(target);
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        {t('io.ui.layerInfo', { file: layer.file, count: layer.count, crs: layer.crs })} {t(`io.ui.crsHow.${layer.crsHow}`)}
      </p>
      {layer.crsHow === 'inferred' || layer.crsHow === 'chosen' ? <CrsChoice chosen={settings.crs} choose={setCrs} /> : null}
      {preview.others.length ? <p className="hint">{t('io.ui.otherLayers', { list: preview.others.join(', ') })}</p> : null}
      {sample ? <EncodingSwitch sample={sample} current={current} name="import-encoding" rows={2} choose={setEncoding} /> : null}
      {preview.gcj02 || canRepair || canAlign ? (
        <fieldset data-testid="import-options">
          <legend>{t('io.ui.options')}</legend>
          {preview.gcj02 ? (
            <label className="choice">
              <input type="checkbox" data-testid="import-gcj02" checked={settings.convertGcj02 === true} onChange={(e) => setOption({ convertGcj02: e.target.checked })} /> {t('io.ui.gcj02')}
            </label>
          ) : null}
          {preview.gcj02Offset ? (
            <p className="hint" data-testid="import-gcj02-offset">
              {say(preview.gcj02Offset)}
            </p>
          ) : null}
          {canRepair ? (
            <label className="choice">
              <input type="checkbox" data-testid="import-repair" checked={settings.repair === true} onChange={(e) => setOption({ repair: e.target.checked })} /> {t('io.ui.repair', { count: survey.invalid.length })}
            </label>
          ) : null}
          {canAlign && preview.topology ? <AlignTopology topology={preview.topology} checked={settings.alignTopology === true} onChange={(alignTopology) => setOption({ alignTopology })} /> : null}
        </fieldset>
      ) : null}
      <label className="field">
        {t('io.ui.target')}{' '}
        <select value={target ?? ''} data-testid="import-target" className={target === null ? 'field-error' : undefined} onChange={(e) => setTarget(e.target.value as ImportTarget)}>
          {target === null ? <option value="">{t('io.ui.targetChoose', { count: preview.areaCount })}</option> : null}
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
