/**
 * The codes a derived piece carries in the deliverable layers (domain.md §3.2): 规划用途 GHYTDM with its X/G/N
 * prefix, and the township-plan code GHYTBM of new construction.
 */
import type { PbfType } from './codes.ts';
import { isConstructionLand, isCultivatedLand, type LandClassCode } from './land-classes.ts';
import type { ChangeLayerId } from './layers.ts';

/** Codes that exist with a `G` prefix (new or protected use); 32 has only `X32`. */
const G_CODES: ReadonlySet<string> = new Set(['12', '131', '132', '151', '152', '153', '154', '155', '211', '2121', '2122', '2123', '2124', '2125', '2126', '213', '221', '226', '231', '232', '31']);

/** GHYTBM of new construction (domain.md §3.2). */
const GHYTBM: Readonly<Record<string, string>> = {
  '211': 'D1',
  '2121': 'D21',
  '2122': 'D22',
  '2123': 'D23',
  '2124': 'D24',
  '2125': 'D25',
  '2126': 'D26',
  '213': 'D3',
  '221': 'D5',
  '226': 'D10',
  '231': 'D12',
  '232': 'D13',
};

export interface CodeInput {
  readonly baseClass: LandClassCode;
  readonly targetClass: LandClassCode;
  readonly change: ChangeLayerId | null;
  readonly pbf: PbfType | null;
}

/**
 * GHYTDM of one piece. Demolition keeps the base code (`X2…`: still construction land until actually
 * demolished, seed §八); cultivated land under permanent basic farmland is G111/G112, other cultivated land
 * N111, or N112 where a change creates it; any other change is `G` + the new code; the rest is `X` + code.
 */
export function ghytCode({ baseClass, targetClass, change, pbf }: CodeInput): string {
  if (change === 'demolition') return `X${baseClass}`;
  const cls = change ? targetClass : baseClass;
  if (isCultivatedLand(cls)) {
    if (pbf) return pbf;
    return change && !isCultivatedLand(baseClass) ? 'N112' : 'N111';
  }
  if (change && G_CODES.has(cls)) return `G${cls}`;
  return `X${cls}`;
}

/** GHYTBM: the township code of land that becomes construction land here; null otherwise. */
export function ghytbmCode({ baseClass, targetClass, change }: CodeInput): string | null {
  if (!change || change === 'demolition' || !isConstructionLand(targetClass) || isConstructionLand(baseClass)) return null;
  return GHYTBM[targetClass] ?? null;
}
