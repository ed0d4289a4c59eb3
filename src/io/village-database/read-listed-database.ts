/**
 * Reads a village planning database from a folder's files (pure) into the `VillageDatabase` the zhejiang-2026
 * checks and tables read: its layers as Shapefiles or GeoJSON through the editor's formats (a Shapefile's
 * .prj and .cpg honoured, Gauss-Krüger brought to lon/lat), found by name as `layer-matching.ts` says, and
 * the village workbook (`read-workbook.ts`). Only the files the matching needs are read; a Shapefile or
 * GeoJSON named after no layer is said to be left unread. The folder on disk
 * (read-village-database.ts, Node) and a list of files in the browser (read-village-files.ts) both read here.
 *
 * The 用地用海 edition is the planner's declaration, recorded with the database; the codes stay as written,
 * and whoever counts them converts once (village-database.ts). Fields are keyed as `village-fields.ts` says.
 * Anything that makes the database unusable (no JQDLTB or GHDLTB, a layer without its code field, a file
 * that cannot be read) is a message naming the file and the reason, never a throw.
 */
import { layerFileNames } from '../../profiles/zhejiang-2026/layer-file-names.ts';
import { NO_VILLAGE_INFO, type VillageDatabase, type VillageFeature, type VillageLayer, type VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { NEEDS_PARAMETERS } from '../crs/datum-settle.ts';
import type { SourceCrs } from '../crs/source-crs.ts';
import { importFiles } from '../formats/index.ts';
import type { ImportedLayer } from '../formats/types.ts';
import { listSome, type Message, type Result } from '../result.ts';
import { findFolderContents, layerInputFiles, unreadable, type ListedFile, type ReadBytes } from './layer-matching.ts';
import { readVillageWorkbook, type VillageWorkbook } from './read-workbook.ts';
import { CODE_FIELDS, featureRef, fieldNamer, villageProperties } from './village-fields.ts';
import { withOwnSurveyArea } from './survey-area-rows.ts';

export type DeclaredEdition = VillageDatabase['edition'];

/** The note on a file named after a layer but not read as it (`GHDLTB_2.shp`): perhaps a part of the layer, which then counts nowhere. */
export const LAYER_PART_NOT_READ = 'cli.village.layerPartNotRead';

/** The layers without which there is no plan to read: the base year's and the target year's parcels. */
export const REQUIRED_LAYERS: readonly VillageLayerName[] = ['JQDLTB', 'GHDLTB'];

export interface ListedDatabase<F extends ListedFile> {
  /** The folder's files: the matching picks the layers, their parts and the workbooks among them, and only those are read. */
  readonly files: readonly F[];
  readonly readBytes: ReadBytes<F>;
  /** The refusal when required layers are missing, given their file names (`GHDLTB/规划用地`): each reader names where it looked, and lists them in each language. */
  readonly missingLayers: (layers: readonly string[]) => Message;
}

/** `crs`: the system of every layer, whatever the files say (the command line's --crs). */
export async function readListedDatabase<F extends ListedFile>({ files, readBytes, missingLayers }: ListedDatabase<F>, edition: DeclaredEdition, crs?: SourceCrs): Promise<Result<VillageDatabase>> {
  const contents = findFolderContents(files);
  const missing = REQUIRED_LAYERS.filter((name) => !contents.layers.has(name));
  if (missing.length) return { ok: false, error: missingLayers(missing.map(layerFileNames)) };
  const notes: Message[] = contents.duplicates.map((d) => ({ key: 'cli.village.duplicateLayer', params: { layer: d.layer, file: d.file.path, kept: d.kept.path } }));
  notes.push(...contents.unmatched.map(({ file, partOf }): Message => (partOf ? { key: LAYER_PART_NOT_READ, params: { file: file.path, layer: partOf } } : { key: 'cli.village.layerFileNotRead', params: { file: file.path } })));
  const layers: Partial<Record<VillageLayerName, VillageLayer>> = {};
  for (const [name, file] of contents.layers) {
    const read = readLayer(name, file, files, readBytes, crs);
    if (!read.ok) return read;
    layers[name] = read.value;
    notes.push(...read.notes);
  }
  const own = withOwnSurveyArea(layers);
  if (own.note) notes.push(own.note);
  const workbook = await readWorkbooks(contents.workbooks, readBytes);
  if (!workbook.ok) return workbook;
  notes.push(...workbook.notes);
  return { ok: true, value: { layers: own.layers, edition, info: workbook.value?.info ?? NO_VILLAGE_INFO, allocations: workbook.value?.allocations ?? {} }, notes };
}

// The path last: a format's own message names the file without its folder.
function importLayer<F extends ListedFile>(file: F, files: readonly F[], readBytes: ReadBytes<F>, crs: SourceCrs | undefined): Result<ImportedLayer> {
  const inputs = layerInputFiles(file, files, readBytes);
  if (!inputs.ok) return inputs;
  const read = importFiles(inputs.value, crs ? { crs } : {});
  // A Xian 1980 / Beijing 1954 layer: the editor's import asks for the county's parameters, opening a database cannot.
  if (!read.ok) return unreadable(file.path, read.error.key === NEEDS_PARAMETERS ? 'villageDb.read.needsDatumParameters' : read.error.key, read.error.params);
  const layer = read.value[0];
  if (!layer) return unreadable(file.path, 'cli.village.noFeatures');
  return { ok: true, value: layer, notes: read.notes };
}

function readLayer<F extends ListedFile>(name: VillageLayerName, file: F, files: readonly F[], readBytes: ReadBytes<F>, crs: SourceCrs | undefined): Result<VillageLayer> {
  const imported = importLayer(file, files, readBytes, crs);
  if (!imported.ok) return imported;
  const layer = imported.value;
  const fileFields = [...new Set([...layer.fields.map((f) => f.name), ...layer.features.flatMap((f) => Object.keys(f.properties))])];
  const rename = fieldNamer(name, fileFields);
  const fieldNames = fileFields.map(rename);
  const codeFields = CODE_FIELDS[name];
  // A layer without features has nothing to classify, and a GeoJSON without features names no fields at all
  // (the database writer's empty GKBJ is one): only a layer with features must have its code field.
  if (codeFields && layer.features.length > 0 && !codeFields.some((field) => fieldNames.includes(field))) {
    return unreadable(file.path, 'cli.village.noCodeField', { layer: name, field: codeFields.join('/'), fields: listSome(fileFields) || '—' });
  }
  const features = layer.features.map((feature): VillageFeature => {
    const properties = villageProperties(feature.properties, rename);
    return { ref: featureRef(name, properties, feature.recordNo), geometry: feature.geometry, properties };
  });
  return { ok: true, value: { name, file: file.path, fieldNames, features }, notes: imported.notes };
}

/** The first workbook whose first sheet has the village's rows; none is fine (the figures it gives are left empty). */
async function readWorkbooks<F extends ListedFile>(workbooks: readonly F[], readBytes: ReadBytes<F>): Promise<Result<VillageWorkbook | null>> {
  const notes: Message[] = [];
  for (const file of workbooks) {
    const bytes = readBytes(file);
    if (!bytes.ok) return bytes;
    const read = await readVillageWorkbook(file.path, bytes.value);
    if (!read.ok) return read;
    if (read.value.recognised > 0) {
      notes.push({ key: 'cli.village.workbookRead', params: { file: file.path } }, ...read.value.notes);
      return { ok: true, value: read.value, notes };
    }
    notes.push({ key: 'cli.village.workbookIgnored', params: { file: file.path } });
  }
  return { ok: true, value: null, notes: [...notes, { key: 'cli.village.noWorkbook' }] };
}
