/**
 * The findings of the 2026 checks (rules/ydyh) as a reviewer reads them: errors, then warnings, then what
 * could not be checked and why; each names its rule by id and name, and one click outlines its features
 * (or the exact part it is about) on the map.
 */
import { useTranslation } from 'react-i18next';
import type { DatabaseIssue } from '../../rules/ydyh/database-rule.ts';
import type { DatabaseCheck } from '../../rules/ydyh/index.ts';
import { renderMessage } from '../../rules/render.ts';

const ORDER: Readonly<Record<DatabaseIssue['severity'], number>> = { error: 0, warning: 1, notChecked: 2 };
/** A finding standing for many others (a CJDCQ off the parcels all round) is read before them. */
const rank = (issue: DatabaseIssue) => (issue.summarises ? -1 : ORDER[issue.severity]);

export function DatabaseIssues({ check, focus }: { check: DatabaseCheck | null; focus: (issue: DatabaseIssue) => void }) {
  const { t } = useTranslation();
  if (!check) return <p className="hint" role="status">{t('database.issues.checking')}</p>;
  const { errors, warnings, notChecked } = check.summary;
  const issues = [...check.issues].sort((a, b) => rank(a) - rank(b));
  return (
    <div className="panel database-issues">
      <p data-testid="database-summary">{t('database.issues.summary', { errors, warnings, notChecked })}</p>
      {issues.length === 0 ? <p className="hint">{t('database.issues.none')}</p> : null}
      <ul className="issue-list">
        {issues.map((issue, i) => {
          const locatable = issue.geometry !== undefined || issue.features.length > 0;
          return (
            <li key={i} className={`issue ${issue.severity}`} data-rule={issue.rule} data-severity={issue.severity}>
              <div className="issue-head">
                <span className={`badge ${issue.severity}`}>{issue.severity === 'notChecked' ? t('rules.notCheckedLabel') : t(`rules.severity.${issue.severity}`)}</span>
                <span className="rule-name">{t(`rules.db.${issue.rule}.name`)}</span> <code className="rule-id">{issue.rule}</code>
              </div>
              <p className="issue-message">{renderMessage(t, issue.message)}</p>
              {locatable ? (
                <button type="button" className="link" data-action="locate" onClick={() => focus(issue)}>
                  {issue.features.length > 0 ? t('database.issues.locate', { count: issue.features.length }) : t('database.issues.locatePlace')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
