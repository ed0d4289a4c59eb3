/**
 * Identifiers for parcels an edit adds to GHDLTB: the BSM after the highest the village's XZQDM has in the
 * layer (layers.ts `bsm()`), and the TBBH after the highest numeric one, so a new parcel never takes an
 * existing parcel's identity, and the ref the readers would give it (`GHDLTB#<BSM>`).
 */
import { failure, success, type Result } from '../../domain/message.ts';
import { bsm } from '../../profiles/zhejiang-2026/layers.ts';
import type { VillageFeature } from '../../profiles/zhejiang-2026/village-database.ts';

export interface ParcelIds {
  readonly ref: string;
  readonly BSM: string;
  readonly TBBH: string;
}

const XZQDM_LENGTH = 12;

function highest(values: readonly number[]): number {
  return values.reduce((max, value) => Math.max(max, value), 0);
}

/** `count` new parcels' identifiers; refused without the village's XZQDM or when its 8-digit sequence is used up. */
export function newParcelIds(features: readonly VillageFeature[], xzqdm: string | null, count: number): Result<ParcelIds[]> {
  if (count === 0) return success([]);
  if (xzqdm === null) return failure('databaseEdit.drawOverPlan.noXzqdm');
  const text = (value: unknown) => String(value ?? '').trim();
  const sequences = features.flatMap((f) => {
    const value = text(f.properties.BSM);
    return /^\d{20}$/.test(value) && value.startsWith(xzqdm) ? [Number(value.slice(XZQDM_LENGTH))] : [];
  });
  const numbers = features.flatMap((f) => (/^\d+$/.test(text(f.properties.TBBH)) ? [Number(text(f.properties.TBBH))] : []));
  const [lastSequence, lastNumber] = [highest(sequences), highest(numbers)];
  const ids: ParcelIds[] = [];
  for (let k = 1; k <= count; k++) {
    const made = bsm(xzqdm, lastSequence + k);
    if (!made.ok) return failure('databaseEdit.drawOverPlan.bsmUsedUp', { xzqdm });
    ids.push({ ref: `GHDLTB#${made.value}`, BSM: made.value, TBBH: String(lastNumber + k) });
  }
  return success(ids);
}
