/**
 * Escape closes the open dialog wherever the focus is: a button that disables itself while it works (or
 * a finished download) leaves the focus on the page, and a key handler on the dialog would never hear it.
 * Caught before the editor's own Escape (cancel the gesture, drop the selection), which must not also run.
 */
import { useEffect, useRef } from 'react';

export function useCloseOnEscape(onClose: () => void): void {
  const latest = useRef(onClose);
  latest.current = onClose;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      latest.current();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
