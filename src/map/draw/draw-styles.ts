/** terra-draw's own colours for the sketch and the reshape handles: bright, so they read on any basemap. */
const SKETCH = '#0077ff';
const HANDLE = '#ffffff';

export const DRAW_STYLES = {
  polygon: {
    fillColor: SKETCH,
    fillOpacity: 0.15,
    outlineColor: SKETCH,
    outlineWidth: 2,
    closingPointColor: HANDLE,
    closingPointOutlineColor: SKETCH,
    closingPointWidth: 5,
    closingPointOutlineWidth: 2,
    snappingPointColor: '#ff00aa',
    snappingPointOutlineColor: HANDLE,
    snappingPointWidth: 6,
    snappingPointOutlineWidth: 2,
  },
  linestring: {
    lineStringColor: '#ff3300',
    lineStringWidth: 3,
    closingPointColor: HANDLE,
    closingPointOutlineColor: '#ff3300',
    snappingPointColor: '#ff00aa',
  },
  select: {
    selectedPolygonColor: SKETCH,
    selectedPolygonFillOpacity: 0.1,
    selectedPolygonOutlineColor: SKETCH,
    selectedPolygonOutlineWidth: 2,
    selectionPointColor: HANDLE,
    selectionPointOutlineColor: SKETCH,
    selectionPointWidth: 5,
    selectionPointOutlineWidth: 2,
    midPointColor: SKETCH,
    midPointOutlineColor: HANDLE,
    midPointWidth: 3,
    midPointOutlineWidth: 1,
  },
} as const;
