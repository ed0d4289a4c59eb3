/** Writing the 规划说明 that lets a warning pass: stored with the plan, exported, undoable. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_JUSTIFICATION_LENGTH, setJustification } from '../../commands/plan-meta.command.ts';
import type { Issue } from '../../rules/issue.ts';
import { runCommand } from '../actions/action.ts';
import { useServices } from '../services.tsx';

export function JustificationEditor({ issue, onDone }: { issue: Issue; onDone: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const [text, setText] = useState(issue.justification?.text ?? '');
  const save = (value: string | null) => {
    if (runCommand(services, setJustification(services.editor.plan.context(), issue.key, value, new Date().toISOString()))) onDone();
  };
  return (
    <form className="justification-editor" onSubmit={(e) => { e.preventDefault(); save(text); }}>
      <textarea
        value={text}
        maxLength={MAX_JUSTIFICATION_LENGTH}
        rows={3}
        placeholder={t('issues.justificationPlaceholder')}
        aria-label={t('issues.justify')}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="buttons">
        {issue.justification ? <button type="button" onClick={() => save(null)}>{t('issues.removeJustification')}</button> : null}
        <button type="button" onClick={onDone}>{t('dialog.cancel')}</button>
        <button type="submit" className="primary" disabled={!text.trim()}>{t('dialog.save')}</button>
      </div>
    </form>
  );
}
