/**
 * The measure tool on the map: clicks add points (snapped to plan vertices and edges like the draw tools),
 * a double-click finishes, the pointer pulls a rubber band, and the measurement is drawn in its own source.
 * Points go to the measure store only: the plan, its history and the selection are never touched.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Editor } from '../store/editor.ts';
import { shownPoints, type MeasureState } from '../store/measure.store.ts';
import { DRAW_STYLES } from './draw/draw-styles.ts';
import { snapToPlan } from './draw/snapping.ts';

const SOURCE = 'measure';
const LAYERS = ['measure-fill', 'measure-line', 'measure-vertex', 'measure-snap'] as const;
/** Orange, apart from the blue of a drawing: a measurement is not a feature being made. */
const COLOUR = '#e8590c';
/** A click this close to the last point is the second click of a double-click, not a new point. */
const SAME_POINT_PX = 3;

export function attachMeasure(map: MapLibreMap, editor: Editor): () => void {
  const snap = DRAW_STYLES.polygon;
  map.addSource(SOURCE, { type: 'geojson', data: collection([]) });
  map.addLayer({ id: 'measure-fill', type: 'fill', source: SOURCE, filter: ['==', ['get', 'role'], 'fill'], paint: { 'fill-color': COLOUR, 'fill-opacity': 0.12 } });
  map.addLayer({ id: 'measure-line', type: 'line', source: SOURCE, filter: ['==', ['get', 'role'], 'line'], paint: { 'line-color': COLOUR, 'line-width': 2.5, 'line-dasharray': [3, 1.5] } });
  map.addLayer({
    id: 'measure-vertex',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['get', 'role'], 'vertex'],
    paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': COLOUR, 'circle-stroke-width': 2 },
  });
  // The same marker terra-draw shows when a drawing snaps (draw-styles.ts), so it reads the same.
  map.addLayer({
    id: 'measure-snap',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['get', 'role'], 'snap'],
    paint: { 'circle-radius': snap.snappingPointWidth, 'circle-color': snap.snappingPointColor, 'circle-stroke-color': snap.snappingPointOutlineColor, 'circle-stroke-width': snap.snappingPointOutlineWidth },
  });

  const measuring = () => editor.tool.getState().tool.kind === 'measure';
  const pointAt = (event: MapMouseEvent) => {
    const lonLat: Position = [event.lngLat.lng, event.lngLat.lat];
    const snapped = snapToPlan(map, editor, event.point, lonLat);
    return { position: snapped?.position ?? lonLat, snapped: snapped !== undefined };
  };

  const onClick = (event: MapMouseEvent) => {
    if (!measuring()) return;
    const { position } = pointAt(event);
    const { measurement } = editor.measure.getState();
    const last = measurement.kind === 'measuring' ? measurement.points.at(-1) : undefined;
    if (last) {
      const previous = map.project([last[0] as number, last[1] as number]);
      if (Math.hypot(previous.x - event.point.x, previous.y - event.point.y) <= SAME_POINT_PX) return;
    }
    editor.measure.addPoint(position);
  };
  const onDoubleClick = (event: MapMouseEvent) => {
    if (!measuring()) return;
    event.preventDefault();
    editor.measure.finish();
  };
  const onMove = (event: MapMouseEvent) => {
    if (measuring()) editor.measure.setPointer(pointAt(event));
  };
  const onOut = () => {
    if (measuring()) editor.measure.setPointer(null);
  };

  const render = () => {
    const state = editor.measure.getState();
    (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(collection(measuring() ? features(state) : []));
  };
  const offMeasure = editor.measure.subscribe(render);
  const offTool = editor.tool.subscribe((next, previous) => {
    if (next.tool === previous.tool) return;
    map.getCanvas().style.cursor = next.tool.kind === 'measure' ? 'crosshair' : '';
    if (next.tool.kind !== 'measure') editor.measure.setPointer(null);
    render();
  });
  map.on('click', onClick);
  map.on('dblclick', onDoubleClick);
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  return () => {
    offMeasure();
    offTool();
    map.off('click', onClick);
    map.off('dblclick', onDoubleClick);
    map.off('mousemove', onMove);
    map.off('mouseout', onOut);
    for (const id of [...LAYERS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  };
}

/** The measurement as map features: the outline or line (with the rubber band), its vertices, the snap marker. */
function features(state: MeasureState): Feature[] {
  const points = shownPoints(state);
  const result: Feature[] = [];
  const role = (name: string) => ({ role: name });
  if (state.mode === 'area' && points.length >= 3) {
    const ring = [...points, points[0] as Position];
    result.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: role('fill') });
    result.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: ring }, properties: role('line') });
  } else if (points.length >= 2) {
    result.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: [...points] }, properties: role('line') });
  }
  const { measurement, pointer } = state;
  if (measurement.kind !== 'empty') {
    for (const p of measurement.points) result.push({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties: role('vertex') });
  }
  if (pointer?.snapped) result.push({ type: 'Feature', geometry: { type: 'Point', coordinates: pointer.position }, properties: role('snap') });
  return result;
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}
