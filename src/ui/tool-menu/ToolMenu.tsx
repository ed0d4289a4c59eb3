/**
 * A toolbar button with its popover (search, go to coordinates, undo history): the button toggles it, the
 * action's shortcut opens it, × and Escape close it. One is open at a time (ui store `toolPanel`).
 */
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ToolPanel } from '../../store/ui.store.ts';
import { type Action, shortcutLabel } from '../actions/action.ts';
import { useServices, useUi } from '../services.tsx';

export interface ToolMenuProps {
  readonly panel: ToolPanel;
  readonly action: Action;
  readonly icon: ReactNode;
  /** i18n key of a short label beside the icon; none: the icon alone (named by its tooltip). */
  readonly shortLabelKey?: string;
  readonly children: ReactNode;
}

export function ToolMenu({ panel, action, icon, shortLabelKey, children }: ToolMenuProps) {
  const { t } = useTranslation();
  const { editor } = useServices();
  const open = useUi((s) => s.toolPanel === panel);
  const button = useRef<HTMLButtonElement>(null);
  const label = t(action.labelKey);
  const shortcut = action.shortcuts[0];
  const close = () => {
    editor.ui.setToolPanel(null);
    button.current?.focus();
  };
  return (
    <div className="menu tool-menu">
      <button
        ref={button}
        type="button"
        className={`tool-button${open ? ' active' : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={label}
        title={shortcut ? `${label} (${shortcutLabel(shortcut)})` : label}
        data-action={action.id}
        onClick={() => editor.ui.setToolPanel(open ? null : panel)}
      >
        <span className="icon" aria-hidden="true">{icon}</span>
        {shortLabelKey ? <span className="label">{t(shortLabelKey)}</span> : null}
      </button>
      {open ? (
        <ToolPopover panel={panel} label={label} onClose={close}>
          {children}
        </ToolPopover>
      ) : null}
    </div>
  );
}

/**
 * The popover itself, under the button that opened it: the tool's own button, or 更多 when the tool has
 * moved into the overflow menu (`alignEnd`: it opens towards the left). Escape and × close it.
 */
export function ToolPopover({ panel, className, testId, label, alignEnd, onClose, children }: { panel?: ToolPanel; className?: string; testId?: string; label: string; alignEnd?: boolean; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div
      className={['tool-popover', className, alignEnd ? 'align-end' : ''].filter(Boolean).join(' ')}
      role="dialog"
      aria-label={label}
      data-tool-panel={panel}
      data-testid={testId}
      onKeyDown={(event) => {
        // Escape closes the popover only: the editor's Escape (drop the selection) must not also run.
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <header>
        <h2>{label}</h2>
        <button type="button" className="mini" aria-label={t('tools.close')} title={t('tools.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </div>
  );
}
