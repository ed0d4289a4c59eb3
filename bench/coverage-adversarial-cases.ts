/**
 * Coverages shaped like real data that our generator never makes, for `bench/coverage-adversarial.ts`:
 * hand-made cases (holes filled by islands, bow-ties, multipart parcels, ditch edges 0.9 / 1.1 / 2 mm wide and
 * 200 m long, wedges, roads with T-junctions, boundaries densified differently, a 6 km boundary edge, parcels
 * over the boundary, duplicates, spikes, ring-shaped gaps) and seeded ones (rows of parcels with T-junctions
 * everywhere, roads, ±0.3 mm jitter, gaps / overlaps / wedges 0.5–20 mm planted on inner edges). Built in
 * metres and made lon/lat by unprojecting every vertex from GK zone 40, so every edge is straight in the GK
 * plane, as a survey's are (`LONLAT=1`: straight in lon/lat instead).
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { metresPerDegree } from '../src/geo/local-metric.ts';
import { fromGaussKruger, toGaussKruger } from '../src/geo/projection.ts';

export const ORIGIN: Position = [120.31, 30.12];
export const CRS = { zone: 40, zonePrefix: false } as const;
const [GX, GY] = toGaussKruger(ORIGIN, CRS);
const PER_DEGREE = metresPerDegree(ORIGIN[1] as number);

type Ring = [number, number][];
export type Outline = Polygon | MultiPolygon;
export interface AdversarialCase {
  readonly name: string;
  readonly village: Outline;
  readonly parcels: Readonly<Record<string, Outline>>;
  /** What was planted, in words and hand-worked figures. */
  readonly note?: string;
}

/** Metres east and north of ORIGIN (GK offsets, or local lon/lat metres with LONLAT=1) to lon/lat. */
function lonLat([x, y]: [number, number]): Position {
  if (process.env.LONLAT) return [(ORIGIN[0] as number) + x / PER_DEGREE.x, (ORIGIN[1] as number) + y / PER_DEGREE.y];
  return fromGaussKruger([GX + x, GY + y], CRS);
}

/** A lon/lat position back to metres east and north of ORIGIN in GK, for saying where a finding is. */
export function metresOf(p: Position): [number, number] {
  const [x, y] = toGaussKruger(p, CRS);
  return [x - GX, y - GY];
}

const closed = (r: Ring): Position[] => [...r, r[0] as [number, number]].map(lonLat);
const poly = (...rings: Ring[]): Polygon => ({ type: 'Polygon', coordinates: rings.map(closed) });
const multi = (...polygons: Ring[][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: polygons.map((rings) => rings.map(closed)) });
const box = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
const reversed = (r: Ring): Ring => [...r].reverse();
const circle = (cx: number, cy: number, radius: number, n: number): Ring => Array.from({ length: n }, (_, i) => [cx + radius * Math.cos((2 * Math.PI * i) / n), cy + radius * Math.sin((2 * Math.PI * i) / n)]);

/** A seeded generator in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** Every vertex moved independently by up to ±`metres` on each axis. */
const jitter = (next: () => number, metres = 0.0003) => (r: Ring): Ring => r.map(([x, y]) => [x + (next() * 2 - 1) * metres, y + (next() * 2 - 1) * metres]);

export function handMadeCases(): AdversarialCase[] {
  const out: AdversarialCase[] = [];
  const square = poly(box(0, 0, 100, 100));
  const holed = poly(box(0, 0, 100, 100), reversed(box(40, 40, 60, 60)));
  const moved = jitter(random(11));
  out.push({ name: 'hole filled by an island', village: square, parcels: { a: holed, b: poly(box(40, 40, 60, 60)) } });
  out.push({ name: 'hole filled by an island moved ±0.3 mm', village: square, parcels: { a: holed, b: poly(moved(box(40, 40, 60, 60))) } });
  out.push({ name: 'round hole, 64 vertices, island moved ±0.3 mm', village: square, parcels: { a: poly(box(0, 0, 100, 100), reversed(circle(50, 50, 20, 64))), b: poly(moved(circle(50, 50, 20, 64))) } });
  out.push({ name: 'bow-tie multipolygon', village: square, parcels: { x: multi([box(0, 0, 50, 50)], [box(50, 50, 100, 100)]), y: poly(box(0, 50, 50, 100)), z: poly(box(50, 0, 100, 50)) } });
  out.push({
    name: 'four parcels meeting at a point moved 0.3 mm differently in each',
    village: square,
    parcels: {
      sw: poly([[0, 0], [50, 0], [50.0003, 50.0003], [0, 50]]),
      ne: poly([[49.9997, 49.9997], [100, 50], [100, 100], [50, 100]]),
      nw: poly([[0, 50], [50.0003, 49.9997], [50, 100], [0, 100]]),
      se: poly([[50, 0], [100, 0], [100, 50], [49.9997, 50.0003]]),
    },
  });
  out.push({ name: 'bow-tie gap', village: square, parcels: { w: poly([[0, 0], [40, 0], [50, 50], [40, 100], [0, 100]]), e: poly([[60, 0], [100, 0], [100, 100], [60, 100], [50, 50]]) }, note: 'two triangles of 500 m² touching at a point' });
  out.push({ name: 'multipolygon parcels, one filling another’s hole', village: square, parcels: { m: multi([box(0, 0, 30, 100)], [box(70, 0, 100, 100)]), c: poly(box(30, 0, 70, 100), reversed(box(45, 45, 55, 55))), i: multi([box(45, 45, 55, 55)]) } });
  out.push({ name: 'multipolygon 5 mm over one neighbour, 2 mm short of it elsewhere', village: square, parcels: { m: multi([box(0, 0, 30, 100)], [box(70.002, 0, 100, 100)]), c: poly(box(29.995, 0, 70, 100)) }, note: 'overlap 0.5 m², gap 0.2 m²' });
  const ditch = poly(box(0, 0, 200, 100));
  for (const w of [0.0009, 0.0011, 0.002]) {
    const mm = `${w * 1000} mm`;
    out.push({ name: `gap ${mm} × 200 m`, village: ditch, parcels: { l: poly(box(0, 0, 200, 50)), u: poly(box(0, 50 + w, 200, 100)) }, note: `${(200 * w).toFixed(2)} m²` });
    out.push({ name: `overlap ${mm} × 200 m`, village: ditch, parcels: { l: poly(box(0, 0, 200, 50 + w)), u: poly(box(0, 50, 200, 100)) }, note: `${(200 * w).toFixed(2)} m²` });
    const lower: Ring = [[0, 0], [200, 0], [200, 70]];
    for (let i = 1; i <= 7; i++) lower.push([200 - (200 * i) / 7, 70 - (40 * i) / 7]);
    out.push({ name: `gap ${mm} along a slanted edge with T-junctions on one side`, village: ditch, parcels: { l: poly(lower), u: poly([[0, 30 + w], [200, 70 + w], [200, 100], [0, 100]]) } });
  }
  out.push({ name: 'wedge gap 0 to 5 cm over 20 m', village: square, parcels: { l: poly([[0, 0], [100, 0], [100, 50], [40, 50], [20, 50], [0, 50]]), u: poly([[0, 50], [20, 50], [30, 50.05], [40, 50], [100, 50], [100, 100], [0, 100]]) }, note: '0.5 m²' });
  out.push({ name: 'wedge overlap 0 to 5 cm over 20 m', village: square, parcels: { l: poly([[0, 0], [100, 0], [100, 50], [40, 50], [30, 50.05], [20, 50], [0, 50]]), u: poly([[0, 50], [20, 50], [40, 50], [100, 50], [100, 100], [0, 100]]) }, note: '0.5 m²' });
  out.push({
    name: 'wedge 0 to 2.5 mm under two neighbours overlapping 0.2 mm along it',
    village: square,
    parcels: { lower: poly([[0, 0], [60, 0], [60, 49.9975], [0, 50]]), lowerRight: poly(box(60, 0, 100, 50)), a: poly(box(0, 50, 20, 100)), b: poly(box(19.9998, 50, 100, 100)) },
    note: '0.075 m², 0.063 m² of it wider than 1 mm',
  });
  out.push({
    name: 'gap 2.5 mm along the middle of a 300 m road',
    village: poly(box(0, 0, 300, 100)),
    parcels: { l1: poly(box(0, 0, 100, 50)), l2: poly(box(100, 0, 200, 49.9975)), l3: poly(box(200, 0, 300, 50)), road: poly(box(0, 50, 300, 51.5)), u: poly(box(0, 51.5, 300, 100)) },
    note: '0.25 m²',
  });
  for (const gap of [0, 0.003]) {
    const move = jitter(random(5));
    const parcels: Record<string, Outline> = { road: poly(move([[0, 49.25], [35, 49.25], [100, 49.25], [100, 50.75], [71, 50.75], [0, 50.75]])) };
    const south = [0, 13, 31, 47, 58, 77, 100];
    const north = [0, 9, 26, 40, 66, 83, 100];
    for (let k = 0; k + 1 < south.length; k++) parcels[`s${k}`] = poly(move(box(south[k] as number, 0, south[k + 1] as number, 49.25 - (k === 2 ? gap : 0))));
    for (let k = 0; k + 1 < north.length; k++) parcels[`n${k}`] = poly(move(box(north[k] as number, 50.75, north[k + 1] as number, 100)));
    out.push({ name: `road 1.5 m wide, T-junctions on both sides, ±0.3 mm${gap ? ', a 3 mm gap' : ''}`, village: square, parcels, ...(gap ? { note: '16 m × 3 mm = 0.048 m²' } : {}) });
  }
  const densified: Ring = [[0, 0]];
  for (let x = 7; x < 100; x += 7) densified.push([x, x % 2 ? -0.0002 : 0.0002]);
  densified.push([100, 0], [100, 100], [0, 100]);
  out.push({ name: 'boundary densified differently, its vertices 0.2 mm off', village: poly(densified), parcels: { a: poly(box(0, 0, 50, 100)), b: poly(box(50, 0, 100, 100)) } });
  const long: Record<string, Outline> = {};
  for (let k = 0; k < 24; k++) long[`p${k}`] = poly(box(k * 250, 0, (k + 1) * 250, 60));
  const longVillage = poly(box(0, 0, 6000, 60));
  out.push({ name: '6 km boundary edges', village: longVillage, parcels: long });
  out.push({ name: '6 km boundary edges, a 10 cm gap at the top of one parcel', village: longVillage, parcels: { ...long, p12: poly(box(3000, 0, 3250, 59.9)) }, note: '25 m²' });
  for (const d of [0.0005, 0.05, 0.06]) {
    out.push({ name: `parcel ${d * 1000} mm over the boundary`, village: square, parcels: { a: poly(box(0, 0, 50, 100)), b: poly(box(50, 0, 100 + d, 100)) }, note: `${(100 * d).toFixed(2)} m² outside; inside-village tolerance 5 cm` });
  }
  out.push({ name: 'duplicated parcel', village: square, parcels: { a: poly(box(0, 0, 50, 100)), b: poly(box(50, 0, 100, 100)), copy: poly(box(50, 0, 100, 100)) } });
  out.push({ name: 'zero-area spike into the neighbour', village: square, parcels: { a: poly([[0, 0], [50, 0], [50, 40], [70, 40], [50, 40], [50, 100], [0, 100]]), b: poly(box(50, 0, 100, 100)) } });
  for (const c of [0.0005, 0.0011, 0.002]) {
    out.push({ name: `ring-shaped gap ${c * 1000} mm around an island`, village: square, parcels: { a: holed, b: poly(box(40 + c, 40 + c, 60 - c, 60 - c)) }, note: `${(80 * c).toFixed(3)} m²` });
  }
  out.push({
    name: 'two 10 cm holes joined by a 0.5 mm slit',
    village: square,
    parcels: {
      l: poly([[0, 0], [100, 0], [100, 50], [60.1, 50], [60.1, 49.9], [60, 49.9], [60, 50], [50.1, 50], [50.1, 49.9], [50, 49.9], [50, 50], [0, 50]]),
      u: poly([[0, 50], [50, 50], [50, 50.0005], [60.1, 50.0005], [60.1, 50], [100, 50], [100, 100], [0, 100]]),
    },
    note: 'two gaps of 0.01 m² wider than 1 mm; PostGIS: one polygon of 0.025 m²',
  });
  return out;
}

/** Rows of parcels cut at random (T-junctions everywhere), roads between some rows, every vertex ±0.3 mm, defects planted on inner edges. */
export function seededCase(seed: number): AdversarialCase {
  const next = random(seed);
  const move = jitter(next);
  const width = 300;
  const rows = [0];
  while ((rows[rows.length - 1] as number) < 180) rows.push((rows[rows.length - 1] as number) + 15 + next() * 25);
  rows[rows.length - 1] = 200;
  const parcels: Record<string, Outline> = {};
  const planted: string[] = [];
  const widths = [0.0005, 0.0009, 0.0011, 0.0015, 0.003, 0.02];
  let id = 0;
  for (let r = 0; r + 1 < rows.length; r++) {
    let y0 = rows[r] as number;
    const y1 = rows[r + 1] as number;
    if (r > 0 && next() < 0.4) {
      parcels[`road${r}`] = poly(move(box(0, y0, width, y0 + 1.5)));
      y0 += 1.5;
    }
    const cuts = [0];
    while ((cuts[cuts.length - 1] as number) < width - 20) cuts.push((cuts[cuts.length - 1] as number) + 10 + next() * 50);
    cuts[cuts.length - 1] = width;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const x0 = cuts[k] as number;
      const x1 = cuts[k + 1] as number;
      let top: Ring = [[x1, y1], [x0, y1]];
      if (r + 2 < rows.length && next() < 0.12) {
        const w = widths[Math.floor(next() * widths.length)] as number;
        const wedge = next() >= 0.6;
        const sign = next() < 0.5 ? -1 : 1;
        const kind = sign < 0 ? 'gap' : 'overlap';
        if (wedge) top = [[x1, y1 + sign * 5 * w], [x0, y1]];
        else top = [[x1, y1 + sign * w], [x0, y1 + sign * w]];
        planted.push(wedge ? `wedge ${kind} 0–${(5 * w * 1000).toFixed(1)} mm × ${(x1 - x0).toFixed(1)} m at p${id}` : `${kind} ${w * 1000} mm × ${(x1 - x0).toFixed(1)} m at p${id}`);
      }
      parcels[`p${id++}`] = poly(move([[x0, y0], [x1, y0], ...top]));
    }
  }
  // The boundary drawn separately: a vertex every ~37 m, each 0.2 mm off the parcels' edges at most.
  const ring: Ring = [];
  const side = (a: [number, number], b: [number, number]) => {
    const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / 37);
    for (let i = 0; i < n; i++) {
      const off = i === 0 ? 0 : (next() - 0.5) * 0.0004;
      ring.push([a[0] + ((b[0] - a[0]) * i) / n + off, a[1] + ((b[1] - a[1]) * i) / n + off]);
    }
  };
  side([0, 0], [width, 0]);
  side([width, 0], [width, 200]);
  side([width, 200], [0, 200]);
  side([0, 200], [0, 0]);
  return { name: `seeded ${seed}`, village: poly(ring), parcels, note: planted.join('; ') };
}
