/**
 * A county's 三调 export as it reaches a planner, not as our own writer would make it: ~300 parcels of a
 * distorted grid clipped to a separately drawn village boundary (so the boundary has no vertex where a
 * parcel edge meets it: T-junctions), every parcel's own copy of a corner jittered by up to ±0.3 mm, a few
 * 0.001 m² slivers cut out of a parcel along its neighbour's edge, one parcel in two parts, one parcel
 * with a hole that a pond fills. Written in CGCS2000 GK CM 120°E without the zone number (EPSG:4549) as
 * ESRI WKT, the DBF in GBK with no .cpg, as `DLTB.*` and `村界.*` zipped. Deterministic.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { intersection } from 'polyclip-ts';
import { prjText } from '../../../src/io/crs/prj-write.ts';
import { gk } from '../../../src/io/crs/source-crs.ts';
import type { ExportField } from '../../../src/io/formats/types.ts';
import type { OutputFile } from '../../../src/io/files.ts';
import { writeDbf, type DbfRow } from '../../../src/io/shapefile/dbf-write.ts';
import { writeShp } from '../../../src/io/shapefile/shp-write.ts';
import { DLTB_FIELDS } from '../../../src/io/survey/survey-layer.ts';
import { writeZip } from '../../../src/io/zip/zip-write.ts';

/** The village's middle on the plane of EPSG:4549 (about 120.5°E, 30.0°N). */
const E0 = 548_000;
const N0 = 3_320_000;
export const VILLAGE_MIDDLE: Position = [E0, N0];
const CELL = 62;
const CELLS = 22;
const JITTER_M = 0.0003;
const CLASSES: readonly (readonly [string, string])[] = [
  ['0101', '水田'],
  ['0103', '旱地'],
  ['0201', '果园'],
  ['0301', '乔木林地'],
  ['0702', '农村宅基地'],
  ['1006', '农村道路'],
  ['1104', '坑塘水面'],
];

export interface CountyParcel {
  readonly tbbh: string;
  readonly code: string;
  /** On the plane of EPSG:4549, as written (jitter included). */
  readonly geometry: Polygon | MultiPolygon;
}

export interface CountySurvey {
  readonly boundary: Polygon;
  readonly parcels: readonly CountyParcel[];
  /** Parcel numbers of the special cases. */
  readonly multipart: string;
  readonly holed: string;
  readonly pond: string;
  readonly slivers: readonly string[];
}

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

const mm = (v: number) => Math.round(v * 1000) / 1000;

function villageBoundary(): Polygon {
  const ring: Position[] = [];
  const n = 53;
  for (let i = 0; i < n; i++) {
    // Angles off the grid's directions: no boundary vertex lies on a grid line.
    const a = ((i + 0.37) / n) * 2 * Math.PI;
    const r = 560 + 55 * Math.sin(3 * a) + 22 * Math.cos(7 * a);
    ring.push([mm(E0 + r * Math.cos(a)), mm(N0 + r * Math.sin(a))]);
  }
  ring.reverse(); // clockwise, as ESRI stores shells
  ring.push(ring[0] as Position);
  return { type: 'Polygon', coordinates: [ring] };
}

function closed(ring: Position[]): Position[] {
  return [...ring, ring[0] as Position];
}

export function countySurvey(): CountySurvey {
  const rnd = random(20240630);
  const boundary = villageBoundary();
  const half = (CELLS * CELL) / 2;
  // The grid's nodes moved by up to 9 m, each once: neighbours share them.
  const node: Position[][] = [];
  for (let i = 0; i <= CELLS; i++) {
    node.push([]);
    for (let j = 0; j <= CELLS; j++) node[i]!.push([mm(E0 - half + i * CELL + (rnd() - 0.5) * 18), mm(N0 - half + j * CELL + (rnd() - 0.5) * 18)]);
  }
  const cells: { i: number; j: number; rings: Position[][][] }[] = [];
  for (let i = 0; i < CELLS; i++) {
    for (let j = 0; j < CELLS; j++) {
      const quad = closed([node[i]![j]!, node[i + 1]![j]!, node[i + 1]![j + 1]!, node[i]![j + 1]!]);
      const clipped = intersection([quad] as [number, number][][], boundary.coordinates as [number, number][][]) as Position[][][];
      if (clipped.length > 0) cells.push({ i, j, rings: clipped.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x as number, y as number]))) });
    }
  }
  const middle = (i: number, j: number) => cells.findIndex((c) => c.i === i && c.j === j);
  const centre = CELLS / 2;
  const parcels: { tbbh: string; code: string; polygons: Position[][][] }[] = [];
  const used = new Set<number>();
  const add = (code: string, polygons: Position[][][]) => {
    const tbbh = String(parcels.length + 1);
    parcels.push({ tbbh, code, polygons });
    return tbbh;
  };

  // One parcel in two parts: two cells with a road cell between them.
  const [a, b] = [middle(centre - 3, centre), middle(centre - 1, centre)];
  used.add(a).add(b);
  const multipart = add('0101', [...cells[a]!.rings, ...cells[b]!.rings]);

  // One parcel with a hole, and the pond that fills it.
  const h = middle(centre + 2, centre + 1);
  used.add(h);
  const [hx, hy] = [node[centre + 2]![centre + 1]!, node[centre + 3]![centre + 2]!];
  const [cx, cy] = [mm(((hx[0] as number) + (hy[0] as number)) / 2), mm(((hx[1] as number) + (hy[1] as number)) / 2)];
  const hole = closed([[cx - 8, cy - 6], [cx - 8, cy + 6], [cx + 8, cy + 6], [cx + 8, cy - 6]]);
  const holed = add('0103', [[...(cells[h]!.rings[0] as Position[][]), [...hole].reverse()]]);
  const pond = add('1104', [[hole]]);

  // Slivers: a 1 m stretch of a cell's bottom edge cut 2 mm deep into the cell (0.001 m² each).
  const slivers: string[] = [];
  const sliverCells = new Map<number, Position[]>();
  for (const [i, j] of [[centre - 4, centre - 3], [centre + 1, centre - 4], [centre + 4, centre + 3]] as const) {
    const k = middle(i, j);
    used.add(k);
    const [p, q] = [node[i]![j]!, node[i + 1]![j]!];
    const len = Math.hypot((q[0] as number) - (p[0] as number), (q[1] as number) - (p[1] as number));
    const along = (t: number): Position => [(p[0] as number) + (((q[0] as number) - (p[0] as number)) * t) / len, (p[1] as number) + (((q[1] as number) - (p[1] as number)) * t) / len];
    const [s, e] = [along(len / 2 - 0.5), along(len / 2 + 0.5)];
    const normal = [-((q[1] as number) - (p[1] as number)) / len, ((q[0] as number) - (p[0] as number)) / len];
    const m = along(len / 2);
    const dent: Position = [(m[0] as number) + (normal[0] as number) * 0.002, (m[1] as number) + (normal[1] as number) * 0.002];
    sliverCells.set(k, [p, s, dent, e, node[i + 1]![j]!, node[i + 1]![j + 1]!, node[i]![j + 1]!]);
    slivers.push(add('0103', [[closed([s, e, dent])]]));
  }
  for (const [k, ring] of sliverCells) add(CLASSES[k % CLASSES.length]![0], [[closed(ring)]]);

  cells.forEach((cell, k) => {
    if (used.has(k)) return;
    add(CLASSES[(cell.i * 7 + cell.j * 3) % CLASSES.length]![0], cell.rings);
  });

  const jitter = (p: Position): Position => [(p[0] as number) + (rnd() - 0.5) * 2 * JITTER_M, (p[1] as number) + (rnd() - 0.5) * 2 * JITTER_M];
  const jittered = parcels.map(({ tbbh, code, polygons }): CountyParcel => {
    const own = polygons.map((rings) => rings.map((ring) => closed(ring.slice(0, -1).map(jitter))));
    return { tbbh, code, geometry: own.length === 1 ? { type: 'Polygon', coordinates: own[0]! } : { type: 'MultiPolygon', coordinates: own } };
  });
  return { boundary, parcels: jittered, multipart, holed, pond, slivers };
}

function shapefile(stem: string, geometries: readonly (Polygon | MultiPolygon)[], fields: readonly ExportField[], rows: readonly DbfRow[]): OutputFile[] {
  const { shp, shx } = writeShp(geometries, 'polygon');
  const dbf = writeDbf(stem, fields, rows, 'gbk', new Date(Date.UTC(2024, 5, 30)));
  if (!dbf.ok) throw new Error(dbf.error.key);
  const prj = new TextEncoder().encode(prjText(gk({ zone: 40, zonePrefix: false })));
  // No .cpg: the county's export tool writes none; the DBF's language byte is all there is.
  return [
    { name: `${stem}.shp`, bytes: shp },
    { name: `${stem}.shx`, bytes: shx },
    { name: `${stem}.dbf`, bytes: dbf.value },
    { name: `${stem}.prj`, bytes: prj },
  ];
}

/** Planar area on the GK plane: what the county's TBMJ field would hold near enough (well within 2 %). */
function planarArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const ring = (r: Position[]) => Math.abs(r.reduce((s, p, i) => (i === 0 ? s : s + ((r[i - 1]![0] as number) * (p[1] as number) - (p[0] as number) * (r[i - 1]![1] as number))), 0)) / 2;
  return polygons.reduce((s, rings) => s + ring(rings[0]!) - rings.slice(1).reduce((t, r) => t + ring(r), 0), 0);
}

/** The survey layer and the village boundary, each zipped on its own as counties hand them out. */
export function countySurveyZips(survey: CountySurvey): { readonly dltb: Uint8Array; readonly boundary: Uint8Array } {
  const name = new Map(CLASSES);
  const dltb = shapefile(
    'DLTB',
    survey.parcels.map((p) => p.geometry),
    DLTB_FIELDS,
    survey.parcels.map((p, i) => ({
      label: p.tbbh,
      values: { BSM: i + 1, TBBH: p.tbbh, DLBM: p.code, DLMC: name.get(p.code) ?? null, QSXZ: '30', QSDWDM: '3304211012030000000', QSDWMC: '南湖村第一村民小组', TBMJ: Math.round(planarArea(p.geometry) * 100) / 100, KCXS: 0, PZWH: null, DLBZ: null, GDPDJB: null },
    })),
  );
  const village = shapefile('村界', [survey.boundary], [{ name: 'XZQMC', type: 'C', length: 60, decimals: 0 }], [{ label: '1', values: { XZQMC: '南湖村' } }]);
  return { dltb: writeZip(dltb.map((f) => ({ name: `三调/${f.name}`, bytes: f.bytes }))), boundary: writeZip(village) };
}
