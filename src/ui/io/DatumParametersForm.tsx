/**
 * The county's parameters for Beijing 1954 / Xian 1980 data, asked in the import dialog: seven or four,
 * typed, pasted or read from a file, the rotation convention, and optional control points with their
 * residuals as the planner types (io/crs/datum-request.ts does the work; this renders it).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatumParameters, DatumTransformation, SevenParameters } from '../../domain/datum-parameters.ts';
import type { Message } from '../../domain/message.ts';
import { describeTransformation, DATUM_NAME_KEYS } from '../../io/crs/datum-settle.ts';
import { evaluateDatumForm, type DatumFormInput, type DatumRequest } from '../../io/crs/datum-request.ts';
import { formatNumber } from '../format.ts';

interface Props {
  readonly request: DatumRequest;
  /** The parameters the layer was read with, when the planner changes them. */
  readonly current: DatumTransformation | null;
  readonly toleranceM: number;
  readonly apply: (parameters: DatumParameters) => void;
  readonly say: (m: Message) => string;
}

export function DatumParametersForm({ request, current, toleranceM, apply, say }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState<DatumFormInput>(() => ({
    kind: current?.kind ?? 'sevenParameter',
    text: current ? describeTransformation(current) : '',
    convention: current?.kind === 'sevenParameter' ? current.convention : 'positionVector',
    controlPoints: '',
  }));
  const state = useMemo(() => evaluateDatumForm(request, input, toleranceM), [request, input, toleranceM]);
  const set = (change: Partial<DatumFormInput>) => setInput((i) => ({ ...i, ...change }));
  const readFile = async (file: File | undefined) => file && set({ text: await file.text() });
  const datum = t(DATUM_NAME_KEYS[request.datum]);
  const residuals = state.residuals?.ok ? state.residuals.value : null;
  const m = (v: number) => formatNumber(v, 3);
  return (
    <fieldset className="datum-form" data-testid="datum-form">
      <legend>{t('io.ui.datumTitle', { datum })}</legend>
      <div role="radiogroup" aria-label={t('io.ui.datumKind')}>
        <label className="choice">
          <input type="radio" name="datum-kind" data-testid="datum-seven" checked={input.kind === 'sevenParameter'} onChange={() => set({ kind: 'sevenParameter' })} /> {t('io.ui.datumSeven')}
        </label>
        <label className="choice">
          <input type="radio" name="datum-kind" data-testid="datum-four" disabled={!request.gk} checked={input.kind === 'fourParameter'} onChange={() => set({ kind: 'fourParameter' })} />{' '}
          {t('io.ui.datumFour', { cm: request.gk?.centralMeridian ?? '—' })}
        </label>
      </div>
      <label className="field">
        <span className="hint">{t(input.kind === 'sevenParameter' ? 'io.ui.datumSevenHint' : 'io.ui.datumFourHint')}</span>
        <textarea data-testid="datum-text" rows={3} value={input.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <label className="field">
        <span className="hint">{t('io.ui.datumFile')}</span> <input type="file" data-testid="datum-file" accept=".txt,.cot,.prj,.csv" onChange={(e) => void readFile(e.target.files?.[0])} />
      </label>
      {input.kind === 'sevenParameter' ? (
        <div role="radiogroup" aria-label={t('io.ui.datumConvention')}>
          <span className="hint">{t('io.ui.datumConvention')}</span>
          {(['positionVector', 'coordinateFrame'] as const satisfies readonly SevenParameters['convention'][]).map((convention) => (
            <label key={convention} className="choice">
              <input type="radio" name="datum-convention" data-testid={`datum-${convention}`} checked={input.convention === convention} onChange={() => set({ convention })} /> {t(`io.ui.datumConvention.${convention}`)}
            </label>
          ))}
        </div>
      ) : null}
      {input.text.trim() ? (
        state.parameters.ok ? (
          <p className="hint" data-testid="datum-read">
            {t('io.ui.datumRead', { parameters: describeTransformation(state.parameters.value.transformation) })}
          </p>
        ) : (
          <p className="field-error" role="alert" data-testid="datum-error">
            {say(state.parameters.error)}
          </p>
        )
      ) : null}
      <details>
        <summary>{t('io.ui.datumControl')}</summary>
        <span className="hint">{t(request.gk ? 'io.ui.datumControlHint' : 'io.ui.datumControlHintLonLat', { tolerance: toleranceM })}</span>
        <textarea data-testid="datum-control" rows={3} value={input.controlPoints} onChange={(e) => set({ controlPoints: e.target.value })} />
        {state.residuals && !state.residuals.ok ? <p className="field-error">{say(state.residuals.error)}</p> : null}
        {residuals ? (
          <table className="datum-residuals" data-testid="datum-residuals">
            <thead>
              <tr>
                <th>{t('io.ui.datumPoint')}</th>
                <th>ΔX (m)</th>
                <th>ΔY (m)</th>
                <th>{t('io.ui.datumResidual')}</th>
              </tr>
            </thead>
            <tbody>
              {residuals.residuals.map((r) => (
                <tr key={r.name} className={r.flagged ? 'flagged' : undefined} data-testid="datum-residual">
                  <td>{r.name}</td>
                  <td>{m(r.north)}</td>
                  <td>{m(r.east)}</td>
                  <td>
                    {m(r.distance)}
                    {r.flagged ? ` ${t('io.ui.datumOverTolerance')}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={4} data-testid="datum-rms">
                  {t('io.ui.datumRms', { rms: m(residuals.rms), largest: m(residuals.largest), flagged: residuals.flagged, tolerance: toleranceM })}
                </td>
              </tr>
            </tfoot>
          </table>
        ) : null}
      </details>
      <button type="button" className="primary" data-testid="datum-apply" disabled={!state.parameters.ok} onClick={() => state.parameters.ok && apply(state.parameters.value)}>
        {t('io.ui.datumApply')}
      </button>
    </fieldset>
  );
}

/** The parameters a layer was read with, named, and the form to change them. */
export function DatumInUse({ used, toleranceM, apply, say }: { used: { request: DatumRequest; parameters: DatumParameters }; toleranceM: number; apply: (parameters: DatumParameters) => void; say: (m: Message) => string }) {
  const { t } = useTranslation();
  const [changing, setChanging] = useState(false);
  return (
    <div data-testid="datum-used">
      <p className="hint">
        {t('io.ui.datumUsed', { datum: t(DATUM_NAME_KEYS[used.parameters.datum]), parameters: describeTransformation(used.parameters.transformation) })}{' '}
        <button type="button" data-testid="datum-change" onClick={() => setChanging((c) => !c)}>
          {t('io.ui.datumChange')}
        </button>
      </p>
      {changing ? <DatumParametersForm request={used.request} current={used.parameters.transformation} toleranceM={toleranceM} apply={apply} say={say} /> : null}
    </div>
  );
}
