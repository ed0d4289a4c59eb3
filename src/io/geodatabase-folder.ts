/**
 * A File Geodatabase (a `.gdb` folder of `a0000000N.gdbtable` files, as CCTool delivers `村庄规划数据库.gdb`),
 * a GeoPackage (`.gpkg`) or an ArcMap Personal Geodatabase (`.mdb`, in which older county data still comes)
 * where the readers looked for Shapefiles or GeoJSON (Node only). The tool reads none of them
 * (docs/package.md), so when a folder's layers are missing and one of these is there, the refusal says so
 * and how to get Shapefiles out of it, instead of "no JQDLTB layer" about a database that holds it, or
 * "not valid JSON" about an .mdb given as a file.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Message } from './result.ts';
import { isZipNoise } from './zip/zip-read.ts';

export type GeodatabaseKind = 'gdb' | 'gpkg' | 'mdb';

export interface FoundGeodatabase {
  readonly path: string;
  readonly kind: GeodatabaseKind;
}

/** Folders looked into below the one given, as deep as the package reader looks (read-folder.ts). */
const MAX_DEPTH = 5;
const MAX_ENTRIES = 5_000;

const isGdbName = (name: string) => /\.gdb$/i.test(name);

/** The kind of a database held in one file (`.gpkg`, `.mdb`), by its name; null for any other file. */
export function databaseFileKind(name: string): 'gpkg' | 'mdb' | null {
  const extension = /\.(gpkg|mdb)$/i.exec(name)?.[1];
  return extension ? (extension.toLowerCase() as 'gpkg' | 'mdb') : null;
}

/** `path` itself when it is a .gdb (by name, or by its tables) or a .gpkg or .mdb file; else the first found below it, or null. */
export function findGeodatabase(path: string): FoundGeodatabase | null {
  const fileKind = databaseFileKind(path);
  if (fileKind) return { path, kind: fileKind };
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
      const kind = entry.isFile() ? databaseFileKind(entry.name) : null;
      if (kind) return { path: join(dir, entry.name), kind };
      if (entry.isDirectory() && (isGdbName(entry.name) || depth < MAX_DEPTH)) {
        const found = walk(join(dir, entry.name), depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(path, 0);
}

/**
 * The geodatabase among a zip's member paths (`成果/村庄规划.gpkg`, `村庄规划数据库.gdb/a00000001.gdbtable`),
 * or null: a .gpkg or .mdb member, else the folder of the first .gdb folder or `.gdbtable` file, as findGeodatabase
 * tells them on disk. The path is the member's, for the refusal to name (GDAL cannot open every zipped one
 * in place: a GBK-named member is not found through /vsizip/, so the refusal says to unzip first).
 */
export function geodatabaseInZip(members: readonly string[]): FoundGeodatabase | null {
  // macOS's `__MACOSX/._村庄规划.gpkg` copies are no database.
  const paths = members.filter((m) => !isZipNoise(m)).map((m) => m.replace(/\\/g, '/'));
  for (const member of paths) {
    const kind = databaseFileKind(member);
    if (kind) return { path: member, kind };
  }
  for (const member of paths) {
    const parts = member.split('/');
    const gdb = parts.findIndex((part, i) => isGdbName(part) && i < parts.length - 1);
    if (gdb >= 0) return { path: parts.slice(0, gdb + 1).join('/'), kind: 'gdb' };
    if (/\.gdbtable$/i.test(member) && parts.length > 1) return { path: parts.slice(0, -1).join('/'), kind: 'gdb' };
  }
  return null;
}

/** The refusal of `input` (as the user gave it) for the geodatabase found in it: what it is and how to export its layers. */
export function geodatabaseRefusal(input: string, found: FoundGeodatabase): Message {
  return { key: 'cli.unreadable', params: { file: input, reasonKey: `cli.geodatabase.${found.kind}`, found: found.path } };
}

/** The refusal of the zip `input` for the geodatabase among its members: unzip, then export. */
export function zippedGeodatabaseRefusal(input: string, found: FoundGeodatabase): Message {
  return { key: 'cli.unreadable', params: { file: input, reasonKey: `cli.geodatabase.zipped.${found.kind}`, found: found.path } };
}
