/**
 * A toolbar button that opens a menu (文件, 公示, 更多), the way desktop menus behave (WAI-ARIA menu button):
 * Enter, Space, a click or ↓ opens it on its first item, ↑ on its last; ↑/↓/Home/End move, Escape closes
 * it and gives the focus back to the button; Tab, a click outside or choosing an item closes it.
 * The items stay in the page while the menu is closed (hidden), so what they show (an export's progress)
 * and their `data-action` can be read at any time.
 */
import { type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject, useEffect, useId, useRef, useState } from 'react';

export interface MenuButtonProps {
  /** What the button shows (an icon, a label); the ▾ is added. */
  readonly label: ReactNode;
  /** The button's name, also its tooltip. */
  readonly name: string;
  /** `data-action` of the button. */
  readonly action: string;
  /** Open the menu towards the left: for buttons at the toolbar's right end. */
  readonly alignEnd?: boolean;
  /** Extra class names of the button (`active`, `draw-menu-button`). */
  readonly className?: string;
  /** Lets a popover opened from an item give the focus back to this button. */
  readonly buttonRef?: RefObject<HTMLButtonElement | null>;
  /** `MenuItem`s and `MenuSeparator`s. */
  readonly children: ReactNode;
  /** Shown after the menu, anchored under the button (the popover an item opens). */
  readonly beside?: ReactNode;
}

type Focus = 'first' | 'last';
const ITEMS = '[role^="menuitem"]:not(:disabled)';

export function MenuButton({ label, name, action, alignEnd, className, buttonRef, children, beside }: MenuButtonProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [focusOnOpen, setFocusOnOpen] = useState<Focus>('first');
  const wrapper = useRef<HTMLDivElement>(null);
  const ownButton = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? ownButton;
  const list = useRef<HTMLUListElement>(null);

  const items = () => [...(list.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];
  const show = (focus: Focus) => {
    setFocusOnOpen(focus);
    setOpen(true);
  };
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  // The list is hidden until this render: its items can take the focus only now.
  useEffect(() => {
    if (!open) return;
    const all = items();
    (focusOnOpen === 'first' ? all[0] : all[all.length - 1])?.focus();
  }, [open, focusOnOpen]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside, { capture: true });
    return () => document.removeEventListener('pointerdown', outside, { capture: true });
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    event.stopPropagation();
    show(event.key === 'ArrowDown' ? 'first' : 'last');
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at < 0 ? -1 : at - 1),
      Home: () => move(0),
      End: () => move(-1),
      Escape: () => close(true),
    };
    if (event.key === 'Tab') return setOpen(false);
    const handle = keys[event.key];
    if (!handle) return;
    // The editor's own keys (Escape drops the selection) must not also run.
    event.preventDefault();
    event.stopPropagation();
    handle();
  };

  // Choosing an item closes the menu; the item's own handler has run by now (the click bubbles up to here).
  const onMenuClick = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest(ITEMS)) close(true);
  };

  return (
    <div className="menu" ref={wrapper}>
      <button
        ref={button}
        type="button"
        id={`${id}-button`}
        className={`tool-button menu-button${open ? ' open' : ''}${className ? ` ${className}` : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${id}-menu`}
        title={name}
        data-action={action}
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        {label}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <ul
        ref={list}
        id={`${id}-menu`}
        className={`menu-list${alignEnd ? ' align-end' : ''}`}
        role="menu"
        aria-labelledby={`${id}-button`}
        hidden={!open}
        onKeyDown={onMenuKey}
        onClick={onMenuClick}
      >
        {children}
      </ul>
      {beside}
    </div>
  );
}

export interface MenuItemProps {
  readonly action: string;
  readonly onSelect: () => void;
  readonly icon?: ReactNode;
  /** Shown at the item's right end, as desktop menus show shortcuts. */
  readonly shortcut?: string;
  readonly disabled?: boolean;
  /** A toggle (属性表 open, help shown): a `menuitemcheckbox`, marked while on. */
  readonly checked?: boolean;
  readonly title?: string;
  readonly busy?: boolean;
  readonly children: ReactNode;
}

export function MenuItem({ action, onSelect, icon, shortcut, disabled, checked, title, busy, children }: MenuItemProps) {
  return (
    <li role="none">
      <button
        type="button"
        role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
        aria-checked={checked}
        className={checked ? 'checked' : undefined}
        aria-busy={busy}
        tabIndex={-1}
        disabled={disabled}
        title={title}
        data-action={action}
        onClick={onSelect}
      >
        <span className="icon" aria-hidden="true">
          {icon}
        </span>
        <span className="label">{children}</span>
        {shortcut ? <kbd className="shortcut">{shortcut}</kbd> : null}
      </button>
    </li>
  );
}

export function MenuSeparator() {
  return <li role="separator" className="menu-separator" />;
}
