/** MapLibre's half of the viewer as a route of the app (main.ts imports it after the first paint): the worker is a file of the built site. */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);
prewarm();

export { createNoticeMap } from './notice-map.ts';
