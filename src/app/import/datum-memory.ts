/**
 * Datum parameters remembered on this machine per county, so a new plan of the same county imports its
 * Xian 1980 / Beijing 1954 data without asking again. Kept in localStorage rather than in the rule
 * profile's overrides: those belong to one plan (plan meta), while parameters belong to the county and
 * must reach plans not made yet. The plan itself keeps its own copy (plan meta `datumParameters`), which
 * comes first. A remembered entry is a convenience: anything unreadable is ignored.
 */
import { LOCAL_DATUMS, readTransformation, withDatumParameters, type DatumParameters, type LocalDatum } from '../../domain/datum-parameters.ts';
import type { PlanMeta } from '../../domain/plan.ts';

export const DATUM_MEMORY_KEY = 'village-plan.datum-parameters.v1';

type Remembered = Record<string, unknown>;

/** The county of a plan: the first six digits of its village code (行政区代码), else its county name. */
export function countyKey(meta: Pick<PlanMeta, 'villageCode' | 'county'>): string | null {
  if (/^\d{6}/.test(meta.villageCode)) return meta.villageCode.slice(0, 6);
  return meta.county.trim() || null;
}

function readAll(storage: Storage | undefined): Remembered {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(DATUM_MEMORY_KEY) ?? 'null');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Remembered) : {};
  } catch {
    return {};
  }
}

export function rememberedParameters(storage: Storage | undefined, county: string | null): DatumParameters[] {
  if (!county) return [];
  const entry = readAll(storage)[county];
  if (!entry || typeof entry !== 'object') return [];
  return LOCAL_DATUMS.flatMap((datum: LocalDatum) => {
    const transformation = readTransformation((entry as Record<string, unknown>)[datum]);
    return transformation ? [{ datum, transformation }] : [];
  });
}

export function rememberParameters(storage: Storage | undefined, county: string | null, parameters: DatumParameters): void {
  if (!county || !storage) return;
  const all = readAll(storage);
  const entry = all[county] && typeof all[county] === 'object' ? (all[county] as Record<string, unknown>) : {};
  all[county] = { ...entry, [parameters.datum]: parameters.transformation };
  try {
    storage.setItem(DATUM_MEMORY_KEY, JSON.stringify(all));
  } catch {
    // A full or blocked storage only costs the planner typing the parameters again next time.
  }
}

/** What an import starts with: the plan's own parameters, then those remembered for its county. */
export function knownParameters(storage: Storage | undefined, meta: PlanMeta): DatumParameters[] {
  let known = rememberedParameters(storage, countyKey(meta));
  for (const own of meta.datumParameters) known = withDatumParameters(known, own);
  return known;
}
