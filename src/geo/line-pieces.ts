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
  const events: Event[] = [];
  intervals.forEach(({ from, to, count }, index) => {
    if (from === to || count === 0) return;
    const [lo, hi, signed] = from < to ? [from, to, count] : [to, from, -count];
    events.push({ t: lo, delta: signed, index }, { t: hi, delta: -signed, index: ~index });
  });
  events.sort((a, b) => a.t - b.t);
  const open = new OpenStretches(minLength);
  // Offsets across the line matter only where the intervals can lie further apart than `minLength` in some
  // reading: most groups (an edge alone, a shared edge's two copies a fraction of a millimetre apart) cannot,
  // and are walked once by their counts, without a stretch kept.
  if (widestSpread(intervals) <= minLength) {
    walkStretches(events, () => {}, (from, to, sum) => open.add(from, to, sum !== 0));
    return open.pieces();
  }
  const active = new Set<number>();
  const stretches: Stretch[] = [];
  walkStretches(
    events,
    (index) => (index >= 0 ? active.add(index) : active.delete(~index)),
    (from, to, sum) => stretches.push({ from, to, unbalanced: sum !== 0, ends: [spreadAt(intervals, active, from), spreadAt(intervals, active, to)] }),
  );
  const reading = readingOf(stretches, minLength);
  const apart = (s: Stretch) => s.ends.some(({ lonLat, gk }) => (reading === 'gk' ? gk : reading === 'lonLat' ? lonLat : Math.min(lonLat, gk)) > minLength);
  for (const stretch of stretches) open.add(stretch.from, stretch.to, stretch.unbalanced || apart(stretch));
  return open.pieces();
}

/** An interval's start (`index`) or end (`~index`) at `t`, with its signed count. */
interface Event {
  readonly t: number;
  readonly delta: number;
  readonly index: number;
}

/** Calls `onEvent` for each event in order and `onStretch` for each stretch between two places events are at, with the count summed over it. */
function walkStretches(events: readonly Event[], onEvent: (index: number) => void, onStretch: (from: number, to: number, sum: number) => void): void {
  let sum = 0;
  for (let i = 0; i < events.length; ) {
    const t = (events[i] as Event).t;
    for (; i < events.length && (events[i] as Event).t === t; i++) {
      sum += (events[i] as Event).delta;
      onEvent((events[i] as Event).index);
    }
    if (i < events.length) onStretch(t, (events[i] as Event).t, sum);
  }
}

/** Stretches given in order along the line, adjacent open ones joined; the joined ones longer than `minLength` kept. */
class OpenStretches {
  private readonly kept: Piece[] = [];
  private start: number | null = null;
  private end = 0;

  constructor(private readonly minLength: number) {}

  add(from: number, to: number, open: boolean): void {
    if (open && this.start === null) this.start = from;
    else if (!open && this.start !== null) this.close(from);
    this.end = to;
  }

  pieces(): Piece[] {
    if (this.start !== null) this.close(this.end);
    return this.kept;
  }

  private close(at: number): void {
    if (at - (this.start as number) > this.minLength) this.kept.push({ from: this.start as number, to: at });
    this.start = null;
  }
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

/**
 * A bound on how far apart across the line any two intervals can lie, in either reading (m): the range of
 * their offsets, widened by their GK chords' bends (each at most its bend off its lon/lat chord). 0 without offsets.
 */
function widestSpread(intervals: readonly SignedInterval[]): number {
  let low = Infinity;
  let high = -Infinity;
  for (const { offsetFrom, offsetTo, bend = 0 } of intervals) {
    if (offsetFrom === undefined || offsetTo === undefined) return 0;
    low = Math.min(low, offsetFrom + Math.min(0, bend), offsetTo + Math.min(0, bend));
    high = Math.max(high, offsetFrom + Math.max(0, bend), offsetTo + Math.max(0, bend));
  }
  return high > low ? high - low : 0;
}

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
