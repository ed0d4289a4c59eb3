/** MapLibre's half of the single-file notice (run by single-file.ts after the first paint). Its worker code travels in the page (map-worker.ts). */
import { prewarm } from 'maplibre-gl';
import { WORKER_ELEMENT_ID } from '../publish/notice-html.ts';
import { useInlineWorker } from './map-worker.ts';

useInlineWorker(document.getElementById(WORKER_ELEMENT_ID)?.textContent ?? '');
// The workers boot while the map is created and its style read.
prewarm();

export { createNoticeMap } from './notice-map.ts';
