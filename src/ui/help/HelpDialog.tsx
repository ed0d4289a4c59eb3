/** Keyboard shortcuts and mouse gestures, read from the same action list the keyboard handler uses; then 关于 (licences). */
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../actions/action.ts';
import { ACTIONS } from '../actions/index.ts';
import { useServices, useUi } from '../services.tsx';
import { useCloseOnEscape } from '../dialog/use-close-on-escape.ts';
import { LicencesSection } from '../io/LicencesSection.tsx';

const GESTURES = ['clickVertex', 'finish', 'snap', 'dragVertex', 'midpoint', 'deleteVertex', 'shiftClick', 'shiftDrag', 'escape', 'measure'] as const;

export function HelpDialog() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const open = useUi((s) => s.helpOpen);
  useCloseOnEscape(() => editor.ui.setHelpOpen(false), open);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={() => editor.ui.setHelpOpen(false)}>
      <div className="dialog help" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('help.title')}</h2>
        <table>
          <tbody>
            {ACTIONS.filter((a) => a.shortcuts.length > 0).map((action) => (
              <tr key={action.id}>
                <td>{t(action.labelKey)}</td>
                <td>{action.shortcuts.map((s) => <kbd key={shortcutLabel(s)}>{shortcutLabel(s)}</kbd>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('help.mouse')}</h3>
        <ul>
          {GESTURES.map((g) => (
            <li key={g}>{t(`help.gesture.${g}`)}</li>
          ))}
        </ul>
        <LicencesSection />
        <button type="button" onClick={() => editor.ui.setHelpOpen(false)}>
          {t('dialog.close')}
        </button>
      </div>
    </div>
  );
}
