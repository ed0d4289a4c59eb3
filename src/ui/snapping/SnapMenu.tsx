/**
 * The snap switch (S) with a ▾ beside it that opens the snapping options: one self-contained piece of the
 * toolbar, so the toolbar places it wherever snapping belongs. The options open in the find tools' popover
 * frame (ToolPopover): Escape and × close them.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionById } from '../actions/index.ts';
import { SnapIcon } from '../tool-menu/tool-icons.tsx';
import { ToolPopover } from '../tool-menu/ToolMenu.tsx';
import { ActionButton } from '../toolbar/ActionButton.tsx';
import { SnapOptions } from './SnapOptions.tsx';

export function SnapMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const label = t('snapping.options');
  return (
    <div className="menu snap-menu">
      <ActionButton action={actionById('snapping')} icon={<SnapIcon />} showLabel={false} />
      <button
        ref={toggle}
        type="button"
        className={`tool-button snap-options-button${open ? ' active' : ''}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={label}
        title={label}
        data-action="snap-options"
        onClick={() => setOpen(!open)}
      >
        ▾
      </button>
      {open ? (
        <ToolPopover className="snap-options" testId="snap-options" label={label} onClose={close}>
          <SnapOptions />
        </ToolPopover>
      ) : null}
    </div>
  );
}
