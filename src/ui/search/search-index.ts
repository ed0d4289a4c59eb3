/**
 * Feature search across layers: by number (图斑编号 parcelNo, or the package's BSM as `JQDLTB#12` / `BSM 12`),
 * by name, by class (code or name, Chinese or English) or by owner (权属单位). Pure (no DOM, no React).
 *
 * The index is built lazily, the first time a search runs, and kept per layer record: a plan's layer
 * records are shared between versions until a patch touches them, so after an edit only the touched layers
 * are listed again, and even then each unchanged feature's entry is reused (kept per feature object).
 * Matching is a scan of one prepared lowercase string per feature: ~20,000 parcels take a few milliseconds.
 */
import { featureTag, type FeatureTag } from '../../commands/step-subject.ts';
import type { PlanFeature } from '../../domain/features.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { LAYER_IDS, LAYERS, type LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import type { Plan } from '../../domain/plan.ts';
import { codeLabels } from '../../i18n/code-labels.ts';

export type FieldKind = 'number' | 'name' | 'class' | 'owner' | 'note';

export interface SearchField {
  readonly kind: FieldKind;
  /** As the data has it, to show. */
  readonly text: string;
  /** Normalised for matching. */
  readonly match: string;
}

interface FeatureEntry {
  readonly tag: FeatureTag;
  readonly fields: readonly SearchField[];
  /** All fields' `match` joined: one `includes` per query word decides whether the feature can match. */
  readonly haystack: string;
  /** i18n key of the feature's class or type, to show beside its name. */
  readonly classKey?: string;
  readonly owner?: string;
}

export interface SearchEntry extends FeatureEntry {
  readonly layer: LayerId;
  readonly id: FeatureId;
  /** 1-based place in its layer: the BSM the delivery package gives it. */
  readonly bsm: number;
}

export interface SearchHit {
  readonly entry: SearchEntry;
  /** The field that matched best. */
  readonly field: SearchField;
  /** Lower is better. */
  readonly score: number;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** How many features match in all (the hits are the best `limit` of them). */
  readonly total: number;
}

export function normaliseQuery(text: string): string {
  // Plain ASCII (most parcel numbers and codes) needs no Unicode normalisation, which costs most here.
  const folded = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Owner names and class names repeat across thousands of parcels: each is normalised once. */
const normalised = new Map<string, string>();
function matchText(text: string): string {
  let found = normalised.get(text);
  if (found === undefined) {
    found = normaliseQuery(text);
    if (normalised.size > 50_000) normalised.clear();
    normalised.set(text, found);
  }
  return found;
}

let labels: { zh: Record<string, string>; en: Record<string, string> } | null = null;
function classNames(key: string): string[] {
  labels ??= { zh: codeLabels('zh-CN'), en: codeLabels('en') };
  return [labels.zh[key], labels.en[key]].filter((n): n is string => !!n);
}

function field(kind: FieldKind, text: string | null | undefined): SearchField[] {
  return text ? [{ kind, text, match: matchText(text) }] : [];
}

/** A class or type: its code and its names, each matchable (made once per class, shared by its features). */
const codedFields = new Map<string, SearchField[]>();
function coded(key: string, code: string | null | undefined): SearchField[] {
  if (!code) return [];
  let fields = codedFields.get(key);
  if (!fields) {
    fields = [...field('class', code), ...classNames(key).flatMap((name) => field('class', name))];
    codedFields.set(key, fields);
  }
  return fields;
}

function fieldsOf(feature: PlanFeature): { fields: SearchField[]; classKey?: string; owner?: string } {
  switch (feature.layer) {
    case 'base': {
      const p = feature.properties;
      const classKey = `landClass.${p.classCode}`;
      const owner = p.ownerName ?? undefined;
      return {
        fields: [...field('number', p.parcelNo), ...coded(classKey, p.classCode), ...field('owner', p.ownerName), ...field('owner', p.ownerCode)],
        classKey,
        ...(owner ? { owner } : {}),
      };
    }
    case 'demolition': {
      const p = feature.properties;
      const classKey = `landClass.${p.restorationUse}`;
      return { fields: [...field('number', p.parcelNo), ...coded(classKey, p.restorationUse), ...field('note', p.note)], classKey };
    }
    case 'newBuild': {
      const p = feature.properties;
      const classKey = `landClass.${p.useCode}`;
      return { fields: [...field('number', p.parcelNo), ...coded(classKey, p.useCode), ...field('note', p.note)], classKey };
    }
    case 'useChange': {
      const p = feature.properties;
      const classKey = `landClass.${p.targetCode}`;
      return { fields: [...field('number', p.parcelNo), ...coded(classKey, p.targetCode), ...field('note', p.note)], classKey };
    }
    case 'boundary':
      return { fields: [...field('name', feature.properties.villageName), ...field('number', feature.properties.villageCode)] };
    case 'redline':
    case 'places':
      return { fields: field('name', feature.properties.name) };
    case 'feedback':
      return { fields: [...field('name', feature.properties.comment), ...field('owner', feature.properties.author)] };
    default: {
      const tag = featureTag(feature);
      const code = tag.codeKey?.split('.').at(-1);
      const note = 'note' in feature.properties ? feature.properties.note : null;
      return { fields: [...(tag.codeKey ? coded(tag.codeKey, code) : []), ...field('note', note)], ...(tag.codeKey ? { classKey: tag.codeKey } : {}) };
    }
  }
}

const byFeature = new WeakMap<PlanFeature, FeatureEntry>();
function featureEntry(feature: PlanFeature): FeatureEntry {
  let entry = byFeature.get(feature);
  if (!entry) {
    const { fields, classKey, owner } = fieldsOf(feature);
    entry = { tag: featureTag(feature), fields, haystack: fields.map((f) => f.match).join('\u0001'), ...(classKey ? { classKey } : {}), ...(owner ? { owner } : {}) };
    byFeature.set(feature, entry);
  }
  return entry;
}

const byRecord = new WeakMap<object, readonly SearchEntry[]>();
function layerEntries(plan: Plan, layer: LayerId): readonly SearchEntry[] {
  const record = plan.layers[layer] as Readonly<Record<FeatureId, PlanFeature>>;
  let entries = byRecord.get(record);
  if (!entries) {
    entries = Object.values(record).map((feature, i) => ({ ...featureEntry(feature), layer, id: feature.id, bsm: i + 1 }));
    byRecord.set(record, entries);
  }
  return entries;
}

/** Lists every layer's entries now (when the search opens), so the first word typed finds them ready. */
export function warmSearchIndex(plan: Plan): void {
  for (const layer of LAYER_IDS) layerEntries(plan, layer);
}

/** The planner's own layers first (their numbers are what a planner looks for most), then the survey. */
const LAYER_PRIORITY: readonly LayerId[] = [
  ...LAYER_IDS.filter((id) => LAYERS[id].kind === 'drawn'),
  ...LAYER_IDS.filter((id) => LAYERS[id].kind !== 'drawn'),
];

const FIELD_RANK: Readonly<Record<FieldKind, number>> = { number: 0, name: 1, class: 2, owner: 3, note: 4 };

/** `JQDLTB#12`: a feature as the delivery package names it. `BSM 12` / `#12`: that place in any delivered layer. */
function bsmQuery(query: string): { layers: readonly LayerId[]; bsm: number } | null {
  const ref = /^([a-z]{2,10})#(\d+)$/.exec(query);
  if (ref) {
    const layer = LAYER_IDS.find((id) => LAYERS[id].deliverable?.toLowerCase() === ref[1]);
    return layer ? { layers: [layer], bsm: Number(ref[2]) } : null;
  }
  const plain = /^(?:bsm\s*[:=]?\s*|#)(\d+)$/.exec(query);
  if (plain) return { layers: LAYER_PRIORITY.filter((id) => LAYERS[id].deliverable), bsm: Number(plain[1]) };
  return null;
}

function bsmField(entry: SearchEntry): SearchField {
  const name = LAYERS[entry.layer].deliverable ?? 'BSM';
  const text = `${name}#${entry.bsm}`;
  return { kind: 'number', text, match: text.toLowerCase() };
}

/** Scores one word against a field: exact, then prefix, then anywhere; numbers before names before classes. */
function wordScore(word: string, f: SearchField): number {
  const at = f.match.indexOf(word);
  if (at < 0) return Infinity;
  const how = f.match.length === word.length ? 0 : at === 0 ? 10 : 20;
  return how + FIELD_RANK[f.kind];
}

export function searchFeatures(plan: Plan, text: string, limit = 50): SearchResult {
  const query = normaliseQuery(text);
  if (!query) return { hits: [], total: 0 };
  const hits: SearchHit[] = [];

  const bsm = bsmQuery(query);
  if (bsm) {
    for (const layer of bsm.layers) {
      const entry = layerEntries(plan, layer)[bsm.bsm - 1];
      if (entry) hits.push({ entry, field: bsmField(entry), score: 0 });
    }
  }

  const words = query.split(' ');
  for (const layer of LAYER_PRIORITY) {
    for (const entry of layerEntries(plan, layer)) {
      if (!words.every((w) => entry.haystack.includes(w))) continue;
      let score = 0;
      let best: SearchField | undefined;
      let bestScore = Infinity;
      for (const word of words) {
        let wordBest = Infinity;
        for (const f of entry.fields) {
          const s = wordScore(word, f);
          if (s < wordBest) wordBest = s;
          if (s < bestScore) {
            bestScore = s;
            best = f;
          }
        }
        // A word found only across two fields' joint (the haystack's separator never matches): no match.
        if (wordBest === Infinity) {
          score = Infinity;
          break;
        }
        score += wordBest;
      }
      if (score === Infinity || !best) continue;
      hits.push({ entry, field: best, score });
    }
  }
  return { hits: topHits(hits, limit), total: hits.length };
}

const LAYER_RANK = new Map(LAYER_PRIORITY.map((id, i) => [id, i]));

/**
 * The best `limit` hits in order: by score, then layer, then number in natural order. Thousands of parcels
 * match "1": they are grouped by score and layer, and only the groups that reach the list are sorted.
 */
function topHits(hits: readonly SearchHit[], limit: number): SearchHit[] {
  const groups = new Map<number, SearchHit[]>();
  for (const hit of hits) {
    const key = hit.score * 100 + (LAYER_RANK.get(hit.entry.layer) ?? 0);
    const group = groups.get(key);
    if (group) group.push(hit);
    else groups.set(key, [hit]);
  }
  const label = (hit: SearchHit) => hit.entry.tag.number ?? hit.entry.tag.name ?? '';
  const out: SearchHit[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    if (out.length >= limit) break;
    const group = groups.get(key) as SearchHit[];
    group.sort((a, b) => {
      const [la, lb] = [label(a), label(b)];
      return la.length - lb.length || (la < lb ? -1 : la > lb ? 1 : 0);
    });
    out.push(...group.slice(0, limit - out.length));
  }
  return out;
}
