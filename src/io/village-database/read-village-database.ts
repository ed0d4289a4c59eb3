/**
 * Reads a village planning database from a folder (Node only) into the `VillageDatabase` the zhejiang-2026
 * checks and tables read: its layers as Shapefiles or GeoJSON through the editor's formats (a Shapefile's
 * .prj and .cpg honoured, Gauss-Krüger brought to lon/lat), found by name as `layer-files.ts` says, and the
 * village workbook (`read-workbook.ts`). The 用地用海 edition is the planner's declaration, recorded with the
 * database; the codes stay as written, and whoever counts them converts once (village-database.ts).
 *
 * Fields the database declares for a layer (layers.ts) are keyed by their declared name whatever case the
 * file writes them in, so readers look up `JQDLBM` and never `jqdlbm`; other fields stay as the file has them.
 * Anything that makes the database unusable (folder missing, no JQDLTB or GHDLTB, a layer without its code
 * field, a file that cannot be read) is a message naming the file and the reason, never a throw.
 */
import { statSync } from 'node:fs';
import { NO_VILLAGE_INFO, type VillageDatabase, type VillageFeature, type VillageLayer, type VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { importFiles } from '../formats/index.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { listSome, type Message, type Result } from '../result.ts';
import { findFolderContents, LAYER_FILE_NAMES, layerInputFiles, readFileBytes, unreadable } from './layer-files.ts';
import { readVillageWorkbook, type VillageWorkbook } from './read-workbook.ts';
import { CODE_FIELDS, featureRef, fieldNamer, villageProperties } from './village-fields.ts';

export type DeclaredEdition = VillageDatabase['edition'];

/** The layers without which there is no plan to read: the base year's and the target year's parcels. */
export const REQUIRED_LAYERS: readonly VillageLayerName[] = ['JQDLTB', 'GHDLTB'];

// The path last: a format's own message names the file without its folder.

export async function readVillageDatabase(folder: string, edition: DeclaredEdition): Promise<Result<VillageDatabase>> {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    return unreadable(folder, 'cli.notFound');
  }
  if (!isFolder) return unreadable(folder, 'cli.village.notAFolder');
  const contents = findFolderContents(folder);
  const missing = REQUIRED_LAYERS.filter((name) => !contents.layers.has(name));
  if (missing.length) {
    const names = missing.map((name) => LAYER_FILE_NAMES[name].join('/')).join('、');
    return { ok: false, error: { key: 'cli.village.missingLayers', params: { folder, layers: names } } };
  }
  const notes: Message[] = contents.duplicates.map((d) => ({ key: 'cli.village.duplicateLayer', params: { layer: d.layer, file: d.file, kept: d.kept } }));
  const layers: Partial<Record<VillageLayerName, VillageLayer>> = {};
  for (const [name, path] of contents.layers) {
    const read = readLayer(name, path);
    if (!read.ok) return read;
    layers[name] = read.value;
    notes.push(...read.notes);
  }
  const workbook = await readWorkbooks(contents.workbooks);
  if (!workbook.ok) return workbook;
  notes.push(...workbook.notes);
  return { ok: true, value: { layers, edition, info: workbook.value?.info ?? NO_VILLAGE_INFO, allocations: workbook.value?.allocations ?? {} }, notes };
}

function importLayer(path: string): Result<ImportedLayer> {
  const files = layerInputFiles(path);
  if (!files.ok) return files;
  const read = importFiles(files.value);
  if (!read.ok) return unreadable(path, read.error.key, read.error.params);
  const layer = read.value[0];
  if (!layer) return unreadable(path, 'cli.village.noFeatures');
  return { ok: true, value: layer, notes: read.notes };
}

function readLayer(name: VillageLayerName, path: string): Result<VillageLayer> {
  const imported = importLayer(path);
  if (!imported.ok) return imported;
  const layer = imported.value;
  const rename = fieldNamer(name);
  const fileFields = [...new Set([...layer.fields.map((f) => f.name), ...layer.features.flatMap((f) => Object.keys(f.properties))])];
  const fieldNames = fileFields.map(rename);
  const codeFields = CODE_FIELDS[name];
  if (codeFields && !codeFields.some((field) => fieldNames.includes(field))) {
    return unreadable(path, 'cli.village.noCodeField', { layer: name, field: codeFields.join('/'), fields: listSome(fileFields) || '—' });
  }
  const features = layer.features.map((feature): VillageFeature => {
    const properties = villageProperties(feature.properties, rename);
    return { ref: featureRef(name, properties, feature.recordNo), geometry: feature.geometry, properties };
  });
  return { ok: true, value: { name, file: path, fieldNames, features }, notes: imported.notes };
}

/** The first workbook whose first sheet has the village's rows; none is fine (the figures it gives are left empty). */
async function readWorkbooks(paths: readonly string[]): Promise<Result<VillageWorkbook | null>> {
  const notes: Message[] = [];
  for (const path of paths) {
    const bytes = readFileBytes(path);
    if (!bytes.ok) return bytes;
    const read = await readVillageWorkbook(path, bytes.value);
    if (!read.ok) return read;
    if (read.value.recognised > 0) {
      notes.push({ key: 'cli.village.workbookRead', params: { file: path } }, ...read.value.notes);
      return { ok: true, value: read.value, notes };
    }
    notes.push({ key: 'cli.village.workbookIgnored', params: { file: path } });
  }
  return { ok: true, value: null, notes: [...notes, { key: 'cli.village.noWorkbook' }] };
}
