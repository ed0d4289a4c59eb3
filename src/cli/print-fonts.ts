/** The print font for Node (the package's 4.图像文件/ maps): the same Noto Sans SC files the editor fetches from its assets. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PrintFonts } from '../print/pdf.ts';

const require = createRequire(import.meta.url);

export function nodePrintFonts(): PrintFonts {
  const read = (weight: number) => new Uint8Array(readFileSync(require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff`)));
  return { regular: read(400), bold: read(700) };
}
