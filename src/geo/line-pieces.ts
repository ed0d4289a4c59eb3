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
  /**
   * How far (m, signed) the edge lies off the line at `from` and at `to`, and where its GK chord lies at its
   * middle across the line from its lon/lat chord (its two chords meet at its ends; the bend is quadratic).
   * Where the edges over the same stretch lie further apart than the tolerance, read as lon/lat chords and
   * read as GK chords alike, they do not cancel there. Without them, offsets are not compared.
   */
  readonly offsetFrom?: number;
  readonly offsetTo?: number;
  readonly bend?: number;
}

export interface Piece {
  readonly from: number;
  readonly to: number;
}

/**
 * The stretches where the intervals' counts do not sum to zero, or where the intervals over them lie
 * further apart across the line than `minLength` (see `readingOf`): a wedge-shaped gap 0 to 2.5 mm wide
 * between a parcel's slanted edge and its neighbours' edges sums to zero along the line all the same.
 * Adjacent such stretches are joined (so several jittered vertices in a row cannot hide a real imbalance
 * by splitting it), and kept when longer than `minLength`. Intervals may be given in either direction:
 * [to, from] counts with the opposite sign.
 */
export function unbalancedPieces(intervals: readonly SignedInterval[], minLength: number): Piece[] {
  const events: { t: number; delta: number; index: number }[] = [];
  intervals.forEach(({ from, to, count }, index) => {
    if (from === to || count === 0) return;
    const [lo, hi, signed] = from < to ? [from, to, count] : [to, from, -count];
    events.push({ t: lo, delta: signed, index }, { t: hi, delta: -signed, index: ~index });
  });
  events.sort((a, b) => a.t - b.t);
  const active = new Set<number>();
  const stretches: Stretch[] = [];
  let sum = 0;
  for (let i = 0; i < events.length; ) {
    const t = (events[i] as { t: number }).t;
    for (; i < events.length && (events[i] as { t: number }).t === t; i++) {
      const event = events[i] as { delta: number; index: number };
      sum += event.delta;
      if (event.index >= 0) active.add(event.index);
      else active.delete(~event.index);
    }
    if (i === events.length) break;
    const next = (events[i] as { t: number }).t;
    stretches.push({ from: t, to: next, unbalanced: sum !== 0, ends: [spreadAt(intervals, active, t), spreadAt(intervals, active, next)] });
  }
  const reading = readingOf(stretches, minLength);
  const apart = (s: Stretch) => s.ends.some(({ lonLat, gk }) => (reading === 'gk' ? gk : reading === 'lonLat' ? lonLat : Math.min(lonLat, gk)) > minLength);
  const pieces: Piece[] = [];
  let start: number | null = null;
  for (const stretch of stretches) {
    const open = stretch.unbalanced || apart(stretch);
    if (open && start === null) start = stretch.from;
    else if (!open && start !== null) {
      if (stretch.from - start > minLength) pieces.push({ from: start, to: stretch.from });
      start = null;
    }
  }
  const end = stretches[stretches.length - 1]?.to;
  if (start !== null && end !== undefined && end - start > minLength) pieces.push({ from: start, to: end });
  return pieces;
}

/** An elementary stretch of the line (no interval starts or ends inside it). */
interface Stretch {
  readonly from: number;
  readonly to: number;
  readonly unbalanced: boolean;
  /** How far apart across the line the intervals over it lie at its two ends. */
  readonly ends: readonly [Spread, Spread];
}

/** How far apart across the line the intervals lie at one place, read as lon/lat chords and as GK chords (m). */
interface Spread {
  readonly lonLat: number;
  readonly gk: number;
}

const NO_SPREAD: Spread = { lonLat: 0, gk: 0 };

function spreadAt(intervals: readonly SignedInterval[], active: ReadonlySet<number>, t: number): Spread {
  if (active.size < 2) return NO_SPREAD;
  let low = Infinity;
  let high = -Infinity;
  let lowGk = Infinity;
  let highGk = -Infinity;
  for (const k of active) {
    const { from, to, offsetFrom, offsetTo, bend = 0 } = intervals[k] as SignedInterval;
    if (offsetFrom === undefined || offsetTo === undefined) return NO_SPREAD;
    const u = (t - from) / (to - from);
    const offset = offsetFrom + (offsetTo - offsetFrom) * u;
    const gk = offset + 4 * bend * u * (1 - u);
    low = Math.min(low, offset);
    high = Math.max(high, offset);
    lowGk = Math.min(lowGk, gk);
    highGk = Math.max(highGk, gk);
  }
  return { lonLat: high - low, gk: highGk - lowGk };
}

/**
 * Which chords the line's edges are: survey data is straight in the GK plane, data drawn or clipped in
 * lon/lat straight there, and a 300 m east–west edge's two chords lie 1 mm apart at its middle (4 mm for
 * 600 m). The places where the edges meet within the tolerance read either way tell (a T-junction vertex
 * lies on one chord of the edge it meets, off the other): 'gk' or 'lonLat' when they fit one reading better
 * by a tenth of the tolerance on average, else 'either', and edges lie apart only where they do in both
 * readings. Reading every line both ways at once took a 1.5 mm gap along the middle of a 300 m road, whose
 * other vertices all lie on its GK chord, for a misfit, as 1.5 mm less the 1 mm bend.
 */
function readingOf(stretches: readonly Stretch[], tolerance: number): 'gk' | 'lonLat' | 'either' {
  let places = 0;
  let lonLat = 0;
  let gk = 0;
  for (const stretch of stretches) {
    for (const spread of stretch.ends) {
      if (spread === NO_SPREAD || spread.lonLat > tolerance || spread.gk > tolerance) continue;
      places++;
      lonLat += spread.lonLat;
      gk += spread.gk;
    }
  }
  if (places === 0 || Math.abs(lonLat - gk) <= 0.1 * tolerance * places) return 'either';
  return gk < lonLat ? 'gk' : 'lonLat';
}
