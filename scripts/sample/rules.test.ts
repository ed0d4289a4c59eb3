import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { CONTROL_ZONE_CODES, LAND_NOTE_CODES, TENURE_CODES } from '../../src/profiles/zhejiang-2017/codes.ts';
import { codesOf } from '../../src/domain/code-entry.ts';
import { RESTORATION_USES } from '../../src/profiles/zhejiang-2017/restoration-uses.ts';
import type { AreaGeometry } from '../../src/domain/features.ts';
import { LAYER_FIELDS, validateFieldValue, type FieldValue } from '../../src/profiles/zhejiang-2017/fields.ts';
import { isConstructionLand, isCultivatedLand, isLandClassCode } from '../../src/profiles/zhejiang-2017/land-classes.ts';
import { LAYER_IDS } from '../../src/profiles/zhejiang-2017/layers.ts';
import { layerFeatures } from '../../src/domain/plan.ts';
import { resolveProfile, ZHEJIANG_2017 } from '../../src/profiles/zhejiang-2017/rule-profile.ts';
import { muToM2, roundTo } from '../../src/domain/units.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { freshCommittedSample } from './fresh-sample.ts';
import { boxIndex, coverage, sharedArea } from './plan-geometry-checks.ts';

const plan = () => freshCommittedSample().plan;
const bases = () => layerFeatures(plan(), 'base');
const baseTree = () => boxIndex(bases().map((b) => b.geometry));
const sumArea = (gs: readonly AreaGeometry[]) => gs.reduce((s, g) => s + ellipsoidalArea(g), 0);

/** The base parcels a feature covers; fails unless it covers each one whole (a parcel or a union of parcels). */
function coveredParcels(geometry: AreaGeometry, tree = baseTree()) {
  const parts = coverage(geometry, bases().map((b) => b.geometry), tree);
  for (const part of parts) expect(part.share).toBeCloseTo(1, 6);
  expect(Math.abs(parts.reduce((s, p) => s + p.m2, 0) - ellipsoidalArea(geometry))).toBeLessThan(0.01);
  return parts.map((p) => bases()[p.part]!);
}

/** The GB/T 21010-2017 survey codes each class may come from (domain.md §3.1). */
const SURVEY_CODES: Readonly<Record<string, RegExp>> = {
  '111': /^0101$/, '113': /^0103$/, '12': /^020[1-4]$/, '131': /^030[1-7]$/, '132': /^030[1-7]$/, '151': /^1202$/,
  '152': /^1006$/, '153': /^1104$/, '154': /^1107$/, '2121': /^0702$/, '2122': /^08(H1|H2|0[1-8])$/, '2123': /^(0809|1005)$/,
  '2124': /^(05\d\d|0601|0604)$/, '2125': /^0810$/, '2126': /^1004$/, '221': /^100[1-9]$/, '226': /^(1103|1109)$/,
  '31': /^(1101|1102|1110)$/, '32': /^(04\d\d|120[1-7])$/,
};

describe('codes and attributes', () => {
  it('every attribute passes the editor’s own field validation', () => {
    const profile = resolveProfile(plan().meta.profileId, plan().meta.profileOverrides);
    for (const layer of LAYER_IDS) {
      for (const f of layerFeatures(plan(), layer)) {
        const props = f.properties as unknown as Record<string, FieldValue>;
        for (const spec of LAYER_FIELDS[layer]) expect(validateFieldValue(spec, props[spec.key] ?? null, profile), `${layer}.${spec.key}`).toBe(true);
      }
    }
  }, 60_000);

  it('base parcels carry consistent codes, ownership, ridge coefficients and survey areas', () => {
    const tenures = codesOf(TENURE_CODES);
    const notes = codesOf(LAND_NOTE_CODES);
    const numbers = new Set<string>();
    for (const { properties: p, geometry } of bases()) {
      expect(isLandClassCode(p.classCode)).toBe(true);
      expect(p.surveyCode, p.classCode).toMatch(SURVEY_CODES[p.classCode]!);
      expect(tenures).toContain(p.tenure);
      if (p.landNote !== null) expect(notes).toContain(p.landNote);
      expect(p.ownerName).toBeTruthy();
      expect(p.ownerCode).toMatch(/^\d{19}$/);
      expect(p.slopeGrade).toBe('1');
      if (isCultivatedLand(p.classCode)) {
        expect(p.ridgeCoefficient).toBeGreaterThanOrEqual(0.02);
        expect(p.ridgeCoefficient).toBeLessThanOrEqual(0.06);
      } else {
        expect(p.ridgeCoefficient).toBeNull();
      }
      expect(p.recordedArea).toBe(roundTo(ellipsoidalArea(geometry), 2));
      numbers.add(p.parcelNo);
    }
    expect(numbers.size).toBe(bases().length);
    expect(bases().some((b) => b.properties.landNote === '20')).toBe(true);
    expect(new Set(bases().map((b) => b.properties.tenure))).toEqual(new Set(['10', '20', '30', '31']));
  }, 60_000);

  it('no parcel or control zone is below the profile’s minimum area (rule min-parcel-area)', () => {
    const min = ZHEJIANG_2017.minParcelAreaM2;
    const minimum = (code: string) =>
      code.startsWith('2') ? min.construction : code === '151' ? min.facilityFarmland : ['131', '31', '32'].includes(code) ? min.forestWaterReserve : min.farmland;
    for (const b of bases()) expect(ellipsoidalArea(b.geometry), b.properties.classCode).toBeGreaterThanOrEqual(minimum(b.properties.classCode));
    for (const z of layerFeatures(plan(), 'controlZone')) expect(ellipsoidalArea(z.geometry)).toBeGreaterThanOrEqual(min.controlZone);
  });

  it('zone codes come from the code lists and the profile’s dictionaries', () => {
    const zoneCodes = codesOf(CONTROL_ZONE_CODES);
    for (const f of [...layerFeatures(plan(), 'controlZone'), ...layerFeatures(plan(), 'townshipZones')]) expect(zoneCodes).toContain(f.properties.zoneCode);
    const functional = codesOf(ZHEJIANG_2017.functionalZoneTypes);
    for (const f of layerFeatures(plan(), 'functionalZone')) expect(functional).toContain(f.properties.zoneType);
    const kinds = new Set(layerFeatures(plan(), 'controlZone').map((f) => f.properties.zoneCode));
    expect(kinds).toEqual(new Set(['010', '020', '030', '040']));
  });
});

describe('reference layers', () => {
  it('basic farmland is whole paddy parcels (unions of them), mostly G112 and one G111 block', () => {
    const tree = baseTree();
    for (const f of layerFeatures(plan(), 'pbf')) {
      for (const b of coveredParcels(f.geometry, tree)) expect(b.properties.classCode).toBe('111');
      expect(f.properties.recordedArea).toBe(roundTo(ellipsoidalArea(f.geometry), 2));
    }
    const types = layerFeatures(plan(), 'pbf').map((f) => f.properties.pbfType);
    expect(types.filter((t) => t === 'G111').length).toBeGreaterThan(0);
    expect(types.filter((t) => t === 'G112').length).toBeGreaterThan(types.length / 2);
  }, 60_000);

  it('places name every villagers’ group and the landmarks, inside the village', () => {
    const outline = layerFeatures(plan(), 'boundary')[0]!.geometry;
    const places = layerFeatures(plan(), 'places');
    for (const p of places) expect(booleanPointInPolygon(p.geometry, outline)).toBe(true);
    expect(places.map((p) => p.properties.name)).toEqual(expect.arrayContaining(['第一村民小组', '第二村民小组', '村委会', '文化礼堂']));
    expect(places.some((p) => p.properties.name.endsWith('小学'))).toBe(true);
    expect(places.some((p) => p.properties.name.endsWith('桥'))).toBe(true);
  });
});

describe('changes sit where the rules (domain.md §6) expect them', () => {
  const zones = (code: string, layer: 'controlZone' | 'townshipZones') =>
    layerFeatures(plan(), layer).filter((f) => f.properties.zoneCode === code).map((f) => f.geometry);
  const insideAny = (g: AreaGeometry, areas: AreaGeometry[]) => areas.reduce((s, a) => s + sharedArea(g, a), 0);

  it('3–6 demolitions, on base construction land, restored mostly to paddy and once to public space', () => {
    const demolitions = layerFeatures(plan(), 'demolition');
    expect(demolitions.length).toBeGreaterThanOrEqual(3);
    expect(demolitions.length).toBeLessThanOrEqual(6);
    for (const d of demolitions) {
      for (const b of coveredParcels(d.geometry)) {
        expect(isConstructionLand(b.properties.classCode)).toBe(true);
        expect(b.properties.landNote).not.toBe('20'); // illegal-land-not-linked: such land earns no quota
      }
      expect(RESTORATION_USES).toContain(d.properties.restorationUse);
    }
    const uses = demolitions.map((d) => d.properties.restorationUse);
    expect(uses.filter((u) => u === '111').length).toBeGreaterThan(uses.length / 2);
    expect(uses).toContain('2125');
  }, 60_000);

  it('new homes lie inside 020 (plan and township), off basic farmland, within the demolition quota', () => {
    const builds = layerFeatures(plan(), 'newBuild');
    expect(builds.length).toBeGreaterThanOrEqual(2);
    const pbf = layerFeatures(plan(), 'pbf').map((f) => f.geometry);
    for (const n of builds) {
      const area = ellipsoidalArea(n.geometry);
      expect(Math.abs(insideAny(n.geometry, zones('020', 'controlZone')) - area)).toBeLessThan(0.01);
      expect(Math.abs(insideAny(n.geometry, zones('020', 'townshipZones')) - area)).toBeLessThan(0.01);
      expect(insideAny(n.geometry, pbf)).toBeLessThan(0.01);
      expect(area / (n.properties.households ?? 0)).toBeLessThanOrEqual(ZHEJIANG_2017.homesteadPerHouseholdM2.cultivated);
      expect(n.properties).toMatchObject({ useCode: '2121', quotaSource: 'linkage', linkage: 'E2' });
    }
    const returned = sumArea(layerFeatures(plan(), 'demolition').filter((d) => !d.properties.restorationUse.startsWith('2')).map((d) => d.geometry));
    expect(sumArea(builds.map((n) => n.geometry))).toBeLessThan(returned);
  }, 60_000);

  it('the use change turns natural reserve land into paddy; the reserve touches basic farmland; the facility avoids it', () => {
    const tree = baseTree();
    const [change] = layerFeatures(plan(), 'useChange');
    for (const b of coveredParcels(change!.geometry, tree)) expect(b.properties.classCode).toBe('32');
    expect(change!.properties).toMatchObject({ targetCode: '111', newFarmlandType: '01' });

    const pbf = layerFeatures(plan(), 'pbf').map((f) => f.geometry);
    const pbfVertices = new Set(pbf.flatMap((g) => g.coordinates.flat(2).map(String)));
    const [reserve] = layerFeatures(plan(), 'reserve');
    for (const b of coveredParcels(reserve!.geometry, tree)) expect(isCultivatedLand(b.properties.classCode)).toBe(true);
    expect(insideAny(reserve!.geometry, pbf)).toBeLessThan(0.01);
    const reserveVertices = (reserve!.geometry.coordinates.flat(2) as unknown as number[][]).map(String);
    expect(reserveVertices.some((v) => pbfVertices.has(v))).toBe(true);

    const [facility] = layerFeatures(plan(), 'facility');
    const area = ellipsoidalArea(facility!.geometry);
    expect(insideAny(facility!.geometry, pbf)).toBeLessThan(0.01);
    const cap = ZHEJIANG_2017.facilityCaps.cultivation;
    expect(area).toBeLessThanOrEqual(cap.maxShare * facility!.properties.projectArea!);
    expect(area).toBeLessThanOrEqual(muToM2(cap.maxMu));
  }, 60_000);

  it('the township quotas are met by the plan the sample describes', () => {
    const { quotas } = plan().meta;
    const classArea = (keep: (code: string) => boolean) => sumArea(bases().filter((b) => keep(b.properties.classCode)).map((b) => b.geometry));
    const demolitions = layerFeatures(plan(), 'demolition');
    const toFarmland = sumArea(demolitions.filter((d) => ['111', '113'].includes(d.properties.restorationUse)).map((d) => d.geometry));
    const toNonConstruction = sumArea(demolitions.filter((d) => !d.properties.restorationUse.startsWith('2')).map((d) => d.geometry));
    const newBuild = sumArea(layerFeatures(plan(), 'newBuild').map((n) => n.geometry));
    const newFarmland = sumArea(layerFeatures(plan(), 'useChange').map((u) => u.geometry));
    const pbf = layerFeatures(plan(), 'pbf').reduce((s, f) => s + ellipsoidalArea(f.geometry), 0);
    // New homes go on gardens (旱地), so they take cultivated land.
    expect(classArea((c) => isLandClassCode(c) && isCultivatedLand(c)) + toFarmland + newFarmland - newBuild).toBeGreaterThanOrEqual(quotas.cultivatedLand!);
    expect(pbf).toBeGreaterThanOrEqual(quotas.permanentBasicFarmland!);
    const construction = classArea((c) => isLandClassCode(c) && isConstructionLand(c));
    expect(construction - toNonConstruction + newBuild).toBeLessThanOrEqual(construction);
    expect(construction).toBeLessThanOrEqual(quotas.constructionTotal!);
    const perCapita = classArea((c) => c.startsWith('212')) / plan().meta.population!;
    expect(perCapita).toBeLessThanOrEqual(ZHEJIANG_2017.villageLandPerCapitaM2);
  }, 60_000);
});
