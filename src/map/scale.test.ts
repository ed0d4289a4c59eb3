import { describe, expect, it } from 'vitest';
import { roundScaleDenominator, scaleDenominator, zoomForScale } from './scale.ts';

describe('map scale', () => {
  it('puts 1:2000 at 30°N near MapLibre zoom 17 (the 256-px web zoom 18 of domain.md §7)', () => {
    const zoom = zoomForScale(2000, 30);
    expect(zoom).toBeGreaterThan(16.9);
    expect(zoom).toBeLessThan(17.1);
  });

  it('round-trips a zoom through its scale', () => {
    for (const lat of [27, 30.5, 31]) {
      const zoom = zoomForScale(2000, lat);
      expect(scaleDenominator(zoom, lat)).toBeCloseTo(2000, 6);
    }
  });

  it('shows a larger N further out', () => {
    expect(scaleDenominator(15, 30)).toBeGreaterThan(scaleDenominator(17, 30) * 3.9);
  });

  it('rounds the ratio the way a planner reads it', () => {
    expect(roundScaleDenominator(1987.3)).toBe(2000);
    expect(roundScaleDenominator(512.4)).toBe(510);
    expect(roundScaleDenominator(24_810)).toBe(25_000);
  });
});
