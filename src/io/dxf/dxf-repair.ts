/**
 * Slips in DXF text that CAD reads past but dxf-parser does not, put right before parsing or after it fails.
 */

/**
 * The text with what dxf-parser chokes on but GDAL and CAD read put right, or null when it is not one of
 * these: a file whose last section is whole but that lacks the `0 EOF` after it (older exporters and
 * scripts leave it out: nothing is missing), and a flag (codes 290–299) written as a number other than
 * 0 or 1 (LibreCAD's `$XCLIPFRAME 2`), which CAD reads as true.
 */
export function repair(text: string, detail: string): string | null {
  if (/Unexpected end of input/i.test(detail) && /(?:^|[\r\n])[ \t]*0[ \t]*(?:\r\n?|\n)[ \t]*ENDSEC\s*$/.test(text)) return `${text.trimEnd()}\n0\nEOF\n`;
  if (!/cannot be cast to Boolean/i.test(detail)) return null;
  const lines = text.split(/\r\n|\r|\n/);
  let changed = false;
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const code = Number((lines[i] as string).trim());
    const value = (lines[i + 1] as string).trim();
    if (code >= 290 && code <= 299 && value !== '0' && value !== '1') {
      lines[i + 1] = Number(value) === 0 ? '0' : '1';
      changed = true;
    }
  }
  return changed ? lines.join('\n') : null;
}

const ENTITIES_HEADER = /(?:^|[\r\n])[ \t]*2[ \t]*(?:\r\n?|\n)ENTITIES[ \t]*(?:\r|\n|$)/g;

/**
 * The text with every ENTITIES section after the first moved into the first. Some exporters write a
 * drawing in pieces, each its own ENTITIES section; dxf-parser keeps only the last and GDAL only the first,
 * while CAD's RECOVER (and ezdxf's) merges them.
 */
export function withOneEntitiesSection(text: string): string {
  if ((text.match(ENTITIES_HEADER) ?? []).length < 2) return text;
  const lines = text.split(/\r\n|\r|\n/);
  const value = (i: number) => (lines[i] ?? '').trim();
  const sections: { start: number; end: number }[] = [];
  for (let i = 0; i + 3 < lines.length; i += 2) {
    if (value(i) !== '0' || value(i + 1) !== 'SECTION' || value(i + 2) !== '2' || value(i + 3) !== 'ENTITIES') continue;
    let end = i + 4;
    while (end + 1 < lines.length && !(value(end) === '0' && value(end + 1) === 'ENDSEC')) end += 2;
    sections.push({ start: i, end });
    i = end;
  }
  const [first, ...others] = sections;
  if (!first || others.length === 0) return text;
  const moved = others.flatMap((s) => lines.slice(s.start + 4, s.end));
  const kept = lines.filter((_, i) => !others.some((s) => i >= s.start && i < s.end + 2));
  return [...kept.slice(0, first.end), ...moved, ...kept.slice(first.end)].join('\n');
}
