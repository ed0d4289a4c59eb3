/**
 * Reads a village planning database from a list of files (pure), as a browser is given them: a folder picked
 * with `<input webkitdirectory>` or dropped, loose files, or a .zip of the folder. The files are matched and
 * read as a folder on disk is (`read-listed-database.ts`); messages name a file by its path in the list.
 */
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import { extensionOf, fileName } from '../files.ts';
import type { Result } from '../result.ts';
import { readZip } from '../zip/zip-read.ts';
import { mayBeNeeded, type ListedFile } from './layer-matching.ts';
import { readListedDatabase, type DeclaredEdition } from './read-listed-database.ts';

/** A file of the opened folder. */
export interface VirtualFile {
  /**
   * Relative to the opened folder, folders separated by `/` (`村庄规划数据库/GHDLTB.shp`); the layers are looked
   * for in that folder and one level down. When every file lies in one folder (a browser's `webkitRelativePath`
   * starts with the picked folder's own name), that folder is the one opened. Messages name a file by this path.
   */
  readonly path: string;
  readonly bytes: Uint8Array;
}

interface Found extends ListedFile {
  readonly bytes: Uint8Array;
}

const relativePath = (path: string): string => path.replace(/\\/g, '/').replace(/^(\.?\/)+/, '');

/**
 * The files with each .zip unpacked where it lies, as "extract here" would: its members keep their paths inside
 * it under the zip's folder, and messages name them under the zip's name (`村.zip/村庄规划数据库/GHDLTB.shp`).
 * Only the members the matching could need are inflated.
 */
function unpacked(files: readonly VirtualFile[]): Result<Found[]> {
  const found: Found[] = [];
  for (const file of files) {
    const relative = relativePath(file.path);
    if (extensionOf(relative) !== 'zip') {
      found.push({ path: file.path, relative, bytes: file.bytes });
      continue;
    }
    const zip = readZip({ name: file.path, bytes: file.bytes }, { wanted: mayBeNeeded });
    if (!zip.ok) return zip;
    const folder = relative.slice(0, relative.length - fileName(relative).length);
    for (const member of zip.value.files) found.push({ path: member.name, relative: folder + member.name.slice(file.path.length + 1), bytes: member.bytes });
  }
  return { ok: true, value: found, notes: [] };
}

/** The files under their one common top folder, if they have one, as the opened folder. */
function inCommonFolder(files: readonly Found[]): readonly Found[] {
  const top = files[0]?.relative.split('/')[0] ?? '';
  const prefix = `${top}/`;
  if (top === '' || !files.every((file) => file.relative.startsWith(prefix))) return files;
  return files.map((file) => ({ ...file, relative: file.relative.slice(prefix.length) }));
}

/** `crs`: the system of every layer, whatever the files say (the command line's --crs for a zipped folder). */
export async function readVillageDatabaseFiles(files: readonly VirtualFile[], edition: DeclaredEdition, crs?: SourceCrs): Promise<Result<VillageDatabase>> {
  const found = unpacked(files);
  if (!found.ok) return found;
  return readListedDatabase(
    { files: inCommonFolder(found.value), readBytes: (file) => ({ ok: true, value: file.bytes, notes: [] }), missingLayers: (layers) => ({ key: 'villageDb.read.missingLayers', params: { layers: layers.join('、') } }) },
    edition,
    crs,
  );
}
