/**
 * Compare any two of: the versions, the draft as it is now. Sections are rendered by kind (features and
 * meta today; indicator tables when the rules engine adds a table comparer, persist/compare-plans.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geometryBBox } from '../../geo/bbox.ts';
import { findFeature } from '../../domain/plan.ts';
import type { Message } from '../../domain/message.ts';
import type { ChangedFeature, ComparisonSection, PlanComparison } from '../../persist/compare-plans.ts';
import type { VersionRecord } from '../../persist/schema.ts';
import type { PlanRef } from '../../persist/session/versions-service.ts';
import { useServices } from '../services.tsx';
import { useDrafts } from './drafts-context.tsx';
import { formatMessage } from '../format.ts';

/** A long list helps nobody; the tallies above it still count everything. */
const MAX_ROWS = 200;

export function VersionCompare({ versions: list }: { versions: readonly VersionRecord[] }) {
  const { t, i18n } = useTranslation();
  const { versions } = useDrafts();
  const [from, setFrom] = useState<PlanRef>(list[0]?.id ?? 'current');
  const [to, setTo] = useState<PlanRef>('current');
  const [result, setResult] = useState<PlanComparison | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);

  const compare = async () => {
    const compared = await versions.compare(from, to);
    setResult(compared.ok ? compared.value : null);
    setProblem(compared.ok ? null : compared.error);
  };
  const options = [{ value: 'current', label: t('drafts.versions.current') }, ...list.map((v) => ({ value: v.id, label: v.name }))];
  const picker = (label: string, value: PlanRef, set: (v: PlanRef) => void, testId: string) => (
    <label className="choice">
      {label}
      <select data-testid={testId} value={value} onChange={(e) => set(e.target.value as PlanRef)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="version-compare">
      <h3>{t('drafts.versions.compare')}</h3>
      <div className="compare-pickers">
        {picker(t('drafts.versions.compareFrom'), from, setFrom, 'compare-from')}
        {picker(t('drafts.versions.compareTo'), to, setTo, 'compare-to')}
        <button type="button" className="mini-button" data-action="compare-versions" onClick={() => void compare()}>
          {t('drafts.versions.compare')}
        </button>
      </div>
      {problem ? <p className="field-error" role="alert">{formatMessage(t, (k) => i18n.exists(k), problem)}</p> : null}
      {result ? (
        <div className="compare-result" data-testid="compare-result">
          {result.sections.length === 0 ? <p className="hint">{t('drafts.compare.same')}</p> : result.sections.map((section) => <Section key={section.kind} section={section} />)}
        </div>
      ) : null}
    </section>
  );
}

function Section({ section }: { section: ComparisonSection }) {
  const { t } = useTranslation();
  switch (section.kind) {
    case 'features':
      return (
        <>
          <ul className="compare-tallies">
            {section.tallies.map((tally) => (
              <li key={tally.layer}>
                <strong>{t(`layer.${tally.layer}`)}</strong> {t('drafts.compare.tally', { added: tally.added, removed: tally.removed, changed: tally.changed })}
              </li>
            ))}
          </ul>
          <table className="compare-table">
            <thead>
              <tr>
                <th>{t('drafts.compare.layer')}</th>
                <th>{t('drafts.compare.label')}</th>
                <th>{t('drafts.compare.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {section.changes.slice(0, MAX_ROWS).map((change) => (
                <ChangeRow key={`${change.layer}/${change.id}`} change={change} />
              ))}
            </tbody>
          </table>
          {section.changes.length > MAX_ROWS ? <p className="hint">{t('drafts.compare.more', { count: section.changes.length - MAX_ROWS })}</p> : null}
        </>
      );
    case 'meta':
      return <p>{t('drafts.compare.meta', { fields: section.fields.map((f) => t(`drafts.compare.metaField.${f}`, { defaultValue: f })).join('、') })}</p>;
  }
}

function ChangeRow({ change }: { change: ChangedFeature }) {
  const { t } = useTranslation();
  const { editor, view } = useServices();
  const shown = findFeature(editor.plan.getState().plan, change.id);
  const what = [t(`drafts.compare.${change.difference}`), change.geometryChanged && change.difference === 'changed' ? t('drafts.compare.shape') : null, ...change.fields.map((f) => t(`field.${f}`, { defaultValue: f }))]
    .filter(Boolean)
    .join(' · ');
  const show = () => {
    if (!shown) return;
    editor.selection.set([shown.id]);
    view?.fitBBox(geometryBBox(shown.geometry));
  };
  return (
    <tr>
      <td>{t(`layer.${change.layer}`)}</td>
      <td>{shown ? <button type="button" className="link" title={t('drafts.compare.show')} onClick={show}>{change.label ?? t('drafts.compare.noLabel')}</button> : (change.label ?? t('drafts.compare.noLabel'))}</td>
      <td>{what}</td>
    </tr>
  );
}
