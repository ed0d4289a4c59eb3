/**
 * Two packages among the files read as one: a planner zips the parent folder with the earlier export
 * beside the new one, or drops both zips. The readers take the first file of each layer and the first
 * sidecar, so they checked whichever package came first in the zip (the old one, silently), or a mix of
 * both: the new package's layers with the old one's JBNTZBQ where the new one has none. Both readers
 * (read-files.ts, read-folder.ts) refuse such input instead, naming the two folders. Two files of one layer
 * under different names (a layer's code and its Chinese name, package-layers.ts) are refused alike, naming
 * both files: which of them is the layer cannot be told.
 */
import { extensionOf, fileName, stemOf } from '../files.ts';
import type { Message } from '../../domain/message.ts';
import { layerNameOf, layerOfStem, type PackageLayerName } from './package-layers.ts';

/** The package layer a file is (GeoJSON, or a Shapefile's .shp), and in which format. */
function layerFile(path: string): { readonly layer: PackageLayerName; readonly format: string } | undefined {
  const name = fileName(path);
  const json = layerNameOf(name);
  if (json) return { layer: json, format: 'geojson' };
  if (extensionOf(name) !== 'shp') return undefined;
  const shp = layerOfStem(fileName(stemOf(name)));
  return shp ? { layer: shp, format: 'shp' } : undefined;
}

/**
 * The refusal when a package layer is in two files of the same format, else null: under one name in two
 * folders, two packages (the GeoJSON and Shapefile copies of one package sit in sibling folders: those are
 * one package); under two names (JQDLTB.shp and 基期地类图斑.shp, JQDLTB.geojson and JQDLTB.json), two
 * files for one layer, of which the readers would have taken whichever came first. `paths` as the user
 * knows them.
 */
export function twoPackages(paths: readonly string[]): Message | null {
  const firstOf = new Map<string, string>();
  for (const path of paths) {
    const found = layerFile(path);
    if (!found) continue;
    const key = `${found.format}|${found.layer}`;
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, path);
    else if (fileName(first).toLowerCase() !== fileName(path).toLowerCase()) return { key: 'package.twoLayerFiles', params: { layer: found.layer, nameKey: `package.delivery.layer.${found.layer}`, first, second: path } };
    else if (folderOf(first) !== folderOf(path)) return { key: 'package.twoPackages', params: { layer: found.layer, first: folderOf(first) || '.', second: folderOf(path) || '.' } };
  }
  return null;
}

function folderOf(path: string): string {
  return path.slice(0, path.length - fileName(path).length).replace(/[\\/]$/, '');
}
