/** A toolbar button or a menu item bound to an action: label, shortcut in the tooltip, enabled and pressed state. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { type Action, shortcutLabel } from '../actions/action.ts';
import { useServices } from '../services.tsx';
import { MenuItem } from './MenuButton.tsx';

/** What a control bound to `action` shows now. */
function useActionState(action: Action) {
  const { t } = useTranslation();
  const services = useServices();
  const { editor } = services;
  // Re-render when anything an action's `enabled`/`active` may read changes.
  useStore(editor.plan.store, (s) => s.history);
  useStore(editor.selection.store, (s) => s.ids);
  useStore(editor.tool.store, (s) => s.tool.kind + String(s.snapping));
  useStore(editor.ui.store, (s) => s.view + s.activeLayer + String(s.helpOpen) + String(s.tableLayer));
  const enabled = action.enabled ? action.enabled(services) : true;
  const active = action.active?.(services);
  const shortcut = action.shortcuts[0];
  const label = t(action.labelKey);
  return { services, enabled, active, label, shortcut: shortcut ? shortcutLabel(shortcut) : undefined };
}

/**
 * `text` replaces the label shown (not the tooltip): the language switch shows the other language by its
 * own name, 底图 on the row drops the menu's "…".
 */
export interface ActionControlProps {
  readonly action: Action;
  readonly icon?: ReactNode;
  readonly text?: ReactNode;
}

export function ActionButton({ action, icon, text, showLabel = true }: ActionControlProps & { showLabel?: boolean }) {
  const { services, enabled, active, label, shortcut } = useActionState(action);
  return (
    <button
      type="button"
      className={`tool-button${active ? ' active' : ''}`}
      disabled={!enabled}
      aria-pressed={active === undefined ? undefined : active}
      title={shortcut ? `${label} (${shortcut})` : label}
      data-action={action.id}
      onClick={() => action.run(services)}
    >
      {icon ? <span className="icon" aria-hidden="true">{icon}</span> : null}
      {showLabel ? <span className="label">{text ?? label}</span> : null}
    </button>
  );
}

/** The same action as an item of a menu (更多): its shortcut shown at the right, as desktop menus do. */
/** `busy`: the action's work is running (an export), its progress shown as `text`. */
export function ActionMenuItem({ action, icon, text, busy }: ActionControlProps & { busy?: boolean }) {
  const { services, enabled, active, label, shortcut } = useActionState(action);
  return (
    <MenuItem
      action={action.id}
      icon={icon}
      shortcut={shortcut}
      disabled={!enabled}
      checked={active}
      busy={busy}
      title={text === undefined ? undefined : label}
      onSelect={() => action.run(services)}
    >
      {text ?? label}
    </MenuItem>
  );
}
