/**
 * The feedback text as a QR code, drawn as SVG elements (no markup strings, no images: nothing the file's
 * policy would have to allow). The text is Base45, so QR's alphanumeric mode packs it tightly.
 */
import qrcode from 'qrcode-generator';

const SVG = 'http://www.w3.org/2000/svg';
/** Beyond this a phone camera struggles to read the code; the text can still be copied. */
const MAX_QR_CHARS = 1800;

export function qrSvg(text: string): SVGSVGElement | null {
  if (text.length > MAX_QR_CHARS) return null;
  const code = qrcode(0, 'L');
  code.addData(text, 'Alphanumeric');
  code.make();
  const count = code.getModuleCount();
  const margin = 4;
  const size = count + margin * 2;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#ffffff');
  svg.append(background);
  let d = '';
  for (let row = 0; row < count; row++) for (let col = 0; col < count; col++) if (code.isDark(row, col)) d += `M${col + margin} ${row + margin}h1v1h-1z`;
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000000');
  svg.append(path);
  return svg;
}
