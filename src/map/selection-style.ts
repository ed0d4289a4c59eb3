/** The selection highlight: its own tiny source, so selecting never touches the plan's sources. */
import type { LayerSpecification } from 'maplibre-gl';

export const SELECTION_SOURCE = 'selection';

export const SELECTION_LAYERS: LayerSpecification[] = [
  { id: 'selection-fill', type: 'fill', source: SELECTION_SOURCE, paint: { 'fill-color': '#00b7ff', 'fill-opacity': 0.18 } },
  { id: 'selection-line', type: 'line', source: SELECTION_SOURCE, paint: { 'line-color': '#0077ff', 'line-width': 3 } },
];
