/**
 * For the 2026 database commands' tests only: rectangles near 湖州 (GK zone 40), their ellipsoidal area, and
 * a database folder's layers and workbook written as a township hands them in (the editor's own Shapefile
 * writer with a Gauss-Krüger .prj and GBK; exceljs for the workbook).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Polygon } from 'geojson';
import type { AreaGeometry } from '../domain/features.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { writeShapefile } from '../io/formats/shapefile-write.ts';

export type Properties = Readonly<Record<string, string>>;
export interface Drawn {
  readonly geometry: AreaGeometry;
  readonly properties: Properties;
}

/** A rectangle from (west, south) to (east, north) in degrees, near 湖州 (GK zone 40). */
export function rect(west: number, south: number, east: number, north: number): Polygon {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

export const haOf = (...geometries: AreaGeometry[]) => geometries.reduce((sum, g) => sum + ellipsoidalArea(g), 0) / 10_000;

/** A layer written as the editor exports it: Gauss-Krüger .prj, GBK .cpg. */
export function writeLayer(dir: string, name: string, fieldNames: readonly string[], features: readonly Drawn[]): void {
  const fields = fieldNames.map((field) => ({ name: field, type: 'C' as const, length: 60, decimals: 0 }));
  const written = writeShapefile({ name, geometryType: 'polygon', fields, features }, { encoding: 'gbk', date: new Date(Date.UTC(2026, 0, 1)) });
  if (!written.ok) throw new Error(written.error.key);
  for (const file of written.value) writeFileSync(join(dir, file.name), file.bytes);
}

type Rows = readonly (readonly [string, string | number])[];

/** The village workbook: sheet1 `指标 | 值`, and further sheets by name (`上级下达`). */
export async function writeWorkbook(path: string, rows: Rows, sheets: Readonly<Record<string, Rows>> = {}): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, sheetRows] of [['sheet1', rows] as const, ...Object.entries(sheets)]) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(['指标', '值']);
    for (const row of sheetRows) sheet.addRow([...row]);
  }
  writeFileSync(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

