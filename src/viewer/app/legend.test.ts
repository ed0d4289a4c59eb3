import { describe, expect, it } from 'vitest';
import { feature, planWith, rect } from '../../domain/test-support.ts';
import { fullCheck } from '../../rules/engine.ts';
import { buildPayload } from '../publish/build-payload.ts';
import { legendEntries } from './legend.ts';
import { decodeNotice } from './notice-model.ts';
import { CHANGE_LAYERS, planLayers } from './notice-style.ts';

/**
 * A hill village: only 旱地 and 宅基地 today. The plan restores a demolished house plot to 水田, turns a strip
 * of 旱地 into a village road (村内交通用地) and puts up a greenhouse (设施农用地).
 */
const [X, Y] = [119.1, 29.9];
const plan = planWith([
  feature('boundary', 'village', rect(X, Y, X + 0.004, Y + 0.003)),
  feature('base', 'dry', rect(X, Y, X + 0.003, Y + 0.003), { classCode: '113', parcelNo: 'JD001' }),
  feature('base', 'home', rect(X + 0.003, Y, X + 0.004, Y + 0.003), { classCode: '2121', parcelNo: 'JD002' }),
  feature('demolition', 'd1', rect(X + 0.003, Y, X + 0.004, Y + 0.001), { restorationUse: '111', parcelNo: 'CJ001' }),
  feature('useChange', 'road', rect(X, Y + 0.0014, X + 0.003, Y + 0.0016), { targetCode: '2126', parcelNo: 'TZ001' }),
  feature('facility', 'greenhouse', rect(X + 0.0005, Y + 0.002, X + 0.001, Y + 0.0025)),
]);
const details = { startDate: '2026-11-01', endDate: '2026-12-01', issuer: '某镇人民政府', contact: 'x', howToObject: 'y' };
const model = decodeNotice(buildPayload({ plan, versionName: '公示稿', details, tables: fullCheck(plan).tables, noticeId: 'n', publishedAt: '2026-10-30T00:00:00Z' }));
const keys = (view: 'plan' | 'base') => legendEntries(model, view).map((e) => e.labelKey);
const CHANGE_KEYS = ['notice.legend.demolitionToFarmland', 'notice.legend.useChange', 'notice.legend.facility'];

describe('the notice legend lists what the map shows in each view', () => {
  it('规划后: not a base class the changes cover everywhere (the one 采矿用地 plot, demolished and restored)', () => {
    // The demolition traced over the plot, its corners 0.3 mm off: a sliver of the mine shows nowhere.
    const hair = 0.0003 / 96_000;
    const mine = rect(X + 0.004, Y, X + 0.005, Y + 0.001);
    const traced = rect(X + 0.004 - hair, Y + hair, X + 0.005 + hair, Y + 0.001 - hair);
    const withMine = planWith([...Object.values(plan.layers).flatMap((layer) => Object.values(layer)), feature('base', 'mine', mine, { classCode: '213' }), feature('demolition', 'd2', traced, { restorationUse: '131' })]);
    const published = decodeNotice(buildPayload({ plan: withMine, versionName: '公示稿', details, tables: fullCheck(withMine).tables, noticeId: 'n', publishedAt: '2026-10-30T00:00:00Z' }));
    expect(legendEntries(published, 'plan').map((e) => e.labelKey)).not.toContain('landClass.213');
    expect(legendEntries(published, 'base').map((e) => e.labelKey)).toContain('landClass.213');
    // A file published before lists every base class, as it always did.
    const older = { ...published.payload, shownInPlan: undefined };
    expect(legendEntries(decodeNotice(older), 'plan').map((e) => e.labelKey)).toContain('landClass.213');
  });

  it('规划后: the changes, and each class the map fills, those only a change brings included', () => {
    expect(keys('plan')).toEqual([...CHANGE_KEYS, 'notice.legend.boundary', 'landClass.111', 'landClass.113', 'landClass.2121', 'landClass.2126']);
  });

  it('现状: the map hides the changes, so the legend names neither them nor their new uses', () => {
    const shown = new Set(planLayers('base').filter((l) => l.layout?.visibility !== 'none').map((l) => l.id.split('-')[0]));
    expect(CHANGE_LAYERS.filter((layer) => shown.has(layer))).toEqual([]);
    expect(keys('base')).toEqual(['notice.legend.boundary', 'landClass.113', 'landClass.2121']);
  });
});
