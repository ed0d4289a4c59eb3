/**
 * A small IndexedDB store for things preferences cannot hold: the local PMTiles basemap file the planner
 * opened (a File is structured-cloneable, so it survives a reload without asking again).
 */
import { openDB, type IDBPDatabase } from 'idb';

const DB_NAME = 'village-plan-settings';
const FILES = 'files';

let database: Promise<IDBPDatabase> | null = null;
function db(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore(FILES);
    },
  });
  return database;
}

export async function saveBasemapFile(file: File): Promise<void> {
  await (await db()).put(FILES, file, 'basemap');
}

export async function loadBasemapFile(): Promise<File | undefined> {
  const value: unknown = await (await db()).get(FILES, 'basemap');
  return value instanceof Blob ? (value as File) : undefined;
}
