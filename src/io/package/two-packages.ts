/**
 * Two packages among the files read as one: a planner zips the parent folder with the earlier export
 * beside the new one, or drops both zips. The readers take the first file of each layer and the first
 * sidecar, so they checked whichever package came first in the zip (the old one, silently), or a mix of
 * both: the new package's layers with the old one's JBNTZBQ where the new one has none. Both readers
 * (read-files.ts, read-folder.ts) refuse such input instead, naming the two folders.
 */
import { extensionOf, fileName } from '../files.ts';
import type { Message } from '../../domain/message.ts';
import { PACKAGE_LAYER_NAMES, layerNameOf, type PackageLayerName } from './package-layers.ts';

/** The package layer a file is (GeoJSON, or a Shapefile's .shp), and in which format. */
function layerFile(path: string): { readonly layer: PackageLayerName; readonly format: string } | undefined {
  const name = fileName(path);
  const json = layerNameOf(name);
  if (json) return { layer: json, format: 'geojson' };
  if (extensionOf(name) !== 'shp') return undefined;
  const stem = name.slice(0, name.lastIndexOf('.')).toUpperCase();
  const shp = PACKAGE_LAYER_NAMES.find((n) => n === stem);
  return shp ? { layer: shp, format: 'shp' } : undefined;
}

/**
 * The refusal when a package layer is in two folders in the same format (the GeoJSON and Shapefile copies
 * of one package sit in sibling folders: those are one package), else null. `paths` as the user knows them.
 */
export function twoPackages(paths: readonly string[]): Message | null {
  const folderOf = new Map<string, string>();
  for (const path of paths) {
    const found = layerFile(path);
    if (!found) continue;
    const folder = path.slice(0, path.length - fileName(path).length).replace(/[\\/]$/, '');
    const key = `${found.format}|${found.layer}`;
    const first = folderOf.get(key);
    if (first === undefined) folderOf.set(key, folder);
    else if (first !== folder) return { key: 'package.twoPackages', params: { layer: found.layer, first: first || '.', second: folder || '.' } };
  }
  return null;
}
