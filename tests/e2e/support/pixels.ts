/**
 * Reading the map's pixels back from a screenshot of its canvas (what the planner sees, composited by
 * the browser). The map keeps no drawing buffer for us to read: preserving it costs every frame.
 */
import { PNG } from 'pngjs';
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
  const png = PNG.sync.read(await page.locator('[data-testid="map"] canvas').screenshot());
  const colours = new Set<number>();
  let nonBackground = 0;
  let samples = 0;
  let hash = 0;
  for (let i = 0; i < png.data.length; i += 4 * 97) {
    const [r, g, b] = [png.data[i] as number, png.data[i + 1] as number, png.data[i + 2] as number];
    const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    colours.add(key);
    samples++;
    // The background is #f4f3ef.
    if (Math.abs(r - 0xf4) + Math.abs(g - 0xf3) + Math.abs(b - 0xef) > 12) nonBackground++;
    hash = (hash * 31 + key) | 0;
  }
  return { distinctColours: colours.size, nonBackground: nonBackground / samples, signature: String(hash) };
}
