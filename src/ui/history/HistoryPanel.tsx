/**
 * The undo history as a list, oldest at the top: the plan as opened, each step by name
 * ("移动节点 · 建新地块 JX003", step-subject.ts), the current one marked, then the steps that can be redone
 * (greyed). Clicking a row takes the plan to just after that step.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../commands/history.ts';
import { nameSteps, type StepSubject } from '../../commands/step-subject.ts';
import { featureLabel } from '../feature-label.ts';
import { usePlanState, useServices } from '../services.tsx';
import { goToStep, targetOf } from './go-to-step.ts';

interface Row {
  readonly key: string;
  readonly label: string;
  readonly state: 'done' | 'current' | 'redo';
  readonly go: { undoIndex: number } | { redoIndex: number };
}

export function HistoryPanel() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const history = usePlanState((s) => s.history);
  const plan = usePlanState((s) => s.plan);
  const current = useRef<HTMLButtonElement>(null);
  const named = useMemo(() => nameSteps(history, plan), [history, plan]);

  const stepName = (entry: HistoryEntry, subject: StepSubject | null): string => {
    if (!subject) return t(entry.label);
    const more = subject.count > 1 ? ` ${t('history.more', { count: subject.count })}` : '';
    return `${t(entry.label)} · ${featureLabel(t, subject.feature)}${more}`;
  };
  const rows: Row[] = [
    { key: 'start', label: t('history.start'), state: history.undo.length === 0 ? 'current' : 'done', go: { undoIndex: -1 } },
    ...history.undo.map((entry, i): Row => ({
      key: `u${i}`,
      label: stepName(entry, named.undo[i] ?? null),
      state: i === history.undo.length - 1 ? 'current' : 'done',
      go: { undoIndex: i },
    })),
    ...history.redo
      .map((entry, j): Row => ({ key: `r${j}`, label: stepName(entry, named.redo[j] ?? null), state: 'redo', go: { redoIndex: j } }))
      .reverse(),
  ];

  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [history]);
  useEffect(() => {
    current.current?.focus();
  }, []);

  return (
    <>
      <p className="hint">{history.undo.length + history.redo.length === 0 ? t('history.empty') : t('history.hint')}</p>
      <ol className="tool-list history-steps">
        {rows.map((row) => (
          <li key={row.key} className={row.state}>
            <button
              ref={row.state === 'current' ? current : undefined}
              type="button"
              data-step={row.key}
              aria-current={row.state === 'current' ? 'step' : undefined}
              onClick={() => goToStep(editor, targetOf(history, row.go))}
            >
              <span className="item-label">{row.label}</span>
              {row.state === 'current' ? <span className="item-detail">{t('history.current')}</span> : null}
              {row.state === 'redo' ? <span className="item-detail">{t('history.redoable')}</span> : null}
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
