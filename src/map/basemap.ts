/**
 * Basemaps under the plan: none (the default; the plan's own vector data, fully offline), raster tiles
 * from a URL the planner enters (天地图 with a key, a county tile server), or a local PMTiles orthophoto
 * read straight from disk through the pmtiles library.
 */
import { addProtocol, type Map as MapLibreMap } from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import type { Message } from '../domain/message.ts';
import type { Basemap } from '../store/ui.store.ts';

const SOURCE = 'basemap';
const LAYER = 'basemap';
const BELOW = 'base-fill';

let protocol: Protocol | null = null;
/** pmtiles is loaded only when a planner opens a local basemap file. */
async function pmtiles() {
  const lib = await import('pmtiles');
  if (!protocol) {
    protocol = new lib.Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return { lib, protocol };
}

/** Checks a tile URL template before it reaches the map. */
export function tileUrlProblem(url: string): Message | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.replaceAll('{', '%7B').replaceAll('}', '%7D'));
  } catch {
    return { key: 'basemap.error.notAUrl' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { key: 'basemap.error.notAUrl' };
  const hasTile = url.includes('{z}') && url.includes('{x}') && (url.includes('{y}') || url.includes('{-y}'));
  return hasTile ? undefined : { key: 'basemap.error.noPlaceholders' };
}

function remove(map: MapLibreMap): void {
  if (map.getLayer(LAYER)) map.removeLayer(LAYER);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}

/** Shows the basemap; resolves to a message when it cannot (a vector PMTiles, an unreadable file). */
export async function applyBasemap(map: MapLibreMap, basemap: Basemap, file: File | undefined): Promise<Message | undefined> {
  remove(map);
  if (basemap.kind === 'none') return undefined;
  const before = map.getLayer(BELOW) ? BELOW : undefined;
  if (basemap.kind === 'raster') {
    const problem = tileUrlProblem(basemap.url);
    if (problem) return problem;
    map.addSource(SOURCE, { type: 'raster', tiles: [basemap.url], tileSize: 256, maxzoom: 20 });
    map.addLayer({ id: LAYER, type: 'raster', source: SOURCE }, before);
    return undefined;
  }
  if (!file) return { key: 'basemap.error.fileGone', params: { name: basemap.fileName } };
  const { lib, protocol: registered } = await pmtiles();
  const archive = new lib.PMTiles(new lib.FileSource(file));
  let header;
  try {
    header = await archive.getHeader();
  } catch (error) {
    return { key: 'basemap.error.notPmtiles', params: { name: file.name, detail: error instanceof Error ? error.message : String(error) } };
  }
  if (![lib.TileType.Png, lib.TileType.Jpeg, lib.TileType.Webp, lib.TileType.Avif].includes(header.tileType)) {
    return { key: 'basemap.error.notRaster', params: { name: file.name } };
  }
  registered.add(archive);
  map.addSource(SOURCE, {
    type: 'raster',
    url: `pmtiles://${archive.source.getKey()}`,
    tileSize: 256,
  });
  map.addLayer({ id: LAYER, type: 'raster', source: SOURCE }, before);
  return undefined;
}
