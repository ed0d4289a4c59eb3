/**
 * The 1 km squares of a GK plane that a polygon reaches, found the slow, obvious way (points on a 20 m
 * lattice in each square, an even-odd inside test): the tests' own reader of which 1:2000 standard sheets
 * a village needs, independent of src/print/sheets.ts (which clips the outline to each square). It misses
 * a square the outline enters by less than ~10 m; the sample enters none so shallowly.
 */
export type Ring = readonly (readonly [number, number])[];

function inside(rings: readonly Ring[], e: number, n: number): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ei, ni] = ring[i] as readonly [number, number];
      const [ej, nj] = ring[j] as readonly [number, number];
      if (ni > n !== nj > n && e < ((ej - ei) * (n - ni)) / (nj - ni) + ei) odd = !odd;
    }
  }
  return odd;
}

/** South-west corners (metres: easting, northing) of the squares with lattice points inside the rings. */
export function kmSquaresReached(rings: readonly Ring[]): [number, number][] {
  const all = rings.flat();
  const [e0, n0] = [Math.floor(Math.min(...all.map((p) => p[0])) / 1000), Math.floor(Math.min(...all.map((p) => p[1])) / 1000)];
  const [e1, n1] = [Math.ceil(Math.max(...all.map((p) => p[0])) / 1000), Math.ceil(Math.max(...all.map((p) => p[1])) / 1000)];
  const found: [number, number][] = [];
  for (let n = n0; n < n1; n++) {
    for (let e = e0; e < e1; e++) {
      let hit = false;
      for (let de = 10; de < 1000 && !hit; de += 20) for (let dn = 10; dn < 1000 && !hit; dn += 20) hit = inside(rings, e * 1000 + de, n * 1000 + dn);
      if (hit) found.push([e * 1000, n * 1000]);
    }
  }
  return found;
}
