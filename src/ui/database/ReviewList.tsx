/**
 * The review list of a conversion into a 2026 plan (a 三调 DLTB, a 2017 plan): one row per group of parcels
 * the conversion could not classify alone, with its parcels' count and area, the 2023 codes it may become
 * and the default where there is one (labelled 默认值: ours or the source table's, never confirmed). Nothing
 * is built until every group without a default is decided and the planner confirms.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import { undecidedGroups, type ReviewDecisions, type ReviewGroup } from '../../io/village-database/review-groups.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { formatArea, formatMessage } from '../format.ts';

export interface ReviewListProps {
  readonly title: string;
  readonly groups: readonly ReviewGroup[];
  readonly notes: readonly Message[];
  readonly parcels: number;
  readonly confirm: (decisions: ReviewDecisions) => void;
  readonly cancel: () => void;
}

export function ReviewList({ title, groups, notes, parcels, confirm, cancel }: ReviewListProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const left = undecidedGroups(groups, decisions);
  const className = (code: string) => {
    const entry = YDYH_2023_INDEX.get(code);
    return entry ? `${code} ${english ? entry.en : entry.zh}` : code;
  };
  const chosen = (group: ReviewGroup) => decisions[group.key] ?? group.suggested ?? '';
  const confirmAll = () => confirm(Object.fromEntries(groups.flatMap((group) => (chosen(group) ? [[group.key, chosen(group)]] : []))));
  return (
    <section className="review-list" data-testid="review-list">
      <h2>{title}</h2>
      <p className="hint">{t('database.review.intro', { parcels, groups: groups.length })}</p>
      {notes.length > 0 ? (
        <details className="notice warning" open={notes.length <= 5}>
          <summary>{t('database.notes', { count: notes.length })}</summary>
          <ul>{notes.map((note, i) => <li key={i}>{formatMessage(t, (k) => i18n.exists(k), note)}</li>)}</ul>
        </details>
      ) : null}
      {groups.length === 0 ? <p>{t('database.review.nothing')}</p> : null}
      <table className="review-table">
        <thead>
          <tr>
            <th>{t('database.review.from')}</th>
            <th>{t('database.review.parcels')}</th>
            <th>{t('database.review.area')}</th>
            <th>{t('database.review.to')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.key} data-group={group.key} className={chosen(group) ? '' : 'undecided'}>
              <th>
                <code>{group.key}</code> {english ? group.fromEn : group.fromZh}
                {group.notes.map((note, i) => (
                  <p key={i} className="hint">{formatMessage(t, (k) => i18n.exists(k), note)}</p>
                ))}
              </th>
              <td className="number">{group.count}</td>
              <td className="number">{formatArea(t, group.areaM2)}</td>
              <td>
                <select value={chosen(group)} data-testid={`decide-${group.key}`} onChange={(e) => setDecisions((d) => ({ ...d, [group.key]: e.target.value }))}>
                  {group.suggested === null ? <option value="">{t('database.review.choose')}</option> : null}
                  {group.candidates.map((code) => (
                    <option key={code} value={code}>
                      {className(code)}
                      {code === group.suggested ? ` (${t('database.review.default')})` : ''}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="review-actions">
        <button type="button" className="primary" data-action="confirm-review" disabled={left.length > 0} onClick={confirmAll}>
          {t('database.review.confirm')}
        </button>
        <button type="button" className="tool-button" data-action="cancel-review" onClick={cancel}>
          {t('database.review.cancel')}
        </button>
        {left.length > 0 ? <span className="hint" role="status">{t('database.review.left', { count: left.length })}</span> : null}
      </div>
    </section>
  );
}
