/**
 * Keeps Tab inside a modal panel (WAI-ARIA dialog pattern): from the last focusable element Tab goes to
 * the first, and Shift+Tab from the first (or from the panel itself) to the last, so the keyboard never
 * reaches the map or the toolbar behind the backdrop while the dialog is open.
 */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

function focusables(panel: HTMLElement): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.matches(':disabled') && element.getClientRects().length > 0,
  );
}

/** The panel's keydown handler: moves the focus round when Tab would leave the panel. */
export function keepTabInside(event: KeyboardEvent, panel: HTMLElement): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
  const inside = focusables(panel);
  const [first, last] = [inside[0], inside.at(-1)];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === panel)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
