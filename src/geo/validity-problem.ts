/** What geometry validation reports (geo/validity.ts, its ring nesting in validity-nesting.ts): the kinds of problem and where each lies. */
import type { Position } from 'geojson';

export const VALIDITY_KINDS = [
  'nonFinite',
  'tooFewPositions',
  'unclosedRing',
  'selfIntersection',
  'selfTouch',
  'ringsCross',
  'holeOutsideShell',
  'zeroArea',
  'duplicateConsecutive',
] as const;
export type ValidityKind = (typeof VALIDITY_KINDS)[number];

export interface RingAddress {
  readonly polygonIndex: number;
  readonly ringIndex: number;
}

export interface ValidityProblem extends RingAddress {
  readonly kind: ValidityKind;
  /** 'info' only for duplicateConsecutive: harmless, cleaned on save. */
  readonly severity: 'error' | 'info';
  /** Where to show it: the crossing or touching point, the repeated vertex. */
  readonly at?: Position;
  /** The second ring of a two-ring problem (ringsCross, holeOutsideShell of a nested hole). */
  readonly other?: RingAddress;
}
