import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { union } from '../../geo/overlay.ts';
import { parseVillageDatabaseText } from '../../io/village-database/database-file.ts';
import type { AreaGeometry } from '../../domain/features.ts';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { checkDatabase } from '../../rules/ydyh/index.ts';
import { cell, database, feature } from '../../rules/ydyh/test-support.ts';
import { areaM2, parcelControlType } from './control-boundaries.ts';
import { applyEdit, isEmptyEdit } from './database-edit.ts';
import { EMPTY_DATABASE_HISTORY, record, undo } from './database-history.ts';
import { deriveControlBoundaries, drawingsSinceDerivation } from './derive-control-boundaries.command.ts';
import { drawControlBoundary } from './draw-control-boundary.command.ts';
import { reclassify } from './reclassify.command.ts';

const XZQDM = '330106001001';

/** Cells 0–4: village land, farmland, farmland under the PBF, forest under the red line, farmland. */
const village = (gkbj?: VillageDatabase['layers']['GKBJ']) =>
  database({
    CJDCQ: [feature('CJDCQ#1', cell(0, 0, 0.005), { ZLDWDM: `${XZQDM}0000000` })],
    GHDLTB: ['0703', '0103', '0103', '0301', '0103'].map((code, k) => feature(`GHDLTB#${k + 1}`, cell(k), { GHDLBM: code, GHDLMC: '', SSBJLX: null })),
    YJJBNT: [feature('YJJBNT#1', cell(2))],
    STBHHX: [feature('STBHHX#1', cell(3))],
    ...(gkbj ? { GKBJ: gkbj.features } : {}),
  });

const derive = (db: VillageDatabase) => {
  const edit = deriveControlBoundaries(db);
  if (!edit.ok) throw new Error(edit.error.key);
  return edit;
};
const typesOf = (db: VillageDatabase) => Object.fromEntries((db.layers.GKBJ?.features ?? []).map((f) => [f.properties.GKBJLXDM, f.properties.MJ]));
const merged = (...geometries: AreaGeometry[]): AreaGeometry => {
  const result = union(geometries);
  if (!result.ok || result.value === null) throw new Error('union');
  return result.value;
};

describe('deriveControlBoundaries', () => {
  const db = village();
  const first = derive(db);
  const derived = applyEdit(db, first.value, 'forward');

  it('gives each type its parcels dissolved, 0202 for the PBF and 0102 for the red line, with BSM, YSDM and MJ', () => {
    expect(typesOf(derived)).toEqual({
      '0102': areaM2(cell(3)),
      '0201': areaM2(merged(cell(1), cell(4))),
      '0202': areaM2(cell(2)),
      '0301': areaM2(cell(0)),
    });
    const [boundary] = derived.layers.GKBJ?.features ?? [];
    expect(boundary?.ref).toBe(`GKBJ#${XZQDM}00000001`);
    expect(boundary?.properties).toMatchObject({ BSM: `${XZQDM}00000001`, YSDM: DATABASE_LAYERS.find((layer) => layer.name === 'GKBJ')?.ysdm, GKBJLXMC: '生态保护红线', GKBJLXDM: '0102' });
    expect(first.notes).toEqual([]);
  });

  it('adds the GKBJ layer the database lacked, and undo removes it again', () => {
    expect(db.layers.GKBJ).toBeUndefined();
    expect(derived.layers.GKBJ?.fieldNames).toContain('GKBJLXDM');
    expect(applyEdit(derived, first.value, 'back')).toEqual(db);
  });

  it('after a farmland cell is reclassified as 070301, 0301 grows by it and no village land lies outside the boundary; undo restores the previous GKBJ', () => {
    const reclassified = reclassify(derived, ['GHDLTB#2'], '070301');
    if (!reclassified.ok) throw new Error(reclassified.error.key);
    const changed = applyEdit(derived, reclassified.value, 'forward');
    expect(checkDatabase(changed).issues.filter((i) => i.rule === 'village-land-in-boundary')).not.toEqual([]);
    const again = derive(changed);
    const history = record(EMPTY_DATABASE_HISTORY, again.value);
    const after = applyEdit(changed, again.value, 'forward');
    expect(typesOf(after)).toMatchObject({ '0301': areaM2(merged(cell(0), cell(1))), '0201': areaM2(cell(4)) });
    expect(checkDatabase(after).issues.filter((i) => i.rule === 'village-land-in-boundary')).toEqual([]);
    expect(undo(after, history)?.db.layers.GKBJ).toEqual(derived.layers.GKBJ);
  });

  it('is an empty edit, with a note, when GKBJ already is the derived one', () => {
    const same = derive(derived);
    expect(isEmptyEdit(same.value)).toBe(true);
    expect(same.notes).toEqual([{ key: 'databaseEdit.deriveControl.unchanged' }]);
  });

  it('is refused in a 2020-declared database, without planned parcels, and without a village code', () => {
    expect(deriveControlBoundaries({ ...db, edition: 'ydyh-2020' })).toMatchObject({ ok: false, error: { key: 'databaseEdit.deriveControl.edition2020' } });
    expect(deriveControlBoundaries(database({ CJDCQ: db.layers.CJDCQ?.features ?? [] }))).toMatchObject({ ok: false, error: { key: 'databaseEdit.deriveControl.noParcels' } });
    expect(deriveControlBoundaries(database({ GHDLTB: db.layers.GHDLTB?.features ?? [] }))).toMatchObject({ ok: false, error: { key: 'databaseEdit.deriveControl.noXzqdm' } });
  });

  it('names the parcels whose class has no type', () => {
    const odd = database({ ...{ CJDCQ: db.layers.CJDCQ?.features ?? [] }, GHDLTB: [feature('GHDLTB#1', cell(0), { GHDLBM: '24' }), feature('GHDLTB#2', cell(1), { GHDLBM: '0703' })] });
    expect(derive(odd).notes).toEqual([{ key: 'databaseEdit.deriveControl.untyped', params: { count: 1, refs: 'GHDLTB#1' } }]);
  });
});

describe('deriveControlBoundaries with the plan’s own types of classes', () => {
  const db = village();

  it('types the overridden class as the plan says, the other parcels as before', () => {
    const overridden = applyEdit(db, derive({ ...db, controlTypes: { '0103': '0301' } }).value, 'forward');
    expect(typesOf(overridden)).toEqual({ '0102': areaM2(cell(3)), '0202': areaM2(cell(2)), '0301': areaM2(merged(cell(0), cell(1), cell(4))) });
  });

  it('an ancestor’s override reaches its descendants; PBF, the red line and SSBJLX still win', () => {
    const zones = { pbf: [cell(2)], redLine: [cell(3)] };
    expect(parcelControlType(cell(1), '0103', null, zones, { '01': '0101' })).toBe('0101');
    expect(parcelControlType(cell(2), '0103', null, zones, { '0103': '0301' })).toBe('0202');
    expect(parcelControlType(cell(3), '0301', null, zones, { '03': '0301' })).toBe('0102');
    expect(parcelControlType(cell(1), '0103', 'T', zones, { '0103': '0301' })).toBe('0302');
  });
});

const sample = () => {
  const text = readFileSync(new URL('../../../samples/sample-village-2026.database.json', import.meta.url), 'utf8');
  const parsed = parseVillageDatabaseText(text, 'sample-village-2026.database.json');
  if (!parsed.ok) throw new Error(parsed.error.key);
  return parsed;
};

describe('deriveControlBoundaries on the committed 2026 sample', () => {
  it('gives back the sample’s own GKBJ: an empty edit', () => {
    const parsed = sample();
    const started = performance.now();
    const edit = deriveControlBoundaries(parsed.value);
    const seconds = (performance.now() - started) / 1000;
    console.info(`deriving GKBJ of the sample (${parsed.value.layers.GHDLTB?.features.length} parcels) took ${seconds.toFixed(2)} s`);
    expect(edit.ok && isEmptyEdit(edit.value)).toBe(true);
    expect(edit.ok && edit.notes).toEqual([{ key: 'databaseEdit.deriveControl.unchanged' }]);
  }, 60_000);

  it('an override of 0103 moves exactly its 一般农业空间 parcels to 村庄集中建设区', () => {
    const { value: db } = sample();
    const zones = { pbf: (db.layers.YJJBNT?.features ?? []).map((f) => f.geometry as AreaGeometry), redLine: (db.layers.STBHHX?.features ?? []).map((f) => f.geometry as AreaGeometry) };
    const moved = (db.layers.GHDLTB?.features ?? [])
      .filter((f) => f.properties.GHDLBM === '0103' && parcelControlType(f.geometry as AreaGeometry, '0103', f.properties.SSBJLX as string | null, zones) === '0201')
      .reduce((sum, f) => sum + areaM2(f.geometry as AreaGeometry), 0);
    expect(moved).toBeGreaterThan(10_000);
    const before = typesOf(db);
    const after = typesOf(applyEdit(db, derive({ ...db, controlTypes: { '0103': '0301' } }).value, 'forward'));
    const change = (type: string) => Number(after[type]) - Number(before[type]);
    expect(change('0201')).toBeCloseTo(-moved, -1);
    expect(change('0301')).toBeCloseTo(moved, -1);
    for (const type of ['0101', '0102', '0202', '0302', '0900']) expect(after[type]).toBe(before[type]);
  }, 60_000);
});

describe('drawingsSinceDerivation: the hand drawings a derivation would replace', () => {
  it('counts the 管控边界 drawn since the last derivation in the undo history, from the steps the commands make', () => {
    const db = village();
    const derived = derive(db).value;
    const withGkbj = applyEdit(db, derived, 'forward');
    const drawing = drawControlBoundary(withGkbj, cell(4), '0302');
    if (!drawing.ok) throw new Error(drawing.error.key);
    const reclassified = reclassify(withGkbj, ['GHDLTB#2'], '0301');
    if (!reclassified.ok) throw new Error(reclassified.error.key);
    const drawn = drawing.value;
    const other = reclassified.value;
    expect(drawingsSinceDerivation([])).toBe(0);
    expect(drawingsSinceDerivation([derived, other])).toBe(0);
    expect(drawingsSinceDerivation([derived, drawn, other, drawn])).toBe(2);
    expect(drawingsSinceDerivation([drawn, derived, other])).toBe(0);
    expect(drawingsSinceDerivation([drawn, derived, drawn])).toBe(1);
  });
});
