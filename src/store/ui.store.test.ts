import { describe, expect, it } from 'vitest';
import { LAYER_IDS } from '../profiles/zhejiang-2017/layers.ts';
import { createUiStore } from './ui.store.ts';

describe('the ui store', () => {
  it('keeps one drawer open: the attribute table or the wide indicator tables', () => {
    const ui = createUiStore(LAYER_IDS, undefined);
    ui.setTableLayer('base');
    ui.setIndicatorTable('F2');
    expect(ui.getState()).toMatchObject({ tableLayer: null, indicatorTable: 'F2' });
    ui.setTableLayer('pbf');
    expect(ui.getState()).toMatchObject({ tableLayer: 'pbf', indicatorTable: null });
    ui.setTableLayer(null);
    expect(ui.getState()).toMatchObject({ tableLayer: null, indicatorTable: null });
  });

  it('opens the tables in 公顷 and does not save the unit with the preferences', () => {
    const saved = new Map<string, string>();
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) } as Storage;
    const ui = createUiStore(LAYER_IDS, storage);
    expect(ui.getState().tablesUnit).toBe('ha');
    ui.setTablesUnit('mu');
    expect(ui.getState().tablesUnit).toBe('mu');
    expect([...saved.values()].join()).not.toContain('tablesUnit');
    expect(createUiStore(LAYER_IDS, storage).getState().tablesUnit).toBe('ha');
  });
});
