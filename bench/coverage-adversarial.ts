/**
 * `npx tsx bench/coverage-adversarial.ts [name filter]` (`SEEDS=30` for the seeded cases instead of the
 * hand-made ones; `LONLAT=1` for edges straight in lon/lat): our coverage rules against PostGIS on the same
 * coordinates (bench/coverage-adversarial-cases.ts), in GK zone 40. PostGIS's findings: invalid parcels; gaps
 * (ST_Difference of the village and ST_Union of the parcels), each polygon as it is and opened by half the
 * 1 mm tolerance (mitred), which is what "wider than the tolerance" means; overlaps of each pair, parts kept
 * where ST_Buffer(part, −0.5 mm) is not empty; parts of a parcel outside the village, with the mean width of
 * their opened bodies (inside-village reports over 5 cm). Areas on the ellipsoid. Prints each case, then
 * every disagreement: a gap body or an overlap one side finds and the other does not, or areas more than
 * 0.01 m² apart. Needs PostgreSQL + PostGIS + GDAL (bench/postgis.ts); a throw-away cluster, stopped at the end.
 */
import type { Geometry, Position } from 'geojson';
import { feature, planWith } from '../src/domain/test-support.ts';
import { loadGeos } from '../src/geo/geos/geos-module.ts';
import { RuleEngine } from '../src/rules/engine.ts';
import { RULES } from '../src/rules/index.ts';
import { handMadeCases, metresOf, seededCase, type AdversarialCase } from './coverage-adversarial-cases.ts';
import { startPostgis, type Postgis } from './postgis.ts';

type Box = [number, number, number, number];
interface Finding {
  readonly kind: 'gap' | 'overlap' | 'outside' | 'invalid';
  /** Sorted feature ids, for overlaps and parts outside. */
  readonly features: string;
  readonly areaM2: number;
  /** Where, in metres east and north of the cases' origin (GK). */
  readonly box?: Box;
  readonly detail: string;
}

const COVERAGE = RULES.filter((r) => ['geometry-valid', 'no-gap', 'no-overlap', 'inside-village'].includes(r.id));
const KIND: Record<string, Finding['kind']> = { 'no-gap': 'gap', 'no-overlap': 'overlap', 'inside-village': 'outside', 'geometry-valid': 'invalid' };

function boxOf(geometry: Geometry): Box | undefined {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return undefined;
  const positions = (geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2)).map((p: Position) => metresOf(p));
  const xs = positions.map((p) => p[0]);
  const ys = positions.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function ours(c: AdversarialCase): Finding[] {
  const plan = planWith([feature('boundary', 'village', c.village), ...Object.entries(c.parcels).map(([id, g]) => feature('base', id, g, { classCode: '111' }))]);
  return new RuleEngine(plan, COVERAGE)
    .result()
    .issues.filter((i) => i.severity === 'error' && (i.layer === 'base' || !i.layer))
    .map((i) => {
      const box = i.geometry ? boxOf(i.geometry) : undefined;
      const params = i.message.params;
      return { kind: KIND[i.rule] ?? 'invalid', features: [...i.features].sort().join('+'), areaM2: Number(params.areaM2 ?? 0), ...(box ? { box } : {}), detail: `${i.message.key}${params.widthM === undefined ? '' : `, ${params.widthM} m wide`}` };
    });
}

const GK = 4549;
const ellipsoidal = (g: string) => `ST_Area(ST_Transform(${g}, 4490)::geography)`;
const opened = (g: string) => `ST_Buffer(ST_Buffer(${g}, -0.0005, 'join=mitre mitre_limit=10'), 0.0005, 'join=mitre mitre_limit=10')`;
const bounds = (g: string) => `concat_ws(',', ST_XMin(${g}) - x0, ST_YMin(${g}) - y0, ST_XMax(${g}) - x0, ST_YMax(${g}) - y0)`;

function postgisFindings(pg: Postgis, c: AdversarialCase): Finding[] {
  const load = (g: object) => `ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON('${JSON.stringify(g)}'), 4490), ${GK})`;
  pg.query(
    `TRUNCATE parcels; TRUNCATE village; INSERT INTO village VALUES (${load(c.village)});` +
      Object.entries(c.parcels)
        .map(([id, g]) => `INSERT INTO parcels VALUES ('${id}', ${load(g)});`)
        .join(' '),
  );
  const origin = `(SELECT ST_X(o) x0, ST_Y(o) y0 FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(120.31, 30.12), 4490), ${GK}) o) p) origin`;
  const rows = (sql: string) => pg.query(sql).rows.map((row) => row.split('|'));
  const found: Finding[] = [];
  for (const [id] of rows(`SELECT id FROM parcels WHERE NOT ST_IsValid(geom)`)) found.push({ kind: 'invalid', features: id as string, areaM2: 0, detail: 'ST_IsValid false' });
  const difference = `(SELECT ST_Difference(v.geom, (SELECT ST_Union(ST_MakeValid(geom)) FROM parcels)) d FROM village v) diff`;
  // Raw polygons, for the detail of each body they hold.
  const raw = rows(`SELECT ${ellipsoidal('g')}, ${bounds('g')} FROM (SELECT (ST_Dump(d)).geom g FROM ${difference}) parts, ${origin} WHERE NOT ST_IsEmpty(ST_Buffer(g, -0.0005))`).map(([area, b]) => ({ area: Number(area), box: (b as string).split(',').map(Number) as Box }));
  for (const [area, b] of rows(`SELECT ${ellipsoidal('g')}, ${bounds('g')} FROM (SELECT (ST_Dump(${opened('d')})).geom g FROM ${difference}) bodies, ${origin} WHERE ST_Area(g) > 0`)) {
    const box = (b as string).split(',').map(Number) as Box;
    const holder = raw.find((r) => meet(r.box, box) && holds(r.box, box));
    found.push({ kind: 'gap', features: '', areaM2: Number(area), box, detail: holder ? `body of a polygon of ${holder.area.toFixed(3)} m²` : 'body' });
  }
  const pairs = `SELECT a.id || '+' || b.id pair, (ST_Dump(ST_Intersection(ST_MakeValid(a.geom), ST_MakeValid(b.geom)))).geom g FROM parcels a JOIN parcels b ON a.id < b.id AND a.geom && b.geom`;
  for (const [pair, area, b] of rows(`SELECT pair, ${ellipsoidal('ST_Collect(g)')}, ${bounds('ST_Collect(g)')} FROM (${pairs}) o, ${origin} WHERE ST_Dimension(g) = 2 AND NOT ST_IsEmpty(ST_Buffer(g, -0.0005)) GROUP BY pair, x0, y0`)) {
    found.push({ kind: 'overlap', features: (pair as string).split('+').sort().join('+'), areaM2: Number(area), box: (b as string).split(',').map(Number) as Box, detail: 'intersection' });
  }
  const outside = `SELECT p.id, (ST_Dump(ST_Difference(ST_MakeValid(p.geom), v.geom))).geom g FROM parcels p, village v`;
  for (const [id, area, width] of rows(`SELECT id, ${ellipsoidal('ST_Collect(g)')}, 2 * sum(ST_Area(${opened('g')})) / nullif(sum(ST_Perimeter(${opened('g')})), 0) FROM (${outside}) o WHERE NOT ST_IsEmpty(ST_Buffer(g, -0.0005)) GROUP BY id`)) {
    if (Number(width) > 0.05) found.push({ kind: 'outside', features: id as string, areaM2: Number(area), detail: `mean width ${Number(width).toFixed(4)} m` });
  }
  return found;
}

/** The centre of `inner` lies in `outer` grown by 1 cm: a gap's body and the gap holding it (boxes that only touch, as a bow-tie's, do not). */
function holds(outer: Box, inner: Box): boolean {
  const x = (inner[0] + inner[2]) / 2;
  const y = (inner[1] + inner[3]) / 2;
  return x >= outer[0] - 0.01 && x <= outer[2] + 0.01 && y >= outer[1] - 0.01 && y <= outer[3] + 0.01;
}

/** The boxes overlap (within 1 cm): a raw gap polygon and a body of it. */
function meet(a: Box, b: Box): boolean {
  return a[0] <= b[2] + 0.01 && b[0] <= a[2] + 0.01 && a[1] <= b[3] + 0.01 && b[1] <= a[3] + 0.01;
}

/** What one side finds and the other does not, or finds with an area more than 0.01 m² apart (bodies under the 0.01 m² report area aside). */
function disagreements(mine: readonly Finding[], theirs: readonly Finding[]): string[] {
  const out: string[] = [];
  const bodies = theirs.filter((f) => f.kind === 'gap' && f.areaM2 >= 0.01);
  const gaps = mine.filter((f) => f.kind === 'gap');
  for (const body of bodies) if (!gaps.some((g) => g.box && body.box && holds(g.box, body.box))) out.push(`PostGIS only: gap ${body.areaM2.toFixed(3)} m² (${body.detail})`);
  for (const gap of gaps) {
    const held = bodies.filter((b) => gap.box && b.box && holds(gap.box, b.box));
    const sum = held.reduce((s, b) => s + b.areaM2, 0);
    if (held.length === 0) out.push(`ours only: gap ${gap.areaM2} m²`);
    else if (Math.abs(sum - gap.areaM2) > 0.01) out.push(`gap ${gap.areaM2} m², PostGIS ${held.map((b) => `${b.areaM2.toFixed(3)} m² (${b.detail})`).join(' + ')}`);
  }
  for (const kind of ['overlap', 'outside', 'invalid'] as const) {
    const a = new Map(mine.filter((f) => f.kind === kind).map((f) => [f.features, f.areaM2]));
    const b = new Map(theirs.filter((f) => f.kind === kind && (kind !== 'overlap' || f.areaM2 >= 0.01)).map((f) => [f.features, f.areaM2]));
    for (const [key, area] of b) if (!a.has(key)) out.push(`PostGIS only: ${kind} ${key} ${area.toFixed(3)} m²`);
    for (const [key, area] of a) {
      const other = b.get(key);
      if (other === undefined) out.push(`ours only: ${kind} ${key} ${area} m²`);
      else if (kind !== 'invalid' && Math.abs(other - area) > 0.01) out.push(`${kind} ${key}: ${area} m², PostGIS ${other.toFixed(3)} m²`);
    }
  }
  return out;
}

const describe = (f: Finding) => `${f.kind} ${f.features} ${f.areaM2 ? `${f.kind === 'gap' || f.kind === 'overlap' ? f.areaM2.toFixed(3) : f.areaM2} m²` : ''} (${f.detail})${f.box ? ` @ ${f.box.map((v) => v.toFixed(1)).join(',')}` : ''}`;

await loadGeos();
const filter = process.argv[2];
const cases = (process.env.SEEDS ? Array.from({ length: Number(process.env.SEEDS) }, (_, i) => seededCase(i + 1)) : handMadeCases()).filter((c) => !filter || c.name.includes(filter));
const pg = startPostgis();
if (!pg) console.log('PostGIS (or ogr2ogr) not installed: our findings only.');
const summary: string[] = [];
try {
  pg?.query('CREATE TABLE parcels (id text, geom geometry); CREATE TABLE village (geom geometry);');
  for (const c of cases) {
    const mine = ours(c);
    console.log(`\n${c.name}${c.note ? ` (${c.note})` : ''}\n  ours:    ${mine.map(describe).join('\n           ') || '—'}`);
    if (!pg) continue;
    const theirs = postgisFindings(pg, c);
    console.log(`  PostGIS: ${theirs.map(describe).join('\n           ') || '—'}`);
    for (const d of disagreements(mine, theirs)) summary.push(`${c.name}: ${d}`);
  }
} finally {
  pg?.stop();
}
if (pg) console.log(`\n${summary.length} disagreements${summary.length ? `:\n  ${summary.join('\n  ')}` : ''}`);
