/**
 * A plan whose lon/lat are off any decimal grid (every plan imported from a Gauss-Krüger Shapefile, the
 * usual source) keeps its figures through export → `check <folder>`, which reads the GeoJSON layers: the
 * same issues with the same areas, the same tables.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateVillagePlan } from '../../../scripts/sample/generate.ts';
import { jitterVertices } from '../../../scripts/sample/jitter-vertices.ts';
import { loadGeos } from '../../geo/geos/geos-module.ts';
import { comparable, readPackageBack, tablesJson, writePackageFolder, type WrittenPackage } from './round-trip-support.ts';

await loadGeos();

const written: WrittenPackage[] = [];
afterAll(() => written.forEach((w) => w.remove()));

describe('a plan off the 0.1 mm grid', { timeout: 120_000 }, () => {
  it('checks the same from its package’s GeoJSON layers: issue figures and table cells to 0.01 m²', async () => {
    // Sub-millimetre offsets in the GK plane, as a survey's vertices have: lon/lat with every digit used.
    const { plan } = jitterVertices(generateVillagePlan({ seed: 2017, parcels: 800 }), { seed: 2017 });
    const off = Object.values(plan.layers.base).filter((f) => JSON.stringify(f.geometry.coordinates).match(/\.\d{10,}/));
    expect(off.length, 'the plan has coordinates beyond 9 decimals').toBeGreaterThan(0);
    const pkg = await writePackageFolder(plan);
    written.push(pkg);
    const back = readPackageBack(pkg.dir);
    expect(comparable(back.check.issues, back.refs)).toEqual(comparable(pkg.check.issues, pkg.refs));
    // F1–F5; the demolition and new-build lists are left out: a drawn change's area is not its pieces' (reported apart).
    const f = (json: unknown) => Object.fromEntries(Object.entries(json as Record<string, unknown>).filter(([id]) => /^F\d$/.test(id)));
    expect(Object.keys(f(tablesJson(pkg.tables, pkg.refs)))).toHaveLength(5);
    expect(f(tablesJson(back.tables, back.refs))).toEqual(f(tablesJson(pkg.tables, pkg.refs)));
  });
});
