/**
 * Map scale as a ratio (1:N) at 96 dpi (domain.md §7). MapLibre zoom counts 512-px tiles, so its zoom is
 * one less than the 256-px "web-map zoom" of the domain note: 1:2000 at 30°N is MapLibre zoom ≈ 17.
 */
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6_378_137;
const TILE_SIZE_PX = 512;
const METRES_PER_CSS_PIXEL_AT_96_DPI = 0.0254 / 96;

export function metresPerPixel(zoom: number, latitude: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * 2 ** zoom);
}

/** N of the ratio 1:N shown for the current zoom. */
export function scaleDenominator(zoom: number, latitude: number): number {
  return metresPerPixel(zoom, latitude) / METRES_PER_CSS_PIXEL_AT_96_DPI;
}

/** The zoom at which the map shows 1:N exactly. */
export function zoomForScale(denominator: number, latitude: number): number {
  const metresPerPx = denominator * METRES_PER_CSS_PIXEL_AT_96_DPI;
  return Math.log2((EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE_PX * metresPerPx));
}

/** A denominator shown the way planners say it: 1:2,000 rather than 1:1,987.3. */
export function roundScaleDenominator(n: number): number {
  if (n < 1000) return Math.round(n / 10) * 10;
  if (n < 10_000) return Math.round(n / 50) * 50;
  return Math.round(n / 500) * 500;
}
