/**
 * MapLibre's worker inside the single-file notice. A notice opened from a phone's files has no server and
 * an opaque origin: a worker file next to it cannot load, and MapLibre's own fallback for that case (fetch
 * the worker, start it from a `data:` URL) would need `worker-src data:` in the file's policy. Instead the
 * worker code travels in the page as a non-executing `<script type="text/plain">` (so the main script stays
 * small to parse) and starts from a `blob:` URL as a classic worker: the policy allows `worker-src blob:`.
 * Chromium reports a file page's origin as "file://" but a blob's as "null", so MapLibre takes the blob for
 * cross-origin and reads it back with fetch() into a new blob before starting it: the policy therefore also
 * allows `connect-src blob:` (only blobs this page made; nothing from a network or a disk).
 */
import { setWorkerUrl } from 'maplibre-gl';

/** The worker module as a classic script: its only module syntax is the closing `export{… as default};`. */
export function classicWorkerSource(moduleSource: string): string {
  const closing = /export\s*\{[^}]*\}\s*;?\s*(?:\/\/# sourceMappingURL=\S*\s*)?$/;
  if (!closing.test(moduleSource) || /\bimport\.meta\b/.test(moduleSource)) throw new Error('MapLibre worker is not a plain module with one closing export');
  return moduleSource.replace(closing, '');
}

export function useInlineWorker(classicSource: string): void {
  const url = URL.createObjectURL(new Blob([classicSource], { type: 'text/javascript' }));
  // MapLibre starts a classic (not module) worker when the URL ends in `.cjs`; a fragment does not change
  // what a blob: URL points to.
  setWorkerUrl(`${url}#maplibre-gl-worker.cjs`);
}
