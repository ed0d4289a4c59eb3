/**
 * The 行政村 a survey layer's parcels lie in. A county or township export holds many villages; a table filled
 * from it without noticing is the township's, not the village's. The village is read from the parcel's
 * 坐落单位代码 (ZLDWDM, 19 digits: the 12-digit 行政村 code, then the 村民小组), not from the owner
 * (QSDWDM: state land and another village's land lie in the village too).
 */

/** County 6 + town 3 + village 3 digits; the rest of a ZLDWDM names a 村民小组. */
const VILLAGE_CODE_LENGTH = 12;

export interface LocatedParcel {
  /** ZLDWDM as text; a numeric field's value as JavaScript writes it (its first 12 digits survive a double). */
  readonly locationCode: string | null;
  readonly locationName: string | null;
}

export interface VillageParcels {
  readonly code: string;
  /** The name most of its parcels give (ZLDWMC names the 村民小组 where the code does). */
  readonly name: string;
  readonly count: number;
}

/** The 行政村 a 坐落单位代码 names: its first 12 digits. */
export function villageCodeOf(locationCode: string): string {
  return locationCode.slice(0, VILLAGE_CODE_LENGTH);
}

/** The villages of the parcels that name one, in code order. */
export function villagesOf(parcels: readonly LocatedParcel[]): VillageParcels[] {
  const villages = new Map<string, { count: number; names: Map<string, number> }>();
  for (const { locationCode, locationName } of parcels) {
    if (locationCode === null) continue;
    const code = villageCodeOf(locationCode);
    const village = villages.get(code) ?? { count: 0, names: new Map<string, number>() };
    village.count++;
    if (locationName !== null) village.names.set(locationName, (village.names.get(locationName) ?? 0) + 1);
    villages.set(code, village);
  }
  return [...villages]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, v]) => ({ code, name: [...v.names].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '', count: v.count }));
}
