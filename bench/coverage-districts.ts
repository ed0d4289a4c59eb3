/**
 * The last part of `npm run bench:coverage`: the coverage rules on a real coverage nobody on this project
 * made, the 90 districts of Zhejiang (scripts/sample/real-districts.ts: 117,550 vertices, islands), clean,
 * with every vertex moved by up to ±0.3 mm, and with three shared vertices moved 3 m in one district only.
 * For each: our coverage rules (geometry-valid, no-gap, no-overlap, inside-village) in this process, against
 * PostGIS's validity + overlaps + gaps on the same outlines in GK zone 40 (ogr2ogr, not timed), or GEOS on
 * the whole coverage where PostGIS is missing; and what each finds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AreaGeometry } from '../src/domain/features.ts';
import { layerFeatures, type Plan } from '../src/domain/plan.ts';
import { RuleEngine } from '../src/rules/engine.ts';
import { RULES } from '../src/rules/index.ts';
import { districtsPlan, plantedDistricts, zhejiangDistricts } from '../scripts/sample/real-districts.ts';
import { jitterVertices } from '../scripts/sample/real-looking.ts';
import { geosWholeCoverage } from './geos-coverage.ts';
import { POSTGIS_COVERAGE_SQL, type Postgis } from './postgis.ts';
import { formatMs, median } from './support.ts';

const COVERAGE_RULES = RULES.filter((rule) => ['geometry-valid', 'no-gap', 'no-overlap', 'inside-village'].includes(rule.id));
/** CGCS2000 / 3° GK zone 40 with the zone number: the districts span 118–123°E, about this zone's meridian. */
const GK_ZONE_40 = 'EPSG:4528';

/** A layer of the plan as a GeoJSON file reprojected to a GK Shapefile, for PostGIS to load. */
function gkShapefile(plan: Plan, layer: 'base' | 'boundary', folder: string): string {
  const geojson = join(folder, `${layer}.geojson`);
  const features = layerFeatures(plan, layer).map((f) => ({ type: 'Feature', properties: { id: f.id }, geometry: f.geometry }));
  writeFileSync(geojson, JSON.stringify({ type: 'FeatureCollection', features }));
  const shp = join(folder, `${layer}.shp`);
  const made = spawnSync('ogr2ogr', ['-s_srs', 'EPSG:4490', '-t_srs', GK_ZONE_40, shp, geojson], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`ogr2ogr ${geojson}: ${made.stderr}`);
  return shp;
}

function ourCheck(plan: Plan): { ms: number; gaps: number[]; overlaps: number[]; others: number } {
  const started = performance.now();
  const issues = new RuleEngine(plan, COVERAGE_RULES).result().issues.filter((i) => i.severity !== 'notChecked');
  const ms = performance.now() - started;
  const areas = (rule: string) => issues.filter((i) => i.rule === rule).map((i) => i.message.params['areaM2'] as number);
  return { ms, gaps: areas('no-gap'), overlaps: areas('no-overlap'), others: issues.filter((i) => i.rule !== 'no-gap' && i.rule !== 'no-overlap').length };
}

export function benchDistricts(postgis: Postgis | null, runs: number): Record<string, unknown> {
  const districts = zhejiangDistricts();
  const clean = districtsPlan(districts);
  const cases: [string, Plan][] = [
    ['clean', clean],
    ['jittered', jitterVertices(clean, { seed: 2017 }).plan],
    ['planted', districtsPlan(plantedDistricts(districts))],
  ];
  const report: Record<string, unknown> = {};
  const scratch = mkdtempSync(join(tmpdir(), 'vp-districts-bench-'));
  try {
    for (const [name, plan] of cases) {
      ourCheck(plan); // warm-up
      const ours = Array.from({ length: runs }, () => ourCheck(plan));
      const oursMs = median(ours.map((o) => o.ms));
      let baseline: { ms: number; invalid: number; overlaps: number; gaps: number; source: string };
      if (postgis) {
        postgis.load(gkShapefile(plan, 'base', scratch), 'parcels');
        postgis.load(gkShapefile(plan, 'boundary', scratch), 'village');
        const timed = Array.from({ length: runs }, () => {
          const validity = postgis.query(POSTGIS_COVERAGE_SQL.validity);
          const overlaps = postgis.query(POSTGIS_COVERAGE_SQL.overlaps);
          const gaps = postgis.query(POSTGIS_COVERAGE_SQL.gaps);
          return { ms: validity.ms + overlaps.ms + gaps.ms, invalid: Number(validity.rows[0]), overlaps: overlaps.rows.length, gaps: gaps.rows.length };
        });
        baseline = { ...timed[0]!, ms: median(timed.map((t) => t.ms)), source: 'PostGIS' };
      } else {
        const whole = geosWholeCoverage(
          layerFeatures(plan, 'base').map((f) => f.geometry as AreaGeometry),
          layerFeatures(plan, 'boundary')[0]!.geometry as AreaGeometry,
          new RuleEngine(plan, []).checkState.plane(),
        );
        baseline = { ms: whole.ms, invalid: whole.invalid, overlaps: whole.overlapAreas.length, gaps: whole.gapAreas.length, source: 'GEOS whole coverage' };
      }
      const found = ours[0]!;
      report[name] = { oursMedianMs: oursMs, oursRunsMs: ours.map((o) => o.ms), ours: { gapAreas: found.gaps, overlapAreas: found.overlaps, otherErrors: found.others }, baselineMs: baseline.ms, baselineSource: baseline.source, baseline, oursOverBaseline: oursMs / baseline.ms };
      console.log(`\nZhejiang's 90 districts, ${name}`);
      console.log(`  our coverage rules in process: median ${formatMs(oursMs)}; ${baseline.source} validity + overlaps + gaps: ${formatMs(baseline.ms)} → ${(oursMs / baseline.ms).toFixed(2)}`);
      console.log(`  ours: gaps ${JSON.stringify(found.gaps)}, overlaps ${JSON.stringify(found.overlaps)}, other coverage errors ${found.others}; ${baseline.source}: invalid ${baseline.invalid}, ${baseline.gaps} gaps and ${baseline.overlaps} overlaps ≥ 0.01 m²`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return report;
}
