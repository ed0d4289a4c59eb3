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
import { resolveProfile } from '../../domain/profile.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { PlanIndex } from '../../geo/plan-index.ts';
import { english, fixtureFiles } from '../test-support.ts';
import { importDxfIntoPlan, undecidedLayers } from './dxf-import-command.ts';
import { holdsDxf, joinLines, previewDxfFiles, type DxfPreview } from './dxf-preview.ts';
import { classOfCode, suggestChoice, valueFor } from './dxf-targets.ts';

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
    const parcels = p.areas.filter((a) => a.layer === '地类图斑').map((a) => [a.parcelNo, a.codes[0]]);
    expect(parcels).toEqual([
      ['T1', '0101'],
      ['T2', '0103'],
      ['T3', '0201'],
      ['T4', '0702'],
    ]);
    expect(p.areas.find((a) => a.layer === '水塘')).toMatchObject({ parcelNo: 'T5', codes: [] });
    expect(p.notes.map(english).join('\n')).toMatch(/1 polygons .* were made of lines joined end to end[\s\S]*2 lines .* do not close into polygons/);
  });

  it('R2000: a hatch and its outline are one parcel; codes from MTEXT, attributes and \\U+ text; zones and farmland guessed', () => {
    const p = preview('r2000-hand.dxf');
    expect(row(p, 'JQDLTB')).toMatchObject({ polygons: 4, duplicates: 1, withClass: 4, suggestion: { target: 'base', value: 'labels' } });
    expect(p.areas.filter((a) => a.layer === 'JQDLTB').map((a) => [a.parcelNo, a.codes[0]])).toEqual([
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
