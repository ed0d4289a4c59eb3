/**
 * Reads a village planning database from a folder (Node only): the folder's files listed by name
 * (`layer-files.ts`), then read as `read-listed-database.ts` reads any folder's files, only those the
 * matching needs taken from the disk. A missing folder is a message naming it, never a throw.
 */
import { statSync } from 'node:fs';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import { findGeodatabase, geodatabaseRefusal } from '../geodatabase-folder.ts';
import type { Message, Result } from '../result.ts';
import { listFolder, readFileBytes } from './layer-files.ts';
import { unreadable } from './layer-matching.ts';
import { readListedDatabase, type DeclaredEdition } from './read-listed-database.ts';

/** `crs`: the system of every layer, whatever the files say (the command line's --crs). */
export async function readVillageDatabase(folder: string, edition: DeclaredEdition, crs?: SourceCrs): Promise<Result<VillageDatabase>> {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    return unreadable(folder, 'cli.notFound');
  }
  const geodatabase = () => findGeodatabase(folder);
  if (!isFolder) {
    const found = geodatabase();
    return found ? { ok: false, error: geodatabaseRefusal(folder, found) } : unreadable(folder, 'cli.village.notAFolder');
  }
  // Missing layers where a .gdb or .gpkg is: the layers are in a database this tool does not read (geodatabase-folder.ts).
  const missingLayers = (layers: readonly string[]): Message => {
    const found = geodatabase();
    return found ? geodatabaseRefusal(folder, found) : { key: 'cli.village.missingLayers', params: { folder, layers: layers.join('、') } };
  };
  return readListedDatabase(
    { files: listFolder(folder), readBytes: (file) => readFileBytes(file.path), missingLayers },
    edition,
    crs,
  );
}
