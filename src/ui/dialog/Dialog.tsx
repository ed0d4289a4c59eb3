/**
 * The editor's one modal dialog frame: the backdrop (a click on it closes, one that begins and ends on
 * it: a text selection dragged out of a field does not), the panel (`role="dialog"`, named by its
 * heading), the row of buttons with the close button, Escape from anywhere (`useCloseOnEscape`), and the
 * focus: it moves into the panel when the dialog opens, so a screen reader says where the planner is and
 * Tab starts inside, stays inside while it is open (`keepTabInside`), and goes back to where it was when
 * the dialog closes, so the keyboard carries on from the button that opened it. Mount it only while open.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { keepTabInside } from './focus-trap.ts';
import { useCloseOnEscape } from './use-close-on-escape.ts';

export interface DialogProps {
  readonly title: ReactNode;
  /** Called by the close button, a click on the backdrop and Escape. */
  readonly onClose: () => void;
  /** Class names after `dialog` (styles and test selectors: `versions`, `notice-dialog`). */
  readonly className: string;
  readonly testId?: string;
  /**
   * Makes the panel a form whose primary button (`label`, ending the row) or Enter in a field calls
   * `onSubmit`; its close button then reads 取消 and leads the row.
   */
  readonly submit?: { readonly label: string; readonly onSubmit: () => void };
  /** The dialog's own buttons, in the row with the close button. */
  readonly footer?: ReactNode;
  /** The close button's label when it is neither 关闭 nor a form's 取消. */
  readonly closeLabel?: string;
  /** The close button leads the row instead of ending it (a form's always does). */
  readonly closeFirst?: boolean;
  readonly closeTestId?: string;
  readonly children: ReactNode;
}

export function Dialog({ title, onClose, className, testId, submit, footer, closeLabel, closeFirst = submit !== undefined, closeTestId, children }: DialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const panel = useRef<HTMLElement | null>(null);
  const pressedOnBackdrop = useRef(false);
  useCloseOnEscape(onClose);
  useEffect(() => {
    const opener = document.activeElement;
    panel.current?.focus();
    return () => {
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);

  const close = (
    <button type="button" data-testid={closeTestId} onClick={onClose}>
      {closeLabel ?? t(submit ? 'dialog.cancel' : 'dialog.close')}
    </button>
  );
  const content = (
    <>
      <h2 id={headingId}>{title}</h2>
      {children}
      <div className="buttons">
        {closeFirst ? close : null}
        {footer}
        {closeFirst ? null : close}
        {submit ? (
          <button type="submit" className="primary">
            {submit.label}
          </button>
        ) : null}
      </div>
    </>
  );
  const frame = {
    // A callback: one ref for either element the panel may be.
    ref: (node: HTMLElement | null) => void (panel.current = node),
    className: `dialog ${className}`,
    role: 'dialog',
    'aria-modal': true,
    'aria-labelledby': headingId,
    'data-testid': testId,
    tabIndex: -1,
    onClick: (event: { stopPropagation: () => void }) => event.stopPropagation(),
    onKeyDown: (event: { nativeEvent: KeyboardEvent }) => {
      if (panel.current) keepTabInside(event.nativeEvent, panel.current);
    },
  };
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => void (pressedOnBackdrop.current = event.target === event.currentTarget)}
      onClick={(event) => {
        if (pressedOnBackdrop.current && event.target === event.currentTarget) onClose();
        pressedOnBackdrop.current = false;
      }}
    >
      {submit ? (
        <form
          {...frame}
          onSubmit={(event) => {
            event.preventDefault();
            submit.onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        <div {...frame}>{content}</div>
      )}
    </div>
  );
}
