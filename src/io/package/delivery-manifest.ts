/**
 * The package's own description (`5.电子数据说明/`): `manifest.json` for machines and `电子数据说明.txt` for
 * people, both with the CRS, each layer's count and total area, and the size and SHA-256 of every other
 * file of the package (a manifest cannot hash itself; the text file is listed in the JSON, not hashed).
 */
import { describeCrs, epsgOf, type SourceCrs } from '../crs/source-crs.ts';
import type { OutputFile } from '../files.ts';
import type { OutputEncoding } from '../text/encode-text.ts';
import type { Translate } from '../../rules/render.ts';
import type { PlanMeta } from '../../domain/plan.ts';

export interface ManifestLayer {
  readonly name: string;
  readonly alias: string;
  readonly count: number;
  /** Σ ellipsoidal area of the features (m², summed unrounded, then rounded to 0.01); null for points. */
  readonly totalAreaM2: number | null;
}

export interface Manifest {
  readonly format: 'village-plan-delivery';
  readonly version: 1;
  readonly village: { readonly name: string; readonly code: string; readonly township: string; readonly county: string };
  readonly period: { readonly baseYear: number; readonly targetYear: number };
  readonly crs: { readonly shapefile: { readonly epsg: number; readonly name: string }; readonly geojson: { readonly epsg: 4326; readonly name: string } };
  readonly encoding: OutputEncoding;
  readonly layers: readonly ManifestLayer[];
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly sha256: string }[];
}

export interface ManifestInput {
  readonly meta: PlanMeta;
  readonly crs: SourceCrs;
  readonly encoding: OutputEncoding;
  readonly layers: readonly ManifestLayer[];
  readonly files: readonly OutputFile[];
  readonly hash: (bytes: Uint8Array) => Promise<string>;
}

export async function buildManifest(input: ManifestInput): Promise<Manifest> {
  const files = [];
  for (const file of input.files) files.push({ path: file.name, bytes: file.bytes.length, sha256: await input.hash(file.bytes) });
  const { meta } = input;
  return {
    format: 'village-plan-delivery',
    version: 1,
    village: { name: meta.villageName, code: meta.villageCode, township: meta.township, county: meta.county },
    period: { baseYear: meta.baseYear, targetYear: meta.targetYear },
    crs: { shapefile: { epsg: epsgOf(input.crs), name: describeCrs(input.crs) }, geojson: { epsg: 4326, name: 'RFC 7946 WGS 84 / CGCS2000 lon/lat' } },
    encoding: input.encoding,
    layers: input.layers,
    files,
  };
}

/** The same facts as prose, in the package's language. */
export function manifestText(t: Translate, manifest: Manifest): string {
  const lines = [
    t('package.delivery.manifestTitle', { village: manifest.village.name, code: manifest.village.code }),
    t('package.delivery.manifestPeriod', { base: manifest.period.baseYear, target: manifest.period.targetYear }),
    t('package.delivery.manifestCrs', { crs: manifest.crs.shapefile.name, encoding: manifest.encoding === 'gbk' ? 'GBK (936)' : 'UTF-8' }),
    '',
    t('package.delivery.manifestLayers'),
    ...manifest.layers.map((l) => t(l.totalAreaM2 === null ? 'package.delivery.manifestLayerPoints' : 'package.delivery.manifestLayer', { name: l.name, alias: l.alias, count: l.count, area: (l.totalAreaM2 ?? 0).toFixed(2) })),
    '',
    t('package.delivery.manifestFiles'),
    ...manifest.files.map((f) => `${f.sha256}  ${f.bytes}  ${f.path}`),
  ];
  return lines.join('\r\n') + '\r\n';
}
