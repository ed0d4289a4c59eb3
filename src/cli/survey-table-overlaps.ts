/**
 * What `survey-table` says of overlapping parcels (io/survey/survey-overlaps.ts): a parcel stored twice, or
 * re-digitised with the old one left in, is counted twice in the table; the notes name the pairs and the
 * area, and the JSON carries them, so the total is never off without a word.
 */
import type { Message } from '../domain/message.ts';
import { loadGeos } from '../geo/geos/geos-module.ts';
import { listSome } from '../io/result.ts';
import { surveyOverlaps, type OverlapParcel, type SurveyOverlaps } from '../io/survey/survey-overlaps.ts';
import { formatParam } from '../rules/render.ts';

const M2_PER_HA = 10_000;
const LISTED = 8;

export interface LabelledParcel extends OverlapParcel {
  /** TBBH (else the record number), with BSM where the layer has it. */
  readonly label: string;
  readonly recordNo: number;
}

export interface FoundOverlaps {
  readonly found: SurveyOverlaps;
  /** Each pair's two parcels as the notes and the JSON name them. */
  readonly labels: readonly (readonly [string, string])[];
}

export async function overlapsOf(parcels: readonly LabelledParcel[]): Promise<FoundOverlaps> {
  if (parcels.length < 2) return { found: { pairs: [], doubleCountedM2: 0, duplicateM2: 0, overlapM2: 0 }, labels: [] };
  await loadGeos();
  const found = surveyOverlaps(parcels);
  const labels = found.pairs.map(({ a, b }) => {
    const [pa, pb] = [parcels[a] as LabelledParcel, parcels[b] as LabelledParcel];
    // A record stored twice has one TBBH (and often one BSM): the record numbers tell the two apart.
    return pa.label === pb.label ? ([`${pa.label} #${pa.recordNo}`, `${pb.label} #${pb.recordNo}`] as const) : ([pa.label, pb.label] as const);
  });
  return { found, labels };
}

export function overlapMessages(file: string, found: SurveyOverlaps, labels: FoundOverlaps['labels']): Message[] {
  const listed = (duplicate: boolean) => {
    const pairs = found.pairs.flatMap((p, i) => (p.duplicate === duplicate ? [`${labels[i]?.join(' × ')}: ${formatParam('areaM2', p.areaM2)} m²`] : []));
    return { count: pairs.length, pairs: listSome(pairs, LISTED) };
  };
  const messages: Message[] = [];
  if (found.duplicateM2 > 0) messages.push({ key: 'cli.survey.duplicateParcels', params: { file, ...listed(true), areaHa: found.duplicateM2 / M2_PER_HA } });
  if (found.overlapM2 > 0) messages.push({ key: 'cli.survey.overlappingParcels', params: { file, ...listed(false), areaHa: found.overlapM2 / M2_PER_HA } });
  return messages;
}

/** The pairs as the JSON output gives them. */
export function overlapsJson(overlaps: FoundOverlaps): object {
  return { doubleCountedM2: overlaps.found.doubleCountedM2, pairs: overlaps.found.pairs.map((p, i) => ({ parcels: overlaps.labels[i], areaM2: p.areaM2, duplicate: p.duplicate })) };
}
