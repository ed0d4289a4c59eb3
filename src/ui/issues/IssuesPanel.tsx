/**
 * The issues panel: every rule the plan breaks, grouped by severity and rule, each in plain words with
 * its figures. Clicking one zooms to it and highlights the exact offending geometry; a warning can carry
 * a written reason (规划说明); a rule missing its input says "not checked" and what is missing.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Issue } from '../../rules/issue.ts';
import { RULES } from '../../rules/index.ts';
import { formatMessage } from '../format.ts';
import { useServices } from '../services.tsx';
import { issueBBox } from '../../map/issue-place.ts';
import { JustificationEditor } from './JustificationEditor.tsx';
import { ProfileDialog } from './ProfileDialog.tsx';

type Group = 'error' | 'warning' | 'justified' | 'notChecked';
const GROUPS: readonly Group[] = ['error', 'warning', 'justified', 'notChecked'];
/** Enough to work through; the rest are counted, not rendered (a broken import can yield thousands). */
const SHOWN_PER_RULE = 50;

function groupOf(issue: Issue): Group {
  if (issue.severity === 'notChecked') return 'notChecked';
  if (issue.justification) return 'justified';
  return issue.severity;
}

export function IssuesPanel() {
  const { t, i18n } = useTranslation();
  const { editor, view } = useServices();
  const issues = useStore(editor.issues.store, (s) => s.issues);
  const summary = useStore(editor.issues.store, (s) => s.summary);
  const failure = useStore(editor.issues.store, (s) => s.failure);
  const markers = useStore(editor.issues.store, (s) => s.markersVisible);
  const focused = useStore(editor.issues.store, (s) => s.focused);
  const [editing, setEditing] = useState<string | null>(null);
  const [profileOpen, setProfileOpen] = useState(false);

  const grouped = useMemo(() => {
    const order = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
    const byGroup = new Map<Group, Map<string, Issue[]>>();
    for (const issue of issues) {
      const group = groupOf(issue);
      const rules = byGroup.get(group) ?? new Map<string, Issue[]>();
      byGroup.set(group, rules);
      rules.set(issue.rule, [...(rules.get(issue.rule) ?? []), issue]);
    }
    for (const rules of byGroup.values()) {
      const sorted = [...rules.entries()].sort((a, b) => (order.get(a[0]) ?? 99) - (order.get(b[0]) ?? 99));
      rules.clear();
      sorted.forEach(([k, v]) => rules.set(k, v));
    }
    return byGroup;
  }, [issues]);

  // A finding standing for many others (a boundary off the parcels all round) is read before them: in its
  // group it sits among hundreds of the findings it explains, and warnings start folded.
  const causes = useMemo(() => issues.filter((issue) => issue.summarises && !issue.justification), [issues]);

  const show = (issue: Issue) => {
    editor.issues.focus(issue);
    const box = issueBBox(editor.plan.getState().plan, issue);
    if (box) view?.fitBBox(box);
  };

  return (
    <section className="panel issues-panel" aria-label={t('side.tab.issues')}>
      <div className="issues-head">
        {summary ? (
          <p className="summary-line" data-testid="issue-summary">
            {t('issues.summary', { errors: summary.errors, warnings: summary.warnings, justified: summary.justified, notChecked: summary.notChecked })}
          </p>
        ) : (
          <p className="hint">{t('issues.checking')}</p>
        )}
        <label className="toggle">
          <input type="checkbox" checked={markers} onChange={(e) => editor.issues.setMarkersVisible(e.target.checked)} />
          {t('issues.markers')}
        </label>
        <button type="button" className="tool-button" data-action="profile" onClick={() => setProfileOpen(true)}>
          {t('profile.button')}
        </button>
      </div>
      {failure ? <p className="field-error" role="alert">{t('issues.failed', { detail: failure })}</p> : null}
      {summary && issues.length === 0 ? <p className="ok-line">{t('issues.none')}</p> : null}
      {causes.length > 0 ? (
        <div className="issue-causes" role="note" data-testid="issue-causes">
          <h3>{t('issues.causes')}</h3>
          {/* Zoomed to as any finding: its geometry is the stretches of boundary the features reach out along. */}
          {causes.map((issue) => (
            <p key={issue.key} data-rule={issue.rule} className={focused?.key === issue.key ? 'focused' : ''}>
              <button type="button" className="issue-item" data-issue={issue.key} data-action="show-cause" onClick={() => show(issue)}>
                {formatMessage(t, (k) => i18n.exists(k), issue.message)}
              </button>
            </p>
          ))}
        </div>
      ) : null}
      {GROUPS.filter((g) => grouped.has(g)).map((group) => (
        <div key={group} className={`issue-group ${group}`} data-group={group}>
          <h3>{t(`issues.group.${group}`)}</h3>
          {[...(grouped.get(group)?.entries() ?? [])].map(([rule, list]) => (
            <details key={rule} open={group === 'error'} className="issue-rule" data-rule={rule}>
              <summary>
                <span className="rule-name" title={rule}>{t(`rules.${rule}.name`)}</span> <span className="count">{list.length}</span>
              </summary>
              <ul>
                {list.slice(0, SHOWN_PER_RULE).map((issue) => (
                  <li key={issue.key} className={focused?.key === issue.key ? 'focused' : ''}>
                    <button type="button" className="issue-item" data-issue={issue.key} onClick={() => show(issue)}>
                      {formatMessage(t, (k) => i18n.exists(k), issue.message)}
                    </button>
                    {issue.justification ? <p className="justification">{t('issues.justifiedBy', { text: issue.justification.text })}</p> : null}
                    {issue.severity === 'warning' ? (
                      editing === issue.key ? (
                        <JustificationEditor issue={issue} onDone={() => setEditing(null)} />
                      ) : (
                        <button type="button" className="mini-button" data-action="justify" onClick={() => setEditing(issue.key)}>
                          {issue.justification ? t('issues.editJustification') : t('issues.justify')}
                        </button>
                      )
                    ) : null}
                  </li>
                ))}
                {list.length > SHOWN_PER_RULE ? <li className="hint">{t('issues.more', { count: list.length - SHOWN_PER_RULE })}</li> : null}
              </ul>
            </details>
          ))}
        </div>
      ))}
      {profileOpen ? <ProfileDialog onClose={() => setProfileOpen(false)} /> : null}
    </section>
  );
}
