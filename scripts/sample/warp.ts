/**
 * From the straight design lattice to the ground: a slight rotation, a gentle bend of the whole field
 * pattern, and a meander carried by each river and the fields beside it (a plateau around the river
 * where the meander is a pure shear, so lots keep their area, fading out over 700–900 m). Then a shift
 * into CGCS2000 3° Gauss-Krüger zone 40 (EPSG:4528) and `fromGaussKruger` to lon/lat.
 */
import { fromGaussKruger, type GkCrs, toGaussKruger } from '../../src/geo/projection.ts';
import type { Rng } from './prng.ts';

export const GK_ZONE_40: GkCrs = { zone: 40, zonePrefix: true };

interface Wave {
  readonly amplitude: number;
  readonly wavelength: number;
  readonly phase: number;
}

interface Meander {
  readonly y: number;
  readonly waves: readonly Wave[];
  readonly plateau: number;
  readonly fade: number;
}

export interface Warp {
  readonly centreX: number;
  readonly centreY: number;
  readonly cos: number;
  readonly sin: number;
  readonly bendX: Wave;
  readonly bendY: Wave;
  readonly meanders: readonly Meander[];
  /** Gauss-Krüger easting and northing (zone-prefixed) of the local origin. */
  readonly easting: number;
  readonly northing: number;
}

const wave = (w: Wave, t: number): number => w.amplitude * Math.sin((2 * Math.PI * t) / w.wavelength + w.phase);

/** 1 inside the plateau, a cosine fade to 0 beyond it. */
function taper(distance: number, plateau: number, fade: number): number {
  if (distance <= plateau) return 1;
  if (distance >= plateau + fade) return 0;
  return 0.5 * (1 + Math.cos((Math.PI * (distance - plateau)) / fade));
}

/**
 * `riverYs` are the design northings of the river centre lines. The village centre lands at a random
 * point of the Hangjiahu plain (120.65–120.95°E, 30.45–30.75°N), well inside zone 40.
 */
export function makeWarp(rng: Rng, width: number, height: number, riverYs: readonly number[]): Warp {
  const angle = (rng.chance(0.5) ? 1 : -1) * rng.float(4, 14) * (Math.PI / 180);
  const lon = rng.float(120.65, 120.95);
  const lat = rng.float(30.45, 30.75);
  const [e, n] = toGaussKruger([lon, lat], GK_ZONE_40);
  const meanders = riverYs.map((y) => {
    const wavelength = rng.float(600, 900);
    return {
      y,
      waves: [
        { amplitude: rng.float(25, 40), wavelength, phase: rng.float(0, 2 * Math.PI) },
        { amplitude: rng.float(5, 10), wavelength: wavelength / 2.3, phase: rng.float(0, 2 * Math.PI) },
      ],
      plateau: rng.float(200, 300),
      fade: rng.float(700, 900),
    };
  });
  return {
    centreX: width / 2,
    centreY: height / 2,
    cos: Math.cos(angle),
    sin: Math.sin(angle),
    bendX: { amplitude: rng.float(8, 20), wavelength: rng.float(2500, 5000), phase: rng.float(0, 2 * Math.PI) },
    bendY: { amplitude: rng.float(8, 20), wavelength: rng.float(2500, 5000), phase: rng.float(0, 2 * Math.PI) },
    meanders,
    // Whole metres: the frame is a round number in the survey's own coordinates.
    easting: Math.round(e),
    northing: Math.round(n),
  };
}

/** Design metres → local metres (east, north) about the village centre. */
export function warpPoint(w: Warp, x: number, y: number): [number, number] {
  let dy = wave(w.bendY, x);
  for (const m of w.meanders) {
    const t = taper(Math.abs(y - m.y), m.plateau, m.fade);
    if (t > 0) for (const wv of m.waves) dy += t * wave(wv, x);
  }
  const px = x + wave(w.bendX, y) - w.centreX;
  const py = y + dy - w.centreY;
  return [w.cos * px - w.sin * py, w.sin * px + w.cos * py];
}

/** Local metres → lon/lat in degrees, rounded to 9 decimals (≈ 0.1 mm) as the plan file stores them. */
export function toLonLat(w: Warp, local: readonly [number, number]): [number, number] {
  const [lon, lat] = fromGaussKruger([w.easting + local[0], w.northing + local[1]], GK_ZONE_40);
  return [round9(lon), round9(lat)];
}

export function round9(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Warped positions of every lattice vertex, x and y interleaved; vertex (i, j) is j * (ni + 1) + i. */
export function warpLattice(w: Warp, xs: Float64Array, ys: Float64Array): Float64Array {
  const out = new Float64Array(xs.length * ys.length * 2);
  let k = 0;
  for (const y of ys) {
    for (const x of xs) {
      const [px, py] = warpPoint(w, x, y);
      out[k++] = px;
      out[k++] = py;
    }
  }
  return out;
}

/** Planar area of each cell after the warp (shoelace over its four corners). */
export function cellAreas(vertices: Float64Array, ni: number, nj: number): Float64Array {
  const areas = new Float64Array(ni * nj);
  const stride = ni + 1;
  const at = (i: number, j: number): [number, number] => {
    const k = 2 * (j * stride + i);
    return [vertices[k] as number, vertices[k + 1] as number];
  };
  for (let j = 0; j < nj; j++) {
    for (let i = 0; i < ni; i++) {
      const [ax, ay] = at(i, j);
      const [bx, by] = at(i + 1, j);
      const [cx, cy] = at(i + 1, j + 1);
      const [dx, dy] = at(i, j + 1);
      areas[j * ni + i] = 0.5 * ((ax * by - bx * ay) + (bx * cy - cx * by) + (cx * dy - dx * cy) + (dx * ay - ax * dy));
    }
  }
  return areas;
}
