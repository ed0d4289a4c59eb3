/**
 * AutoCAD Color Index (ACI) for a palette colour: the nearest of the 255 indexed colours, written beside
 * the exact true colour (group 420) so programs that read only indexed colours still show the class.
 * Black and white are ACI 7 (drawn black on paper, white on a dark screen), as CAD users expect.
 */
import { aciHex } from '@tarikjabiri/dxf';

type Rgb = readonly [number, number, number];

let table: { aci: number; rgb: Rgb }[] | undefined;

function aciTable(): { aci: number; rgb: Rgb }[] {
  table ??= Array.from({ length: 255 }, (_, i) => i + 1)
    .filter((aci) => aci !== 7)
    .map((aci) => {
      const hex = aciHex(aci);
      return { aci, rgb: [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)] as const };
    });
  return table;
}

export function nearestAci([r, g, b]: Rgb): number {
  if ((r === 0 && g === 0 && b === 0) || (r === 255 && g === 255 && b === 255)) return 7;
  let best = 7;
  let distance = Infinity;
  for (const { aci, rgb } of aciTable()) {
    const d = (rgb[0] - r) ** 2 + (rgb[1] - g) ** 2 + (rgb[2] - b) ** 2;
    if (d < distance) {
      distance = d;
      best = aci;
    }
  }
  return best;
}
