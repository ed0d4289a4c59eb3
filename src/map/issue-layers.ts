/**
 * Issues on the map: a marker per error and warning (toggleable), and the exact offending geometry of the
 * issue the planner clicked (the overlap itself, the gap itself), drawn above everything else.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Editor } from '../store/editor.ts';
import { issueBBox } from './issue-place.ts';

const MARKERS = 'issue-markers';
const FOCUS = 'issue-focus';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function attachIssueLayers(map: MapLibreMap, editor: Editor): () => void {
  map.addSource(MARKERS, { type: 'geojson', data: EMPTY });
  map.addSource(FOCUS, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: 'issue-focus-fill', type: 'fill', source: FOCUS, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#ff00aa', 'fill-opacity': 0.35 } });
  map.addLayer({ id: 'issue-focus-line', type: 'line', source: FOCUS, paint: { 'line-color': '#ff00aa', 'line-width': 3 } });
  map.addLayer({ id: 'issue-focus-point', type: 'circle', source: FOCUS, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 8, 'circle-color': '#ff00aa' } });
  map.addLayer({
    id: 'issue-markers',
    type: 'circle',
    source: MARKERS,
    paint: {
      'circle-radius': 5,
      'circle-color': ['match', ['get', 'severity'], 'error', '#d1242f', '#bf8700'],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });

  // Every answer of the worker is a new issues array, mostly with the same issues: a source is only
  // given new data when what it shows changed, since each setData re-tiles and repaints the map.
  let shownMarkers = '';
  let shownFocus: unknown = null;
  const render = () => {
    const { issues, markersVisible, focused } = editor.issues.getState();
    const plan = editor.plan.getState().plan;
    const markers: Feature[] = [];
    if (markersVisible) {
      for (const issue of issues) {
        // A finding standing for others (a boundary off all round) has their markers; its own box's middle is no place.
        if (issue.severity === 'notChecked' || issue.justification || issue.summarises) continue;
        const box = issueBBox(plan, issue);
        if (!box) continue;
        markers.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] }, properties: { severity: issue.severity, rule: issue.rule } });
      }
    }
    const markersKey = JSON.stringify(markers);
    if (markersKey !== shownMarkers) {
      shownMarkers = markersKey;
      (map.getSource(MARKERS) as GeoJSONSource).setData({ type: 'FeatureCollection', features: markers });
    }
    const focusGeometry = focused?.geometry ?? null;
    if (focusGeometry !== shownFocus) {
      shownFocus = focusGeometry;
      const focus: Feature[] = focusGeometry ? [{ type: 'Feature', geometry: focusGeometry, properties: {} }] : [];
      (map.getSource(FOCUS) as GeoJSONSource).setData({ type: 'FeatureCollection', features: focus });
    }
  };
  render();
  const off = editor.issues.subscribe((next, previous) => {
    if (next.issues !== previous.issues || next.markersVisible !== previous.markersVisible || next.focused !== previous.focused) render();
  });
  return () => {
    off();
    for (const id of ['issue-markers', 'issue-focus-point', 'issue-focus-line', 'issue-focus-fill']) if (map.getLayer(id)) map.removeLayer(id);
    for (const id of [MARKERS, FOCUS]) if (map.getSource(id)) map.removeSource(id);
  };
}
