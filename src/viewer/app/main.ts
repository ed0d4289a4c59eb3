/** The viewer as a route of the app (viewer.html): MapLibre's worker is a file of the built site. */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { startNoticeViewer } from './start.ts';

setWorkerUrl(workerUrl);
// The workers boot while the payload is fetched and decoded.
prewarm();
void startNoticeViewer();
