import { describe, expect, it } from 'vitest';
import { MAP_LAYER_STYLES, type MapLayerStyle } from '../../profiles/zhejiang-2026/map-style.ts';
import { cell, database, feature, parcels } from '../../rules/ydyh/test-support.ts';
import { drawnProperties, layerData, UNKNOWN_CLASS_COLOUR } from './database-sources.ts';

const style = (layer: MapLayerStyle['layer']): MapLayerStyle => {
  const found = MAP_LAYER_STYLES.find((s) => s.layer === layer);
  if (!found) throw new Error(layer);
  return found;
};

describe('the database map sources', () => {
  it('fills a parcel by its class, a sub-class without a colour of its own by its parent', () => {
    const [paddy, homestead] = parcels('GHDLTB', 'GHDLBM', ['0101', '070301']);
    expect(drawnProperties(paddy!, style('GHDLTB'), 'ydyh-2023')).toEqual({ ref: 'GHDLTB#1', code: '0101', colour: '#f5f8dc', unknown: 0 });
    const village = drawnProperties(homestead!, style('GHDLTB'), 'ydyh-2023');
    expect(village.colour).toBe('#ffd380');
    expect(village.unknown).toBe(0);
  });

  it('colours a declared 2020 code as the checks count it, in 2023: 2020 2302 田坎 is 2303, not 后备耕地', () => {
    const [ridge] = parcels('GHDLTB', 'GHDLBM', ['2302']);
    expect(drawnProperties(ridge!, style('GHDLTB'), 'ydyh-2020')).toMatchObject({ code: '2303', colour: '#ffffff' });
    expect(drawnProperties(ridge!, style('GHDLTB'), 'ydyh-2023').code).toBe('2302');
  });

  it('marks a code that is no class, and a parcel with none, as unknown in grey', () => {
    const [wrong, empty] = parcels('GHDLTB', 'GHDLBM', ['9999', '']);
    expect(drawnProperties(wrong!, style('GHDLTB'), 'ydyh-2023')).toMatchObject({ code: '9999', colour: UNKNOWN_CLASS_COLOUR, unknown: 1 });
    expect(drawnProperties(empty!, style('GHDLTB'), 'ydyh-2023')).toMatchObject({ code: '', unknown: 1 });
  });

  it('outlines a control boundary by its type code, or by its type name where only the name is filled', () => {
    const byCode = feature('GKBJ#1', cell(0), { GKBJLXDM: '0301' });
    const byName = feature('GKBJ#2', cell(1), { GKBJLXMC: '村庄弹性发展区' });
    const neither = feature('GKBJ#3', cell(2), { GKBJLXDM: '0399' });
    expect(drawnProperties(byCode, style('GKBJ'), 'ydyh-2023')).toMatchObject({ code: '0301', colour: '#e65000', unknown: 0 });
    expect(drawnProperties(byName, style('GKBJ'), 'ydyh-2023')).toMatchObject({ code: '0302', colour: '#ff9600', unknown: 0 });
    expect(drawnProperties(neither, style('GKBJ'), 'ydyh-2023')).toMatchObject({ unknown: 1 });
  });

  it('leaves a record without a shape off the map and keeps every other feature with its ref', () => {
    const db = database({ GHDLTB: [...parcels('GHDLTB', 'GHDLBM', ['0101', '0301']), feature('GHDLTB#3', null, { GHDLBM: '0101' })] });
    const data = layerData(db, style('GHDLTB'));
    expect(data.features.map((f) => f.properties.ref)).toEqual(['GHDLTB#1', 'GHDLTB#2']);
  });
});

describe('the database map sources with the plan’s own colours', () => {
  it('fills a parcel with its class’s plan colour, the others as before', () => {
    const [dry, homestead] = parcels('GHDLTB', 'GHDLBM', ['0103', '070301']);
    const planColours = { '0103': '#1060c0' } as const;
    expect(drawnProperties(dry!, style('GHDLTB'), 'ydyh-2023', planColours)).toMatchObject({ code: '0103', colour: '#1060c0', unknown: 0 });
    expect(drawnProperties(homestead!, style('GHDLTB'), 'ydyh-2023', planColours).colour).toBe(drawnProperties(homestead!, style('GHDLTB'), 'ydyh-2023').colour);
    const db = { ...database({ GHDLTB: [dry!, homestead!] }), classColours: planColours };
    expect(layerData(db, style('GHDLTB')).features.map((f) => f.properties.colour)[0]).toBe('#1060c0');
  });
});
