/** Shared pieces of the benchmark scripts: statistics, the bench plans, a static server, the browser. */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

export const BENCH_SIZES = [2000, 20000] as const;

/** The generated plans (git-ignored); made with `npm run sample:bench` when missing. */
export function benchPlanPath(parcels: number): string {
  const path = join('samples', 'generated', `bench-${parcels}.plan.json`);
  if (!existsSync(path)) {
    const made = spawnSync('npx', ['tsx', 'scripts/generate-sample.ts', '--parcels', String(parcels), '--out', path], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`could not generate ${path}`);
  }
  return path;
}

export type RealLookingVariant = 'clipped' | 'jittered' | 'planted' | 'misaligned';

/**
 * A delivery package shaped like real data (scripts/real-looking-package.ts, git-ignored): the folder, with
 * the plan it was written from beside it as `<folder>.plan.json`. Made when missing.
 */
export function realLookingPackage(variant: RealLookingVariant, parcels: number): string {
  const out = join('samples', 'generated', `real-${variant}-${parcels}`);
  if (!existsSync(join(out, '3.规划图形数据')) || !existsSync(`${out}.plan.json`)) {
    const made = spawnSync('npx', ['tsx', 'scripts/real-looking-package.ts', '--parcels', String(parcels), '--variant', variant, '--out', out], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`could not make ${out}`);
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Serves `root` and, under /bench-data/, the generated plans. Static files only; no caching tricks. */
export function serve(root: string, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/bench-data/')
      ? join('samples', 'generated', normalize(path.slice('/bench-data/'.length)))
      : join(root, normalize(path === '/' ? '/index.html' : path));
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(0)} ms`;
}

/**
 * The app as the browser benchmarks load it: a production build with the timing hooks
 * (`VITE_VILLAGE_BENCH=1`: the bench hooks and the bare-MapLibre baseline page, no service worker).
 */
export function buildBenchApp(outDir: string): void {
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', VITE_VILLAGE_BENCH: '1' } });
  if (build.status !== 0) throw new Error('bench build failed');
}
