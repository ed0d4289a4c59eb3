/**
 * The village survey area (CJDCQ) as this village's own rows. A CJDCQ cut from the township's layer often
 * keeps a neighbouring village's row; read whole, it made the neighbour's land a gap in every partition
 * layer (222 公顷 three times on the sample village) and broke the totals. This village is the code most
 * base parcels' ZLDWDM start with (12 digits); rows of another code are set aside, with a note naming them,
 * when a row has this village's code. Rows without a code stay: nothing says they are another village's.
 */
import type { VillageDatabase, VillageFeature, VillageLayer, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { listSome, type Message, type Result } from '../result.ts';
import { majority } from '../../domain/lists.ts';

const VILLAGE_CODE = /^\d{12}/;
const MAX_LISTED = 5;

const codeOf = (feature: VillageFeature): string | undefined => VILLAGE_CODE.exec(String(feature.properties['ZLDWDM'] ?? '').trim())?.[0];

export function withOwnSurveyArea(layers: Partial<Record<VillageLayerName, VillageLayer>>): { readonly layers: Partial<Record<VillageLayerName, VillageLayer>>; readonly note: Message | null } {
  const surveyArea = layers.CJDCQ;
  if (!surveyArea) return { layers, note: null };
  const village = majority((layers.JQDLTB?.features ?? []).map(codeOf));
  if (village === null || !surveyArea.features.some((f) => codeOf(f) === village)) return { layers, note: null };
  const others = surveyArea.features.filter((f) => codeOf(f) !== undefined && codeOf(f) !== village);
  if (others.length === 0) return { layers, note: null };
  const own = surveyArea.features.filter((f) => !others.includes(f));
  const list = listSome(others.map((f) => `${f.ref} ${String(f.properties['ZLDWDM'] ?? '').trim()} ${String(f.properties['ZLDWMC'] ?? '').trim()}`.trim()), MAX_LISTED);
  return {
    layers: { ...layers, CJDCQ: { ...surveyArea, features: own } },
    note: { key: 'cli.village.otherVillagesSurveyArea', params: { file: surveyArea.file, count: others.length, list, code: village } },
  };
}

/** A database read from a file (`.database.json`) with its survey area as this village's rows, the note added. */
export function databaseWithOwnSurveyArea(read: Result<VillageDatabase>): Result<VillageDatabase> {
  if (!read.ok) return read;
  const own = withOwnSurveyArea(read.value.layers);
  return own.note ? { ok: true, value: { ...read.value, layers: own.layers }, notes: [...read.notes, own.note] } : read;
}
