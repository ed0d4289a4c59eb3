/**
 * The benchmark baseline (issue: editor speed): bare MapLibre with every area feature of the plan in ONE
 * GeoJSON source, a fill and a line layer, and an edit done by `updateData`. Nothing of the editor.
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { zoomForScale } from '../src/map/scale.ts';

setWorkerUrl(workerUrl);

interface RawPlan {
  layers: Record<string, Record<string, { id: string; geometry: { type: string; coordinates: unknown } }>>;
}

async function start(): Promise<void> {
  const url = new URLSearchParams(window.location.search).get('plan') ?? '';
  const plan = (await (await fetch(url)).json()) as RawPlan;
  const features: Feature[] = [];
  for (const layer of Object.values(plan.layers)) {
    for (const f of Object.values(layer)) {
      if (f.geometry.type !== 'Point') features.push({ type: 'Feature', id: f.id, geometry: f.geometry as Polygon, properties: { id: f.id } });
    }
  }
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const boundary = Object.values(plan.layers.boundary ?? {})[0]?.geometry as Polygon | undefined;
  const ring = (boundary?.coordinates[0] ?? []) as Position[];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  const map = new MapLibreMap({
    container: 'map',
    style: {
      version: 8,
      sources: { plan: { type: 'geojson', data: collection, promoteId: 'id' } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#f4f3ef' } },
        { id: 'fill', type: 'fill', source: 'plan', paint: { 'fill-color': '#ffffa0' } },
        { id: 'line', type: 'line', source: 'plan', paint: { 'line-color': '#7a7a7a', 'line-width': 0.6 } },
      ],
    },
    bounds: [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]],
    fitBoundsOptions: { padding: 40 },
    attributionControl: false,
  });
  performance.mark('baseline:data-set');
  map.once('idle', () => performance.mark('baseline:map-idle'));

  const byId = new Map(features.map((f) => [String(f.id), f]));
  (window as unknown as { baselineBench: unknown }).baselineBench = {
    async focus(featureId: string, scale: number): Promise<void> {
      const feature = byId.get(featureId);
      if (!feature || feature.geometry.type !== 'Polygon') throw new Error(`no polygon ${featureId}`);
      const outer = feature.geometry.coordinates[0] as Position[];
      const centre: [number, number] = [
        (Math.min(...outer.map((p) => p[0] as number)) + Math.max(...outer.map((p) => p[0] as number))) / 2,
        (Math.min(...outer.map((p) => p[1] as number)) + Math.max(...outer.map((p) => p[1] as number))) / 2,
      ];
      const idle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
      map.jumpTo({ center: centre, zoom: zoomForScale(scale, centre[1]) });
      await idle;
    },
    async moveVertex(featureId: string, index: number, dx: number): Promise<number> {
      const feature = byId.get(featureId);
      if (!feature || feature.geometry.type !== 'Polygon') throw new Error(`no polygon ${featureId}`);
      const rings = feature.geometry.coordinates.map((r) => r.map((p) => [...p]));
      const outer = rings[0] as Position[];
      const moved = [(outer[index]![0] as number) + dx, outer[index]![1] as number];
      outer[index] = moved;
      if (index === 0) outer[outer.length - 1] = moved;
      feature.geometry = { type: 'Polygon', coordinates: rings };
      const started = performance.now();
      await (map.getSource('plan') as GeoJSONSource).updateData({ update: [{ id: featureId, newGeometry: feature.geometry }] });
      await new Promise<void>((resolve) => {
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
      return performance.now() - started;
    },
  };
}

void start();
