/**
 * The print font (Noto Sans SC, WOFF, from @fontsource/noto-sans-sc in the app's own dependencies): fetched
 * from the app's assets when a planner prints, never from the system, so the browser and Node embed the
 * same font.
 */
import boldUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff?url';
import regularUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url';
import type { PrintFonts } from '../../print/pdf.ts';

let fonts: Promise<PrintFonts> | undefined;

export function printFonts(): Promise<PrintFonts> {
  const load = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
  // A failed load (offline before the font was ever cached) is tried again next time, not remembered.
  fonts ??= Promise.all([load(regularUrl), load(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      fonts = undefined;
      throw error;
    },
  );
  return fonts;
}
