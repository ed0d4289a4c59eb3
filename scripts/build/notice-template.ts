/**
 * Builds the notice viewer (src/viewer/app/single-file.ts) as the template of the single-file notice: one
 * classic script (MapLibre inside, no module loading, nothing fetched), one stylesheet, and MapLibre's
 * worker as a classic script. The
 * editor gets it through the virtual module `virtual:notice-template` (loaded only when a planner
 * publishes); Node (tests, the benchmark) calls `buildNoticeTemplate()`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import { classicWorkerSource } from '../../src/viewer/app/map-worker.ts';
import type { NoticeTemplate } from '../../src/viewer/publish/notice-html.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = resolve(ROOT, 'src/viewer/app/single-file.ts');
const WORKER = resolve(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs');
const VIRTUAL_ID = 'virtual:notice-template';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export async function buildNoticeTemplate(): Promise<NoticeTemplate> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
      // MapLibre reads import.meta.url only to find its worker file next to itself; the viewer hands it the
      // worker instead (map-worker.ts), so in a classic script the URL is simply empty.
      'import.meta.url': '""',
    },
    build: {
      write: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      cssCodeSplit: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'noticeViewer', fileName: () => 'notice-viewer.js', cssFileName: 'notice-viewer' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files = outputs.flatMap((o) => o.output);
  const chunks = files.filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
  const css = files.filter((f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css'));
  if (chunks.length !== 1) throw new Error(`notice viewer must build to one script, got ${chunks.length}`);
  const worker = classicWorkerSource(readFileSync(WORKER, 'utf8'));
  return { worker, script: (chunks[0] as Rollup.OutputChunk).code, css: css.map((a) => (typeof a.source === 'string' ? a.source : new TextDecoder().decode(a.source))).join('\n') };
}

/** `import template from 'virtual:notice-template'`: the built viewer as a module of two strings. */
export function noticeTemplatePlugin(): Plugin {
  let cached: Promise<NoticeTemplate> | undefined;
  return {
    name: 'village-plan:notice-template',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      cached ??= buildNoticeTemplate();
      const template = await cached;
      return `export default ${JSON.stringify(template)};`;
    },
  };
}
