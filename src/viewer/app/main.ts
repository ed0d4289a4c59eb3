/** The viewer as a route of the app (viewer.html): MapLibre comes as a chunk of the built site, imported after the first paint. */
import { startNoticeViewer } from './start.ts';

void startNoticeViewer(() => import('./map-route.ts'));
