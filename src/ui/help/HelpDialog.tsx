/**
 * Every action by group with its shortcuts, read from the same list the keyboard handler uses (an action
 * without one is listed too: it is in the toolbar's menus); mouse gestures; then 关于 (licences).
 */
import { useTranslation } from 'react-i18next';
import { shortcutLabel } from '../actions/action.ts';
import { ACTION_GROUPS } from '../actions/index.ts';
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
      {ACTION_GROUPS.map((group) => (
        <section key={group.id} data-help-group={group.id}>
          <h3>{t(`help.group.${group.id}`)}</h3>
          <table>
            <tbody>
              {group.actions.map((action) => (
                <tr key={action.id}>
                  <td>{t(action.labelKey)}</td>
                  <td>
                    {action.shortcuts.length > 0 ? (
                      action.shortcuts.map((s) => <kbd key={shortcutLabel(s)}>{shortcutLabel(s)}</kbd>)
                    ) : (
                      <span className="hint">{t('help.noShortcut')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
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
