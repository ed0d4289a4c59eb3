/**
 * For tests: a county-style zip of several layers made from the sample village (its survey as `三调/DLTB`,
 * its boundary as `XZQ`, both Shapefiles from our writer), with the strays exports carry, and ways to
 * damage one member as a bad download does; the io worker's side of an import run in the test's thread.
 */
import { readFileSync } from 'node:fs';
import { parsePlanText } from '../../domain/plan-file.ts';
import { layerFeatures, type Plan } from '../../domain/plan.ts';
import type { OutputFile } from '../../io/files.ts';
import { writeShapefile } from '../../io/formats/shapefile-write.ts';
import { surveyLayerFromParcels } from '../../io/survey/survey-layer.ts';
import { success } from '../../domain/message.ts';
import { ImportSession } from '../../io/into-plan/import-session.ts';
import type { ReadRequest } from '../io-client.ts';
import type { HeldLink } from './import-service.ts';

export function samplePlan(): Plan {
  const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
  if (!parsed.ok) throw new Error('sample unreadable');
  return parsed.value;
}

function written(files: ReturnType<typeof writeShapefile>, folder: string): OutputFile[] {
  if (!files.ok) throw new Error(files.error.key);
  return files.value.map((f) => ({ name: `${folder}${f.name}`, bytes: f.bytes }));
}

/** `parcels` of the sample's base parcels as a 三调 DLTB in `三调/`, and the village boundary as `XZQ` at the top. */
export function countyMembers(plan: Plan, parcels = 30): OutputFile[] {
  const dltb = written(writeShapefile(surveyLayerFromParcels(layerFeatures(plan, 'base').slice(0, parcels)), {}), '三调/');
  const boundary = layerFeatures(plan, 'boundary').map((f) => ({ geometry: f.geometry, properties: { XZQMC: f.properties.villageName } }));
  const xzq = written(writeShapefile({ name: 'XZQ', geometryType: 'polygon', fields: [{ name: 'XZQMC', type: 'C', length: 60, decimals: 0 }], features: boundary }, {}), '');
  return [...dltb, ...xzq];
}

/** Strays of real exports: ArcGIS's metadata, spatial index and schema lock, and a .dbf-only table. */
export function strays(): OutputFile[] {
  const dbfOnly = written(writeShapefile({ name: '权属单位', geometryType: 'polygon', fields: [{ name: 'QSDWMC', type: 'C', length: 60, decimals: 0 }], features: [] }, {}), '').filter((f) => f.name.endsWith('.dbf'));
  const bytes = new Uint8Array([1, 2, 3]);
  return [...dbfOnly, { name: '三调/DLTB.shp.xml', bytes }, { name: '三调/DLTB.sbn', bytes }, { name: '三调/DLTB.sbx', bytes }, { name: '三调/DLTB.shp.PC-01.5316.2104.sr.lock', bytes }, { name: '说明.doc', bytes }];
}

/** The zip with the stored bytes of member `name` changed (its CRC no longer matches): a damaged download. */
export function damaged(zip: Uint8Array, name: string): Uint8Array {
  const copy = zip.slice();
  const raw = new TextEncoder().encode(name);
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 30 < copy.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(at + 26, true);
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    if (nameLength !== raw.length || !raw.every((b, i) => copy[at + 30 + i] === b)) continue;
    copy[start + 2] = (copy[start + 2] as number) ^ 0xff;
    return copy;
  }
  throw new Error(`no member ${name}`);
}

/** The worker's side in this thread; `parses` counts the reads. */
export function inThread() {
  const seen = { parses: 0, applied: 0 };
  const hold = (request: ReadRequest) => {
    seen.parses++;
    const opened = ImportSession.open(request.files, request.options);
    const session = opened.ok ? opened.value : null;
    const held: HeldLink = {
      apply: async (choices) => (seen.applied++, success(session!.apply(choices))),
      parcels: async (count) => success(session!.parcels(0, count)),
      areas: async (count) => success(session!.areas(0, count)),
      dxfAreas: async (count) => success(session!.dxfAreas(0, count)),
      plan: async () => {
        throw new Error('not a package');
      },
      close: () => undefined,
    };
    // As in the browser, where progress comes on its own channel: its last report after the answer.
    const done = Promise.resolve(opened.ok ? success(opened.value.summary) : opened);
    void done.then(() => setTimeout(() => request.onProgress?.(1), 0));
    return { held, done };
  };
  return { seen, hold };
}

