/** Reading the map's pixels back in the page (the canvas keeps its drawing buffer for this). */
import type { Page } from 'playwright-core';

export interface PixelSummary {
  /** Distinct colours among sampled pixels (quantised to 4 bits per channel). */
  readonly distinctColours: number;
  /** Share of sampled pixels that are not the empty background. */
  readonly nonBackground: number;
  /** A cheap signature to tell two renderings apart. */
  readonly signature: string;
}

export async function mapPixels(page: Page): Promise<PixelSummary> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
    const colours = new Set<number>();
    let nonBackground = 0;
    let samples = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4 * 97) {
      const key = ((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4);
      colours.add(key);
      samples++;
      // The background is #f4f3ef.
      if (Math.abs(data[i]! - 0xf4) + Math.abs(data[i + 1]! - 0xf3) + Math.abs(data[i + 2]! - 0xef) > 12) nonBackground++;
      hash = (hash * 31 + key) | 0;
    }
    return { distinctColours: colours.size, nonBackground: nonBackground / samples, signature: String(hash) };
  });
}
