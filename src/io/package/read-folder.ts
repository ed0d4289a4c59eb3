/**
 * Reads a package folder from disk (Node only): finds the GeoJSON layer files by name anywhere a few levels
 * down (provincial packages keep them in `3.规划图形数据/`), parses them and rebuilds the plan. Every
 * failure names the file and the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Result } from '../../domain/message.ts';
import { parseGeoJsonLayer } from './geojson-layer.ts';
import { layerNameOf, REQUIRED_LAYERS, type PackageLayers } from './package-layers.ts';
import { reconstructPlan, type ReconstructedPlan } from './reconstruct.ts';

const MAX_DEPTH = 3;
const MAX_ENTRIES = 5_000;
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

function layerFiles(root: string): Map<string, string> {
  const found = new Map<string, string>();
  let seen = 0;
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return; // an unreadable sub-folder is not where the layers are; a missing layer is reported below
    }
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < MAX_DEPTH) walk(path, depth + 1);
      const name = entry.isFile() ? layerNameOf(entry.name) : undefined;
      if (name && !found.has(name)) found.set(name, path);
    }
  };
  walk(root, 0);
  return found;
}

export function readPackageFolder(folder: string, profileId?: string): Result<ReconstructedPlan> {
  const files = layerFiles(folder);
  if (!REQUIRED_LAYERS.every((name) => files.has(name))) return { ok: false, error: { key: 'cli.unreadable', params: { file: folder, reasonKey: 'package.noLayers' } } };
  const layers: PackageLayers = {};
  const notes = [];
  for (const [name, path] of files) {
    const shown = relative(process.cwd(), path) || path;
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return { ok: false, error: { key: 'cli.unreadable', params: { file: shown, reasonKey: 'cli.tooLarge', sizeMiB: Math.round(size / 2 ** 20), limitMiB: MAX_FILE_BYTES / 2 ** 20 } } };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
    } catch {
      return { ok: false, error: { key: 'cli.unreadable', params: { file: shown, reasonKey: 'cli.notUtf8' } } };
    }
    const layer = parseGeoJsonLayer(name as Parameters<typeof parseGeoJsonLayer>[0], shown, text);
    if (!layer.ok) return layer;
    notes.push(...layer.notes);
    layers[layer.value.name] = layer.value;
  }
  const plan = reconstructPlan(layers, profileId);
  return plan.ok ? { ...plan, notes: [...notes, ...plan.notes] } : plan;
}
