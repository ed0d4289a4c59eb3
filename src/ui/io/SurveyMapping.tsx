/**
 * The survey part of the import preview: each surveyed code with the planning class it maps to, as a
 * pick-list of the domain's classes (never free text) plus "leave out"; and the invalid geometries, with
 * what a repair did (area before and after) once the planner asked for it.
 */
import { useTranslation } from 'react-i18next';
import { LAND_CLASSES, type LandClassCode } from '../../profiles/zhejiang-2017/land-classes.ts';
import type { SurveySummary } from '../../io/into-plan/import-session.ts';
import { choiceOf, rowKey, undecided, type Choices } from '../../io/survey/planner-choices.ts';
import { formatNumber } from '../format.ts';

const LEAVE_OUT = 'leave-out';
const MAX_INVALID_SHOWN = 50;

export function SurveyMapping({ survey, choices, choose }: { survey: SurveySummary; choices: Choices; choose: (key: string, value: LandClassCode | null) => void }) {
  const { t } = useTranslation();
  const open = undecided(survey.preview, choices);
  return (
    <details open>
      <summary>{t('io.ui.mapping')}</summary>
      {open.length ? (
        <p className="field-error" data-testid="import-undecided">
          {t('io.ui.mappingUndecided', { count: open.length })}
        </p>
      ) : null}
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
          {survey.preview.map((row) => {
            const choice = choiceOf(row, choices);
            const key = rowKey(row);
            return (
              <tr key={key} data-code={row.surveyCode} data-where={row.where ?? ''}>
                <td>
                  {row.surveyCode} {row.surveyName}
                  {row.where ? ` ${t(`io.ui.where.${row.where}`)}` : ''}
                </td>
                <td>
                  <select
                    value={choice === undefined ? '' : choice === null ? LEAVE_OUT : choice}
                    aria-label={`${t('io.ui.mapping.class')} ${row.surveyCode}`}
                    className={choice === undefined ? 'field-error' : undefined}
                    onChange={(e) => choose(key, e.target.value === LEAVE_OUT ? null : (e.target.value as LandClassCode))}
                  >
                    {choice === undefined ? <option value="">{t('io.ui.mapping.choose')}</option> : null}
                    {LAND_CLASSES.map((c) => (
                      <option key={c.code} value={c.code}>
                        {c.code} {t(`landClass.${c.code}`)}
                      </option>
                    ))}
                    <option value={LEAVE_OUT}>{t('io.ui.mapping.leaveOut')}</option>
                  </select>
                </td>
                <td>{row.count}</td>
                <td>{formatNumber(row.area, 2)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

export function InvalidGeometries({ survey }: { survey: SurveySummary }) {
  const { t } = useTranslation();
  if (survey.invalid.length === 0) return null;
  return (
    <details open data-testid="import-invalid">
      <summary>{t('io.ui.invalidTitle', { count: survey.invalid.length })}</summary>
      <table className="mapping-table">
        <thead>
          <tr>
            <th>{t('io.ui.invalid.record')}</th>
            <th>{t('io.ui.invalid.parcelNo')}</th>
            <th>{t('io.ui.invalid.problems')}</th>
            <th>{t('io.ui.invalid.before')}</th>
            <th>{t('io.ui.invalid.after')}</th>
          </tr>
        </thead>
        <tbody>
          {survey.invalid.slice(0, MAX_INVALID_SHOWN).map((g) => (
            <tr key={g.recordNo}>
              <td>#{g.recordNo}</td>
              <td>{g.parcelNo}</td>
              <td>{g.problems.map((p) => t(`geometry.invalid.${p}`)).join(' ')}</td>
              {g.repair ? (
                <>
                  <td>{formatNumber(g.repair.areaBefore, 2)}</td>
                  <td>{g.repair.valid ? formatNumber(g.repair.areaAfter, 2) : t('io.ui.invalid.failed')}</td>
                </>
              ) : (
                <td colSpan={2}>{t('io.ui.invalid.notRepaired')}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {survey.invalid.length > MAX_INVALID_SHOWN ? <p className="hint">{t('io.ui.invalidMore', { count: survey.invalid.length - MAX_INVALID_SHOWN })}</p> : null}
    </details>
  );
}
