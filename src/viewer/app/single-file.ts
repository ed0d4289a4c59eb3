/** The viewer inside the single-file notice: MapLibre's worker code travels in the page (map-worker.ts). */
import { prewarm } from 'maplibre-gl';
import { WORKER_ELEMENT_ID } from '../publish/notice-html.ts';
import { useInlineWorker } from './map-worker.ts';
import { startNoticeViewer } from './start.ts';

useInlineWorker(document.getElementById(WORKER_ELEMENT_ID)?.textContent ?? '');
// The workers boot while the payload is read and decoded.
prewarm();
void startNoticeViewer();
