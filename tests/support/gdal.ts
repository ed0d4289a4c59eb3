/**
 * GDAL's command-line tools (ogrinfo, gdalsrsinfo…) for the tests that compare our output with GDAL's.
 *
 * Policy: a test that needs GDAL is declared `it.skipIf(skipWithoutGdal('ogrinfo'))(…)` and calls the
 * tool through `gdal()`.
 * - On a developer's machine without GDAL the test shows as *skipped*, never as passed.
 * - On CI (`CI` set, as CI services do) it is never skipped: CI installs gdal-bin (.ci/run), so a missing
 *   tool there is a broken machine, and the test runs and fails at its first `gdal()` call with a message
 *   naming the tool. We chose this over an extra "GDAL is installed" test: the failure lands on the very
 *   tests that lost their comparison, and there is no separate list of tools to keep in step with them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether this run is on CI: `CI` set to anything but an empty string, `0` or `false`. */
export const ON_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/** Whether every named GDAL tool is on the PATH. */
export function hasGdal(...tools: string[]): boolean {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return tools.every((tool) => dirs.some((dir) => existsSync(join(dir, tool))));
}

/** For `it.skipIf` / `describe.skipIf`: skip only when a tool is missing and this is not CI. */
export function skipWithoutGdal(...tools: string[]): boolean {
  return !ON_CI && !hasGdal(...tools);
}

/** Runs a GDAL tool (with `input` on its standard input: gdaltransform) and returns its standard output; fails naming the tool when it is not installed. */
export function gdal(tool: string, args: readonly string[], input?: string): string {
  requireTool(tool);
  return execFileSync(tool, args, { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
}

/** Runs a GDAL tool that may refuse its input: its exit status and both outputs (stderr not echoed). */
export function gdalRun(tool: string, args: readonly string[]): { status: number; stdout: string; stderr: string } {
  requireTool(tool);
  const run = spawnSync(tool, args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

function requireTool(tool: string): void {
  if (!hasGdal(tool)) throw new Error(`GDAL's ${tool} is not installed${ON_CI ? ' on this CI machine: CI must run the GDAL comparisons (.ci/run installs gdal-bin)' : ''}`);
}
