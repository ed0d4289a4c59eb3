/**
 * A File Geodatabase (a `.gdb` folder of `a0000000N.gdbtable` files, as CCTool delivers `村庄规划数据库.gdb`)
 * or a GeoPackage (`.gpkg`) where the readers looked for Shapefiles or GeoJSON (Node only). The tool reads
 * neither (docs/package.md), so when a folder's layers are missing and one of these is there, the refusal
 * says so and how to get Shapefiles out of it, instead of "no JQDLTB layer" about a database that holds it.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Message } from './result.ts';

export type GeodatabaseKind = 'gdb' | 'gpkg';

export interface FoundGeodatabase {
  readonly path: string;
  readonly kind: GeodatabaseKind;
}

/** Folders looked into below the one given (the readers look one to three levels down). */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 5_000;

const isGdbName = (name: string) => /\.gdb$/i.test(name);

/** `path` itself when it is a .gdb (by name, or by its tables) or a .gpkg file; else the first found below it, or null. */
export function findGeodatabase(path: string): FoundGeodatabase | null {
  if (/\.gpkg$/i.test(path)) return { path, kind: 'gpkg' };
  let seen = 0;
  const walk = (dir: string, depth: number): FoundGeodatabase | null => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return null;
    }
    if (isGdbName(basename(dir)) || entries.some((e) => e.isFile() && /\.gdbtable$/i.test(e.name))) return { path: dir, kind: 'gdb' };
    for (const entry of entries) {
      if (++seen > MAX_ENTRIES) return null;
      if (entry.isFile() && /\.gpkg$/i.test(entry.name)) return { path: join(dir, entry.name), kind: 'gpkg' };
      if (entry.isDirectory() && (isGdbName(entry.name) || depth < MAX_DEPTH)) {
        const found = walk(join(dir, entry.name), depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(path, 0);
}

/** The refusal of `input` (as the user gave it) for the geodatabase found in it: what it is and how to export its layers. */
export function geodatabaseRefusal(input: string, found: FoundGeodatabase): Message {
  return { key: 'cli.unreadable', params: { file: input, reasonKey: `cli.geodatabase.${found.kind}`, found: found.path } };
}
