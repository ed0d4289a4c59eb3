/**
 * Reads a village planning database from disk (Node only): a folder, its files listed by name
 * (`layer-files.ts`) and read as `read-listed-database.ts` reads any folder's files, only those the matching
 * needs taken from the disk; the same folder zipped (`read-village-files.ts`, as the browser reads one); or the
 * editor's one database file (`database-file.ts`, the `.database.json` a planner saves and sends). A missing
 * or unreadable path is a message naming it, never a throw.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import { findGeodatabase, geodatabaseInZip, geodatabaseRefusal, zippedGeodatabaseRefusal } from '../geodatabase-folder.ts';
import { listZip } from '../zip/zip-read.ts';
import type { Message, Result } from '../result.ts';
import { looksLikeVillageDatabase, parseVillageDatabaseText } from './database-file.ts';
import { listFolder, readFileBytes } from './layer-files.ts';
import { unreadable } from './layer-matching.ts';
import { readListedDatabase, type DeclaredEdition } from './read-listed-database.ts';
import { readVillageDatabaseFiles } from './read-village-files.ts';
import { databaseWithOwnSurveyArea } from './survey-area-rows.ts';

/** The note that the edition is the database file's own declaration (the command line says nothing else then). */
export const EDITION_OF_FILE = 'cli.village.editionOfFile';

/** How much of a file tells whether it is a database file: its writer puts `format` first. */
const OPENING_BYTES = 4096;

/** Whether `path` is the editor's database file, told from its opening: for the command line to choose the 2026 profile by itself. */
export function isVillageDatabaseFile(path: string): boolean {
  let fd: number | null = null;
  try {
    if (!statSync(path).isFile()) return false;
    fd = openSync(path, 'r');
    const opening = new Uint8Array(OPENING_BYTES);
    const read = readSync(fd, opening, 0, OPENING_BYTES, 0);
    return looksLikeVillageDatabase(new TextDecoder().decode(opening.subarray(0, read)));
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * `edition`: the edition the codes are written in, as the command line declares it; null when not declared:
 * 2023 for layer files, the file's own declaration for a database file. `crs`: the system of every layer
 * file, whatever the files say (--crs); a database file is CGCS2000 lon/lat by its format and refuses one.
 */
export async function readVillageDatabase(path: string, edition: DeclaredEdition | null, crs?: SourceCrs): Promise<Result<VillageDatabase>> {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return unreadable(path, 'cli.notFound');
  }
  const geodatabase = () => findGeodatabase(path);
  if (!isFolder) {
    const found = geodatabase();
    return found ? { ok: false, error: geodatabaseRefusal(path, found) } : readFile(path, edition, crs);
  }
  // Missing layers where a .gdb or .gpkg is: the layers are in a database this tool does not read (geodatabase-folder.ts).
  const missingLayers = (layers: readonly string[]): Message => {
    const found = geodatabase();
    return found ? geodatabaseRefusal(path, found) : { key: 'cli.village.missingLayers', params: { folder: path, layers: layers.join('、') } };
  };
  return readListedDatabase({ files: listFolder(path), readBytes: (file) => readFileBytes(file.path), missingLayers }, edition ?? 'ydyh-2023', crs);
}

async function readFile(path: string, edition: DeclaredEdition | null, crs?: SourceCrs): Promise<Result<VillageDatabase>> {
  const bytes = readFileBytes(path);
  if (!bytes.ok) return bytes;
  if (/\.zip$/i.test(path)) {
    const read = await readVillageDatabaseFiles([{ path: basename(path), bytes: bytes.value }], edition ?? 'ydyh-2023', crs);
    if (read.ok || read.error.key !== 'villageDb.read.missingLayers') return read;
    // CCTool's 村庄规划数据库.gdb zipped holds the layers: say what it is and how to export it, not which are missing.
    const listed = listZip({ name: path, bytes: bytes.value });
    const found = listed.ok ? geodatabaseInZip(listed.value.map((entry) => entry.path)) : null;
    if (found) return { ok: false, error: zippedGeodatabaseRefusal(path, found) };
    // The zip's messages name its members under its own name; the command line names the zip as given.
    return { ok: false, error: { key: 'cli.village.missingLayers', params: { folder: path, layers: String(read.error.params?.layers) } } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.value);
  } catch {
    return unreadable(path, 'cli.village.notAFolder');
  }
  if (!looksLikeVillageDatabase(text)) return unreadable(path, 'cli.village.notAFolder');
  if (crs) return { ok: false, error: { key: 'cli.village.crsForDatabaseFile', params: { file: path } } };
  const parsed = databaseWithOwnSurveyArea(parseVillageDatabaseText(text, path));
  if (!parsed.ok) return parsed;
  const declared = parsed.value.edition;
  const notes: Message[] = edition === null ? [{ key: EDITION_OF_FILE, params: { file: path, editionKey: `rules.db.edition.${declared}` } }] : [];
  return { ok: true, value: { ...parsed.value, edition: edition ?? declared }, notes: [...notes, ...parsed.notes] };
}
