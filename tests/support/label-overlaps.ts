/**
 * Runs in the page (self-contained): the shown place labels and every pair of them whose boxes overlap.
 * Shared by the editor's and the notice's browser tests.
 */
export function labelOverlaps(): { shown: number; overlapping: string[] } {
  const labels = [...document.querySelectorAll<HTMLElement>('.place-label')].filter((e) => getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none');
  const boxes = labels.map((e) => ({ text: e.textContent ?? '', r: e.getBoundingClientRect() }));
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as (typeof boxes)[number];
      const b = boxes[j] as (typeof boxes)[number];
      if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) overlapping.push(`${a.text} × ${b.text}`);
    }
  }
  return { shown: boxes.length, overlapping };
}
