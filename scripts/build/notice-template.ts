/**
 * Builds the notice viewer as the template of the single-file notice: two classic scripts (no module
 * loading, nothing fetched): the small first one (src/viewer/app/single-file.ts: payload, canvas first
 * view, panels) and MapLibre's half (src/viewer/app/map-inline.ts), one stylesheet, and MapLibre's worker
 * as a classic script. The
 * editor gets it through the virtual module `virtual:notice-template` (loaded only when a planner
 * publishes); Node (tests, the benchmark) calls `buildNoticeTemplate()`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type Rollup } from 'vite';
import { classicWorkerSource } from '../../src/viewer/app/map-worker.ts';
import { NOTICE_MAP_GLOBAL, type NoticeTemplate } from '../../src/viewer/publish/notice-html.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = resolve(ROOT, 'src/viewer/app/single-file.ts');
const MAP_ENTRY = resolve(ROOT, 'src/viewer/app/map-inline.ts');
const WORKER = resolve(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs');
const FIRST_SCRIPT_LIMIT = 250_000;
const VIRTUAL_ID = 'virtual:notice-template';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** One entry built as a classic script (IIFE assigning its exports to `name`) and its stylesheet. */
async function buildClassic(entry: string, name: string): Promise<{ script: string; css: string }> {
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
      lib: { entry, formats: ['iife'], name, fileName: () => `${name}.js`, cssFileName: name },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files = outputs.flatMap((o) => o.output);
  const chunks = files.filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
  const css = files.filter((f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css'));
  if (chunks.length !== 1) throw new Error(`${entry} must build to one script, got ${chunks.length}`);
  return { script: (chunks[0] as Rollup.OutputChunk).code, css: css.map((a) => (typeof a.source === 'string' ? a.source : new TextDecoder().decode(a.source))).join('\n') };
}

export async function buildNoticeTemplate(): Promise<NoticeTemplate> {
  // One after the other: two Vite builds at once only compete for the same two cores.
  const first = await buildClassic(ENTRY, 'noticeViewer');
  const map = await buildClassic(MAP_ENTRY, NOTICE_MAP_GLOBAL);
  // The first script's point is to be small: MapLibre's code reaching it (a value import instead of a
  // type import) would silently bring back the second of compiling before the first paint.
  if (first.script.length > FIRST_SCRIPT_LIMIT) throw new Error(`the notice's first script is ${first.script.length} bytes (limit ${FIRST_SCRIPT_LIMIT}): did MapLibre get into it?`);
  const worker = classicWorkerSource(readFileSync(WORKER, 'utf8'));
  return { worker, script: first.script, mapScript: map.script, css: [first.css, map.css].filter(Boolean).join('\n') };
}

/** `import template from 'virtual:notice-template'`: the built viewer as a module of strings. */
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
