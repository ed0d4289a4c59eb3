#!/usr/bin/env node
// The `village-plan` command (package.json "bin"). Runs the bundle `npm install` builds (dist-cli/, see
// vite.cli.config.ts) when it is newer than every source file, else the TypeScript sources through tsx's
// loader: an edited checkout never runs stale code, and a global install (`npm install -g .`) works either
// way. Checking the sources' times costs ~15 ms; the bundle saves ~1 s of start-up.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';

const bundle = new URL('../dist-cli/village-plan.mjs', import.meta.url);
const sources = fileURLToPath(new URL('../src', import.meta.url));

function newestSourceMs() {
  let newest = statSync(new URL('../package.json', import.meta.url)).mtimeMs;
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= newestSourceMs();
if (!fresh) (await import('tsx/esm/api')).register();
const { main } = await import(fresh ? bundle.href : '../src/cli/main.ts');
await main();
