import { describe, expect, it } from 'vitest';
import { OutlineNeighbours } from './along-outline.ts';
import { polygon, square } from './test-support.ts';

/** Squares of 1e-4° (~10 m) at 120°E 30°N, by grid column and row. */
const cell = (i: number, j: number, w = 1, h = 1) => square(120 + i * 1e-4, 30 + j * 1e-4, 120 + (i + w) * 1e-4, 30 + (j + h) * 1e-4);

describe('OutlineNeighbours', () => {
  const parcels = [
    { id: 'left', geometry: cell(0, 0) },
    { id: 'right', geometry: cell(2, 0) },
    { id: 'corner', geometry: cell(2, 1) }, // meets the gap at one corner only
    { id: 'far', geometry: cell(9, 9) },
  ];

  it('names the features a gap runs along, not one meeting it at a corner', () => {
    const neighbours = new OutlineNeighbours(parcels, 0.001);
    expect(neighbours.along(cell(1, 0)).map((f) => f.id)).toEqual(['left', 'right']);
  });

  it('answers each outline of a cluster from the one index, in the candidates order', () => {
    const neighbours = new OutlineNeighbours(parcels, 0.001);
    neighbours.along(cell(1, 0));
    // Noded where it meets the parcels, as an overlay's outline is: [0, 2] × [1, 2] in cells.
    const above = polygon([[120, 30.0001], [120.0001, 30.0001], [120.0002, 30.0001], [120.0002, 30.0002], [120, 30.0002]]);
    expect(neighbours.along(above).map((f) => f.id)).toEqual(['left', 'corner']);
    expect(neighbours.along(cell(5, 5)).map((f) => f.id)).toEqual([]);
  });

  it('does not name a feature sharing less than 2 cm of the outline', () => {
    const sliver = { id: 'short', geometry: square(120 + 1e-4, 30 + 1e-4, 120 + 1e-4 + 1e-7, 30 + 2e-4) }; // ~1 cm wide, above the gap
    expect(new OutlineNeighbours([...parcels, sliver], 0.001).along(cell(1, 0)).map((f) => f.id)).toEqual(['left', 'right']);
  });
});
