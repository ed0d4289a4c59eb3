/** The right-hand panel: attributes of the selection, the issues the plan breaks, the indicator tables. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { AttributePanel } from '../attributes/AttributePanel.tsx';
import { IndicatorsPanel } from '../indicators/IndicatorsPanel.tsx';
import { IssuesPanel } from '../issues/IssuesPanel.tsx';
import { useServices } from '../services.tsx';
import { useShownAfter } from '../use-shown-after.ts';

type Tab = 'attributes' | 'issues' | 'indicators';

export function SidePanel() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const [tab, setTab] = useState<Tab>('attributes');
  const summary = useStore(editor.issues.store, (s) => s.summary);
  // A check answered within a moment shows no "checking" hint (one repaint fewer per edit).
  const checking = useShownAfter(useStore(editor.issues.store, (s) => s.checking), 400);
  return (
    <div className="side-panel">
      <div className="tabs" role="tablist" aria-label={t('side.label')}>
        {(['attributes', 'issues', 'indicators'] as const).map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' active' : ''}`} data-tab={id} onClick={() => setTab(id)}>
            {t(`side.tab.${id}`)}
            {id === 'issues' && summary ? (
              <span className="badges" data-testid="issue-badges">
                <span className="badge error" title={t('issues.errors')}>{summary.errors}</span>
                <span className="badge warning" title={t('issues.warnings')}>{summary.warnings}</span>
              </span>
            ) : null}
            {id === 'issues' && checking ? <span className="checking" aria-label={t('issues.checking')}>…</span> : null}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'attributes' ? <AttributePanel /> : tab === 'issues' ? <IssuesPanel /> : <IndicatorsPanel />}
      </div>
    </div>
  );
}
