/**
 * Signed edge counts summed along one line: the heart of the tolerant balance. Edges that lie on one line
 * (within the tolerance) each cover an interval of it with a signed count; where the sum is not zero for
 * longer than the tolerance, the coverage really is unbalanced there. A T-junction (one long boundary edge
 * against three parcel edges along it) sums to zero everywhere; a vertex moved 0.3 mm leaves a non-zero
 * stretch 0.3 mm long, which is dropped.
 */

export interface SignedInterval {
  readonly from: number;
  readonly to: number;
  /** Net count over [from, to], walked from `from` to `to`. */
  readonly count: number;
}

export interface Piece {
  readonly from: number;
  readonly to: number;
}

/**
 * The stretches where the intervals' counts do not sum to zero, adjacent non-zero stretches joined (so
 * several jittered vertices in a row cannot hide a real imbalance by splitting it), kept when longer than
 * `minLength`. Intervals may be given in either direction: [to, from] counts with the opposite sign.
 */
export function unbalancedPieces(intervals: readonly SignedInterval[], minLength: number): Piece[] {
  const events: { t: number; delta: number }[] = [];
  for (const { from, to, count } of intervals) {
    if (from === to || count === 0) continue;
    const [lo, hi, signed] = from < to ? [from, to, count] : [to, from, -count];
    events.push({ t: lo, delta: signed }, { t: hi, delta: -signed });
  }
  events.sort((a, b) => a.t - b.t);
  const pieces: Piece[] = [];
  let sum = 0;
  let start: number | null = null;
  for (let i = 0; i < events.length; ) {
    const t = (events[i] as { t: number }).t;
    while (i < events.length && (events[i] as { t: number }).t === t) sum += (events[i++] as { delta: number }).delta;
    if (sum !== 0 && start === null) start = t;
    else if (sum === 0 && start !== null) {
      if (t - start > minLength) pieces.push({ from: start, to: t });
      start = null;
    }
  }
  return pieces;
}
