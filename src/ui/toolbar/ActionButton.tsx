/** A toolbar button bound to an action: label, shortcut in the tooltip, enabled and pressed state. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { type Action, shortcutLabel } from '../actions/action.ts';
import { useServices } from '../services.tsx';

export function ActionButton({ action, icon, showLabel = true }: { action: Action; icon?: ReactNode; showLabel?: boolean }) {
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
  return (
    <button
      type="button"
      className={`tool-button${active ? ' active' : ''}`}
      disabled={!enabled}
      aria-pressed={active === undefined ? undefined : active}
      title={shortcut ? `${label} (${shortcutLabel(shortcut)})` : label}
      data-action={action.id}
      onClick={() => action.run(services)}
    >
      {icon ? <span className="icon" aria-hidden="true">{icon}</span> : null}
      {showLabel ? <span className="label">{label}</span> : null}
    </button>
  );
}
