/**
 * A drawing into the plan: the preview's rows per CAD layer (what each holds, what its labels say, a first
 * guess of its target), labels joined to the polygon they fall in, rings from lines, one polygon for a
 * hatch and its outline; then ONE command that replaces each chosen plan layer, cuts island parcels out of
 * the parcel around them, and is undone by its inverse.
 */
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../domain/patch.ts';
import { parsePlanText } from '../../domain/plan-file.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { PlanIndex } from '../../geo/plan-index.ts';
import { english, fixtureFiles } from '../test-support.ts';
import { importDxfIntoPlan, undecidedLayers } from './dxf-import-command.ts';
import { holdsDxf, joinLines, previewDxfFiles, withoutDoubles, type DxfPreview } from './dxf-preview.ts';
import { classOfCode, suggestChoice, valueFor } from './dxf-targets.ts';
import { parcelNumber } from './dxf-text.ts';

function preview(name: string): DxfPreview {
  const result = previewDxfFiles(fixtureFiles('dxf', name));
  if (!result.ok) throw new Error(english(result.error));
  return result.value.preview;
}

function sample() {
  const parsed = parsePlanText(readFileSync('samples/sample-village.plan.json', 'utf8'));
  if (!parsed.ok) throw new Error('sample');
  const plan = parsed.value;
  return { plan, profile: resolveProfile(plan.meta.profileId, plan.meta.profileOverrides), index: PlanIndex.build(plan) };
}

const row = (p: DxfPreview, name: string) => p.layers.find((l) => l.name === name);

describe('DXF preview', () => {
  it('R12: a row per CAD layer with a first guess; labels joined to parcels; the boundary closed from four lines', () => {
    const p = preview('r12-hand.dxf');
    expect(p.crs).toContain('EPSG:4528');
    expect(row(p, '地类图斑')).toMatchObject({ polygons: 4, withClass: 4, withNumber: 4, suggestion: { target: 'base', value: 'labels' } });
    expect(row(p, '村界')).toMatchObject({ polygons: 1, fromLines: 1, openLines: 0, suggestion: { target: 'boundary' } });
    expect(row(p, '道路')).toMatchObject({ polygons: 0, openLines: 1, suggestion: { target: 'skip' } });
    expect(row(p, '地类注记')).toMatchObject({ polygons: 0, texts: 7 });
    expect(row(p, '独立地物')).toMatchObject({ polygons: 1, openLines: 1, suggestion: { target: 'skip' } });
    const parcels = p.areas.filter((a) => a.layer === '地类图斑').map((a) => [parcelNumber(a, a.codes[0] ?? null), a.codes[0]]);
    expect(parcels).toEqual([
      ['T1', '0101'],
      ['T2', '0103'],
      ['T3', '0201'],
      ['T4', '0702'],
    ]);
    expect(p.areas.find((a) => a.layer === '水塘')).toMatchObject({ tokens: ['T5'], codes: [] });
    expect(p.notes.map(english).join('\n')).toMatch(/1 polygons .* were made of lines joined end to end[\s\S]*2 lines .* do not close into polygons/);
  });

  it('R2000: a hatch and its outline are one parcel; codes from MTEXT, attributes and \\U+ text; zones and farmland guessed', () => {
    const p = preview('r2000-hand.dxf');
    expect(row(p, 'JQDLTB')).toMatchObject({ polygons: 4, duplicates: 1, withClass: 4, suggestion: { target: 'base', value: 'labels' } });
    expect(p.areas.filter((a) => a.layer === 'JQDLTB').map((a) => [parcelNumber(a, a.codes[0] ?? null), a.codes[0]])).toEqual([
      ['Q1', '0101'],
      ['Q2', '0201'],
      ['Q3', '0301'],
      ['Q4', '0702'],
    ]);
    expect(row(p, 'GZQ')).toMatchObject({ polygons: 1, withZone: 1, suggestion: { target: 'townshipZones', value: 'labels' } });
    expect(row(p, 'JBNT')?.suggestion).toEqual({ target: 'pbf', value: 'G112' });
    expect(row(p, '坑塘')?.suggestion).toEqual({ target: 'base', value: '153' });
    expect(valueFor('townshipZones', 'labels', p.areas.find((a) => a.layer === 'GZQ')?.codes ?? [])).toBe('010');
  });

  it('knows a drawing among the files, loose or zipped', () => {
    expect(holdsDxf(fixtureFiles('dxf', 'r12-hand.dxf'))).toBe(true);
    expect(holdsDxf([{ name: 'a.geojson', bytes: new Uint8Array() }])).toBe(false);
  });

  it('joins lines end to end only where two meet; a T-junction leaves them open', () => {
    const square = [[[0, 0], [1, 0]], [[1, 0], [1, 1]], [[0, 1], [1, 1]], [[0, 1], [0, 0]]];
    expect(joinLines(square)).toMatchObject({ rings: [expect.any(Array)], open: 0 });
    expect(joinLines([...square, [[1, 0], [2, 0]]])).toMatchObject({ rings: [], open: 5 });
  });

  it('closes a boundary drawn as lines whose ends miss by a fraction of a millimetre, as CAD’s join does', () => {
    const [x, y] = [40571400, 3370600];
    // Corners as each line has them, each end off by up to 0.3 mm from the next line's start.
    const lines = [
      [x, y, x + 100.0003, y],
      [x + 100, y + 0.0002, x + 100, y + 100],
      [x + 100.0001, y + 100.0003, x, y + 100],
      [x - 0.0003, y + 100, x + 0.0002, y - 0.0001],
    ];
    const entities = lines.map(([x1, y1, x2, y2]) => `0\nLINE\n8\n村界\n10\n${x1}\n20\n${y1}\n11\n${x2}\n21\n${y2}\n`).join('');
    const result = previewDxfFiles([{ name: '村界.dxf', bytes: new TextEncoder().encode(`0\nSECTION\n2\nENTITIES\n${entities}0\nENDSEC\n0\nEOF\n`) }]);
    if (!result.ok) throw new Error(english(result.error));
    expect(row(result.value.preview, '村界')).toMatchObject({ polygons: 1, fromLines: 1, openLines: 0, suggestion: { target: 'boundary' } });
    const [boundary] = result.value.preview.areas;
    expect(ellipsoidalArea(boundary!.geometry as Polygon)).toBeCloseTo(9_998.7, 0);
    // Lines that miss by a centimetre are not joined.
    expect(joinLines([[[0, 0], [1, 0]], [[1, 1e-7], [1, 1]], [[1, 1], [0, 1]], [[0, 1], [0, 0]]])).toMatchObject({ rings: [], open: 4 });
  });

  it('counts a hatch and its outlines once, but keeps an island parcel drawn with its own fill inside a hole', () => {
    const ring = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
    const outer = ring(0, 0, 10, 10);
    const hole = ring(3, 3, 6, 6).reverse();
    const polygon = (...rings: number[][][]) => ({ type: 'Polygon' as const, coordinates: rings });
    // A simple parcel: its outline and its hatch.
    expect(withoutDoubles([polygon(outer), polygon([...outer].reverse())])).toEqual({ kept: [0], doubles: 1 });
    // A parcel with a hole as a plan export writes it: outer outline, hole outline, one hatch with both rings.
    expect(withoutDoubles([polygon(outer), polygon(hole), polygon(outer, hole)])).toEqual({ kept: [2], doubles: 2 });
    // An island with its own outline and fill inside the hole of another hatch: the island stays.
    expect(withoutDoubles([polygon(outer, hole), polygon(hole), polygon([...hole].reverse())])).toEqual({ kept: [0, 1], doubles: 1 });
  });

  it('counts a hatch once when its loop repeats the first vertex (as GDAL writes) and its outline does not', () => {
    const corners = '10\n40571400\n20\n3370600\n10\n40571500\n20\n3370600\n10\n40571500\n20\n3370700\n10\n40571400\n20\n3370700\n';
    const hatch = `0\nHATCH\n5\nH1\n8\nP\n2\nSOLID\n70\n1\n71\n0\n91\n1\n92\n2\n72\n0\n73\n1\n93\n5\n${corners}10\n40571400\n20\n3370600\n97\n0\n75\n0\n76\n1\n98\n0\n`;
    const outline = `0\nLWPOLYLINE\n5\nL1\n8\nP\n90\n4\n70\n1\n${corners}`;
    const text = `0\nSECTION\n2\nHEADER\n9\n$ACADVER\n1\nAC1015\n0\nENDSEC\n0\nSECTION\n2\nENTITIES\n${hatch}${outline}0\nENDSEC\n0\nEOF\n`;
    const result = previewDxfFiles([{ name: 'gdal-hatch.dxf', bytes: new TextEncoder().encode(text) }]);
    if (!result.ok) throw new Error(english(result.error));
    expect(row(result.value.preview, 'P')).toMatchObject({ polygons: 1, duplicates: 1 });
    expect((result.value.preview.areas[0]?.geometry as Polygon).coordinates[0]).toHaveLength(5);
  });

  it('reads class codes of every scheme, and guesses from layer names', () => {
    expect(['0101', '011', '111', 'X2121', 'G12', '1104A', '0702'].map(classOfCode)).toEqual(['111', '111', '111', '2121', '12', '153', '2121']);
    expect(classOfCode('G111')).toBeNull();
    expect(suggestChoice('村界线', 1, { base: 0, townshipZones: 0 }).target).toBe('boundary');
    expect(suggestChoice('水田', 3, { base: 0, townshipZones: 0 })).toEqual({ target: 'base', value: '111' });
    expect(suggestChoice('图框', 1, { base: 0, townshipZones: 0 }).target).toBe('skip');
  });
});

describe('DXF into the plan', () => {
  it('replaces the base parcels and the boundary in one patch, islands cut out, classes from the labels; undone by its inverse', () => {
    const p = preview('r12-hand.dxf');
    const ctx = sample();
    expect(undecidedLayers(p, {})).toEqual([]);
    const result = importDxfIntoPlan(ctx, p, { 水塘: { target: 'base', value: '153' } });
    if (!result.ok) throw new Error(english(result.error));
    const applied = applyPatch(ctx.plan, result.patch);
    const base = Object.values(applied.plan.layers.base);
    expect(base.map((f) => [f.properties.parcelNo, f.properties.classCode, f.properties.surveyCode])).toEqual([
      ['T1', '111', '0101'],
      ['T2', '113', '0103'],
      ['T3', '12', '0201'],
      ['T4', '2121', '0702'],
      ['T5', '153', null],
    ]);
    // T3 (200 × 100 m) holds T4 (50 × 40 m) as a hole.
    const t3 = base[2]?.geometry as Polygon;
    expect(t3.coordinates).toHaveLength(2);
    expect(ellipsoidalArea(t3)).toBeCloseTo(20_000 - 2_000, -1);
    expect(Object.values(applied.plan.layers.boundary)).toHaveLength(1);
    expect(Object.values(applied.plan.layers.boundary)[0]?.properties.villageName).toBe(ctx.plan.meta.villageName);
    const notes = (result.notes ?? []).map((n) => n.key);
    expect(notes).toEqual(['io.ui.dxfImported', 'io.ui.dxfImported', 'io.ui.dxfIslands']);
    expect(result.notes?.[0]?.params).toMatchObject({ layer: 'layer.base', count: 5, replaced: 1979 });
    const undone = applyPatch(applied.plan, applied.inverse);
    expect(Object.keys(undone.plan.layers.base).sort()).toEqual(Object.keys(ctx.plan.layers.base).sort());
    expect(Object.keys(undone.plan.layers.boundary)).toEqual(Object.keys(ctx.plan.layers.boundary));
  });

  it('imports township zones and farmland from their labels and layer choices, and leaves the rest of the plan alone', () => {
    const p = preview('r2000-hand.dxf');
    const ctx = sample();
    const result = importDxfIntoPlan(ctx, p, { JQDLTB: { target: 'skip', value: null }, 坑塘: { target: 'skip', value: null } });
    if (!result.ok) throw new Error(english(result.error));
    const applied = applyPatch(ctx.plan, result.patch).plan;
    expect(Object.values(applied.layers.townshipZones).map((f) => f.properties.zoneCode)).toEqual(['010']);
    expect(Object.values(applied.layers.pbf).map((f) => f.properties.pbfType)).toEqual(['G112']);
    expect(Object.keys(applied.layers.base)).toHaveLength(1979);
  });

  it('refuses while a mapped layer has no class, and when nothing is chosen; polygons without a code are left out and named', () => {
    const p = preview('r12-hand.dxf');
    const ctx = sample();
    const undecided = importDxfIntoPlan(ctx, p, { 水塘: { target: 'base', value: null } });
    expect(!undecided.ok && english(undecided.error)).toContain('水塘');
    const none = Object.fromEntries(p.layers.map((l) => [l.name, { target: 'skip' as const, value: null }]));
    expect(importDxfIntoPlan(ctx, p, none)).toMatchObject({ ok: false, error: { key: 'io.ui.dxfNothingChosen' } });
    const labels = importDxfIntoPlan(ctx, p, { 水塘: { target: 'base', value: 'labels' } });
    expect(labels.ok && labels.notes?.find((n) => n.key === 'io.ui.dxfLeftOut')?.params).toMatchObject({ count: 1, list: '水塘 × 1' });
  });
});

describe('a plan exported as DXF and imported again', () => {
  it('gives back the base parcels with their classes and numbers, the boundary, the farmland types and the zones', async () => {
    const { writeDxf } = await import('./dxf-write.ts');
    const { createI18n } = await import('../../i18n/index.ts');
    const zh = createI18n('zh-CN');
    const ctx = sample();
    const written = writeDxf(ctx.plan, { t: (key, params) => zh.t(key, params ?? {}) });
    if (!written.ok) throw new Error('write');
    const read = previewDxfFiles([{ name: 'plan.dxf', bytes: written.value.bytes }]);
    if (!read.ok) throw new Error(english(read.error));
    const p = read.value.preview;
    expect(row(p, '基期地类图斑_111_水田')?.suggestion).toEqual({ target: 'base', value: '111' });
    expect(row(p, '基期地类图斑_2121_宅基地')?.suggestion).toEqual({ target: 'base', value: '2121' });
    expect(row(p, '永久基本农田_G111')?.suggestion).toEqual({ target: 'pbf', value: 'G111' });
    expect(row(p, '乡级规划管制区_020_有条件建设区')?.suggestion).toEqual({ target: 'townshipZones', value: '020' });
    expect(row(p, '村域界线')?.suggestion.target).toBe('boundary');
    expect(row(p, '拆旧地块_111_水田')?.suggestion.target).toBe('skip');
    // The hatch of each parcel is its outline: counted once.
    expect(row(p, '基期地类图斑_111_水田')?.duplicates).toBe(row(p, '基期地类图斑_111_水田')?.polygons);

    // Only the plan's own control zones go to the township layer when the guess is kept; leave them out here.
    const skipOwnZones = Object.fromEntries(p.layers.filter((l) => l.name.startsWith('建设用地管制区')).map((l) => [l.name, { target: 'skip' as const, value: null }]));
    const result = importDxfIntoPlan(ctx, p, skipOwnZones);
    if (!result.ok) throw new Error(english(result.error));
    const after = applyPatch(ctx.plan, result.patch).plan;
    const key = (f: { properties: { parcelNo: string; classCode: string } }) => `${f.properties.parcelNo}|${f.properties.classCode}`;
    expect(Object.values(after.layers.base).map(key).sort()).toEqual(Object.values(ctx.plan.layers.base).map(key).sort());
    const area = (plan: typeof after) => Object.values(plan.layers.base).reduce((s, f) => s + ellipsoidalArea(f.geometry), 0);
    expect(Math.abs(area(after) - area(ctx.plan))).toBeLessThan(0.5);
    expect(Object.values(after.layers.pbf).map((f) => f.properties.pbfType).sort()).toEqual(Object.values(ctx.plan.layers.pbf).map((f) => f.properties.pbfType).sort());
    expect(Object.values(after.layers.townshipZones).map((f) => f.properties.zoneCode).sort()).toEqual(Object.values(ctx.plan.layers.townshipZones).map((f) => f.properties.zoneCode).sort());
    expect(Object.keys(after.layers.boundary)).toHaveLength(1);
  });
});
