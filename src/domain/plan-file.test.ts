import { describe, expect, it } from 'vitest';
import { parsePlanText, serialisePlan } from './plan-file.ts';
import { feature, planWith, rect } from './test-support.ts';

const good = planWith([feature('base', 'p1', rect(120, 30, 120.001, 30.001), { classCode: '2121', parcelNo: '001' })]);

function withLayer(layer: string, features: Record<string, unknown>): string {
  const raw = JSON.parse(serialisePlan(good));
  raw.layers[layer] = features;
  return JSON.stringify(raw);
}

describe('plan files', () => {
  it('round-trips a plan exactly', () => {
    const parsed = parsePlanText(serialisePlan(good));
    expect(parsed.ok && parsed.value).toEqual(good);
  });

  it('says when the text is not JSON, or not a plan', () => {
    const notJson = parsePlanText('{"format": "village-plan",');
    expect(!notJson.ok && notJson.error.key).toBe('planFile.notJson');
    expect(parsePlanText('')).toMatchObject({ ok: false, error: { key: 'planFile.empty' } });
    expect(parsePlanText(' \r\n')).toMatchObject({ ok: false, error: { key: 'planFile.empty' } });
    const notPlan = parsePlanText('{"type":"FeatureCollection","features":[]}');
    expect(!notPlan.ok && notPlan.error.key).toBe('planFile.notAPlan');
  });

  it('refuses a plan from a newer version of the editor', () => {
    const raw = JSON.parse(serialisePlan(good));
    raw.schemaVersion = 99;
    const parsed = parsePlanText(JSON.stringify(raw));
    expect(!parsed.ok && parsed.error.key).toBe('planFile.tooNew');
  });

  it('lists features with unknown codes, wrong geometry or bad coordinates, and loads nothing', () => {
    const base = good.layers.base[Object.keys(good.layers.base)[0] as never] as { properties: object; geometry: object };
    const parsed = parsePlanText(
      withLayer('base', {
        p1: { ...base, id: 'p1', layer: 'base', properties: { ...base.properties, classCode: '999' } },
        p2: { ...base, id: 'p2', layer: 'base', geometry: { type: 'Point', coordinates: [120, 30] } },
        p3: { ...base, id: 'p3', layer: 'base', geometry: { type: 'Polygon', coordinates: [[[120, 30], ['x', 30], [120, 31], [120, 30]]] } },
      }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.key).toBe('planFile.badFeatures');
      expect(parsed.error.params?.count).toBe(3);
      expect(parsed.error.params).toMatchObject({ list: 'base/p1、base/p2、base/p3', layerKey: 'layer.base', id: 'p1', problemKey: 'planFile.problem.badField', field: 'classCode' });
    }
  });

  it('refuses coordinates that are not longitude/latitude: x and y swapped, or metres written by hand', () => {
    const base = good.layers.base[Object.keys(good.layers.base)[0] as never] as { properties: object };
    const parsed = parsePlanText(
      withLayer('base', {
        swapped: { id: 'swapped', layer: 'base', geometry: rect(30, 120, 30.001, 120.001), properties: base.properties },
        metres: { id: 'metres', layer: 'base', geometry: rect(40512345, 3370123, 40512400, 3370200), properties: base.properties },
      }),
    );
    expect(parsed).toMatchObject({ ok: false, error: { key: 'planFile.badFeatures', params: { count: 2 } } });
    expect(parsed).toMatchObject({ ok: false, error: { params: { id: 'swapped', problemKey: 'planFile.problem.notLonLat', x: 30, y: 120 } } });
  });

  it('refuses an id that two layers share (a feature copied to another layer by hand): an edit of one would act on the other', () => {
    const shared = planWith([feature('newBuild', 'x1', rect(120, 30, 120.001, 30.001)), feature('useChange', 'x2', rect(120, 30, 120.001, 30.001))]);
    const raw = JSON.parse(serialisePlan(shared));
    raw.layers.useChange = { x1: { ...raw.layers.useChange.x2, id: 'x1' } };
    const parsed = parsePlanText(JSON.stringify(raw));
    expect(parsed).toMatchObject({ ok: false, error: { key: 'planFile.badFeatures', params: { count: 1, list: 'useChange/x1', problemKey: 'planFile.problem.idTaken', otherLayerKey: 'layer.newBuild' } } });
  });

  it('treats __proto__ and constructor as bad ids, never as object machinery', () => {
    const text = withLayer('newBuild', JSON.parse('{"__proto__": {"polluted": true}}'));
    const parsed = parsePlanText(text.replace('"newBuild":{}', '"newBuild":{"__proto__":{"id":"__proto__"}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parsed.ok).toBe(false);
  });

  it('drops profile overrides that do not have the shape of the default', () => {
    const raw = JSON.parse(serialisePlan(good));
    raw.meta.profileOverrides = { villageLandPerCapitaM2: 'lots', homesteadPerHouseholdM2: { cultivated: 120, other: 130, hillWasteland: 150 }, nonsense: 1 };
    const parsed = parsePlanText(JSON.stringify(raw));
    expect(parsed.ok && parsed.value.meta.profileOverrides).toEqual({ homesteadPerHouseholdM2: { cultivated: 120, other: 130, hillWasteland: 150 } });
  });
});

describe('plan files: rule inputs', () => {
  it('round-trips justifications, safeguard measures and the reserve quota kept back', () => {
    const plan = { ...good, meta: { ...good.meta, reserveQuotaKeptM2: 150, safeguards: [{ measure: '组织保障', content: '成立工作小组', responsible: '村委会' }], justifications: { 'no-new-industry::nb1': { text: '竹制品加工具有产业优势', at: '2026-11-01T00:00:00.000Z' } } } };
    const parsed = parsePlanText(serialisePlan(plan));
    expect(parsed.ok && parsed.value.meta).toEqual(plan.meta);
  });

  it('drops justifications without text or with a key that could reach the prototype, and bad quotas', () => {
    const raw = JSON.parse(serialisePlan(good));
    raw.meta.justifications = JSON.parse('{"__proto__": {"text": "x"}, "a": {"text": "  "}, "b": {"text": "ok", "at": 5}}');
    raw.meta.reserveQuotaKeptM2 = -5;
    raw.meta.safeguards = 'none';
    const parsed = parsePlanText(JSON.stringify(raw));
    expect(parsed.ok && parsed.value.meta).toMatchObject({ justifications: { b: { text: 'ok', at: '' } }, reserveQuotaKeptM2: null, safeguards: [] });
  });

  it('says which meta values a hand-edited file gave in a form it cannot keep (numbers in quotes), rather than dropping them silently', () => {
    const raw = JSON.parse(serialisePlan(good));
    raw.meta.population = '2884';
    raw.meta.baseYear = '2017';
    raw.meta.quotas = { cultivatedLand: '1649000', permanentBasicFarmland: 1159400 };
    raw.meta.households = null;
    const parsed = parsePlanText(JSON.stringify(raw));
    expect(parsed.ok && parsed.value.meta).toMatchObject({ population: null, households: null, quotas: { cultivatedLand: null, permanentBasicFarmland: 1159400 } });
    expect(parsed.ok && parsed.notes).toEqual([{ key: 'planFile.metaFieldsReset', params: { fields: 'baseYear、population、quotas.cultivatedLand' } }]);
    expect(parsePlanText(serialisePlan(good))).toMatchObject({ ok: true, notes: [] });
  });

  it('reads a nullable field added after the file was written as null', () => {
    const withNewBuild = planWith([feature('newBuild', 'nb1', rect(120, 30, 120.001, 30.001))]);
    const raw = JSON.parse(serialisePlan(withNewBuild));
    delete raw.layers.newBuild.nb1.properties.industryPurpose;
    const parsed = parsePlanText(JSON.stringify(raw));
    expect(parsed.ok && (parsed.value.layers.newBuild as Record<string, { properties: { industryPurpose: unknown } }>).nb1!.properties.industryPurpose).toBeNull();
  });
});
