/**
 * True once `active` has stayed true for `delayMs`. For "busy" hints (保存中…, checking): a save or a check
 * that ends within a moment changes nothing on screen, so an edit does not cost the page two extra
 * repaints (on software-rendered machines each is a full-page composite competing with the map's frame).
 */
import { useEffect, useState } from 'react';

export function useShownAfter(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return active && shown;
}
