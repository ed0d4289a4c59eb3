/**
 * Reads a village planning database from a folder (Node only): the folder's files listed by name
 * (`layer-files.ts`), then read as `read-listed-database.ts` reads any folder's files, only those the
 * matching needs taken from the disk. A missing folder is a message naming it, never a throw.
 */
import { statSync } from 'node:fs';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { Result } from '../result.ts';
import { listFolder, readFileBytes } from './layer-files.ts';
import { unreadable } from './layer-matching.ts';
import { readListedDatabase, type DeclaredEdition } from './read-listed-database.ts';

export async function readVillageDatabase(folder: string, edition: DeclaredEdition): Promise<Result<VillageDatabase>> {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    return unreadable(folder, 'cli.notFound');
  }
  if (!isFolder) return unreadable(folder, 'cli.village.notAFolder');
  return readListedDatabase(
    { files: listFolder(folder), readBytes: (file) => readFileBytes(file.path), missingLayers: (layers) => ({ key: 'cli.village.missingLayers', params: { folder, layers } }) },
    edition,
  );
}
