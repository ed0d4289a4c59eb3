/**
 * Builds the app once and serves the production build on a fixed origin for every browser test file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { E2E_ORIGIN, E2E_PORT } from './origin.ts';

/** Where the build goes: another folder lets two e2e runs (with another E2E_PORT) share one work tree. */
const OUT_DIR = process.env.E2E_DIST ?? 'dist';

let server: ChildProcess | undefined;

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not answer at ${url}`);
}

/** Whether something already answers on the origin: a server left over from an interrupted run would serve its own, older build. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url);
    return true;
  } catch {
    return false;
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  if (await answers(E2E_ORIGIN)) {
    throw new Error(`${E2E_ORIGIN} already answers: another server (perhaps left by an interrupted run) would be tested instead of this build. Stop it, or set E2E_PORT.`);
  }
  if (!process.env.E2E_SKIP_BUILD) {
    // Vitest sets NODE_ENV=test, and a build inheriting it keeps React's development build: the tests must
    // drive the production app a planner gets from `npm start`.
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', OUT_DIR], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(E2E_PORT), '--strictPort', '--outDir', OUT_DIR], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await waitForServer(E2E_ORIGIN, 30_000);
  return async () => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
}
