/**
 * A village planning database's files on disk (Node only): the folder's files as `layer-matching.ts` matches
 * them (the folder and `MAX_DEPTH` levels down, names only, no byte read), and a file's bytes within the
 * readers' size limit.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { InputFile } from '../files.ts';
import { MAX_FILE_BYTES } from '../package/read-folder.ts';
import type { Result } from '../result.ts';
import { layerInputFiles as listedLayerInputFiles, MAX_DEPTH, unreadable, type ListedFile } from './layer-matching.ts';

const MAX_ENTRIES = 5_000;

/** A file's bytes, refused past the readers' size limit. */
export function readFileBytes(path: string): Result<Uint8Array> {
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) return unreadable(path, 'cli.tooLarge', { sizeMiB: Math.round(size / 2 ** 20), limitMiB: MAX_FILE_BYTES / 2 ** 20 });
    return { ok: true, value: readFileSync(path), notes: [] };
  } catch {
    return unreadable(path, 'cli.notFound');
  }
}

/** The files of a folder and its sub-folders down to `MAX_DEPTH`; unreadable sub-folders are skipped (a missing layer is reported by the caller). */
export function listFolder(root: string): ListedFile[] {
  const files: ListedFile[] = [];
  let seen = 0;
  const walk = (dir: string, relative: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return;
      if (entry.isDirectory() && depth < MAX_DEPTH) folders.push(entry.name);
      else if (entry.isFile()) files.push({ path: join(dir, entry.name), relative: `${relative}${entry.name}` });
    }
    // The folder's own files before its sub-folders', so the entry limit never drops the top level's.
    for (const folder of folders) walk(join(dir, folder), `${relative}${folder}/`, depth + 1);
  };
  walk(root, '', 0);
  return files;
}

/** A layer file's input files as the formats take them: a Shapefile with every part beside it, or a GeoJSON alone. */
export function layerInputFiles(path: string): Result<InputFile[]> {
  const dir = dirname(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    names = [basename(path)];
  }
  const beside = names.map((name): ListedFile => ({ path: join(dir, name), relative: name }));
  return listedLayerInputFiles({ path, relative: basename(path) }, beside, (file) => readFileBytes(file.path));
}
