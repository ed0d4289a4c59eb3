/** Keyboard shortcuts and mouse gestures, read from the same action list the keyboard handler uses; then 关于 (licences). */
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../actions/action.ts';
import { ACTIONS } from '../actions/index.ts';
import { useServices, useUi } from '../services.tsx';
import { Dialog } from '../dialog/Dialog.tsx';
import { LicencesSection } from '../io/LicencesSection.tsx';

const GESTURES = ['clickVertex', 'finish', 'snap', 'dragVertex', 'midpoint', 'deleteVertex', 'shiftClick', 'shiftDrag', 'escape', 'measure'] as const;

export function HelpDialog() {
  const { t } = useTranslation();
  const { editor } = useServices();
  const open = useUi((s) => s.helpOpen);
  if (!open) return null;
  return (
    <Dialog title={t('help.title')} className="help" onClose={() => editor.ui.setHelpOpen(false)}>
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
    </Dialog>
  );
}
