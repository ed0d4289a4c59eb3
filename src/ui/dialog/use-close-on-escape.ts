/**
 * Escape closes the open dialog wherever the focus is: a button that disables itself while it works (or
 * a finished download) leaves the focus on the page, and a key handler on the dialog would never hear it.
 * Caught before the editor's own Escape (cancel the gesture, drop the selection), which must not also run.
 */
import { useEffect, useRef } from 'react';

/** `active`: for a dialog that stays mounted while closed. */
export function useCloseOnEscape(onClose: () => void, active = true): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [active]);
}
