/**
 * The 2026 village database worker: reading a database (a folder's Shapefiles, a zip, or one database file),
 * its checks (rules/ydyh: seconds at 20,000 parcels) and its three tables run here, so the reviewer's map
 * keeps moving. It holds the database it read; the page gets a copy to draw, and asks for checks and tables
 * of the held one, and for its package and its database file. Typed end to end through Comlink's `Remote<DatabaseApi>` (app/database-client.ts).
 */
import { expose, transfer } from 'comlink';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import { parseVillageDatabaseText, serialiseVillageDatabase } from '../io/village-database/database-file.ts';
import { zipVillageDatabasePackage } from '../io/village-database/write-village-database.ts';
import { readVillageDatabaseFiles, type VirtualFile } from '../io/village-database/read-village-files.ts';
import type { Result } from '../io/result.ts';
import { computeDatabaseTables, type DatabaseTables } from '../rules/ydyh/database-tables.ts';
import { checkDatabase, type DatabaseCheck } from '../rules/ydyh/index.ts';

let held: VillageDatabase | null = null;

function hold(read: Result<VillageDatabase>): Result<VillageDatabase> {
  if (read.ok) held = read.value;
  return read;
}

function database(): VillageDatabase {
  if (!held) throw new Error('no database open');
  return held;
}

const api = {
  openText(text: string, fileName: string): Result<VillageDatabase> {
    return hold(parseVillageDatabaseText(text, fileName));
  },
  async openFiles(files: VirtualFile[], edition: VillageDatabase['edition']): Promise<Result<VillageDatabase>> {
    return hold(await readVillageDatabaseFiles(files, edition));
  },
  check(): DatabaseCheck {
    return checkDatabase(database());
  },
  tables(): DatabaseTables {
    return computeDatabaseTables(database());
  },
  /** The package in the village-database layout, zipped: Shapefiles in the GK zone, or GeoJSON in lon/lat. */
  exportPackage(format: 'shapefile' | 'geojson'): Result<Uint8Array> {
    const zipped = zipVillageDatabasePackage(database(), { format });
    return zipped.ok ? transfer(zipped, [zipped.value.buffer as ArrayBuffer]) : zipped;
  },
  /** The whole database as one file the start page opens again. */
  databaseText(): string {
    return serialiseVillageDatabase(database());
  },
};

export type DatabaseApi = typeof api;

expose(api);
