import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../tests/support/memory-storage.ts';
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { DEFAULT_SNAP_SETTINGS, readSnapping, SNAPPING_KEY, snapLayers, type SnapSettings } from './snap-settings.ts';
import { createToolStore } from './tool.store.ts';

const stored = (value: unknown) => {
  const storage = memoryStorage();
  storage.setItem(SNAPPING_KEY, typeof value === 'string' ? value : JSON.stringify(value));
  return storage;
};

describe('remembered snapping settings', () => {
  it('start at the defaults: on, 10 px, vertices and edges, all visible layers', () => {
    const tool = createToolStore(memoryStorage());
    expect(tool.getState().snapping).toBe(true);
    expect(tool.getState().snapSettings).toEqual({ tolerancePx: 10, vertices: true, edges: true, layers: { kind: 'allVisible' } });
    expect(createToolStore(undefined).getState().snapSettings).toEqual(DEFAULT_SNAP_SETTINGS);
  });

  it('survive a reload of the store', () => {
    const storage = memoryStorage();
    const tool = createToolStore(storage);
    tool.setSnapping(false);
    tool.setSnapSettings({ tolerancePx: 20, edges: false });
    tool.setSnapSettings({ layers: { kind: 'chosen', layers: ['base', 'boundary'] } });
    const reloaded = createToolStore(storage).getState();
    expect(reloaded.snapping).toBe(false);
    // Chosen layers come back in catalogue order.
    expect(reloaded.snapSettings).toEqual({ tolerancePx: 20, vertices: true, edges: false, layers: { kind: 'chosen', layers: ['boundary', 'base'] } });
  });

  it('are not written while drawing (only when they change)', () => {
    const storage = memoryStorage();
    const writes: string[] = [];
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      writes.push(key);
      setItem(key, value);
    };
    const tool = createToolStore(storage);
    tool.setLiveArea(12);
    tool.setTool({ kind: 'measure' });
    tool.setClipToNeighbours(false);
    expect(writes).toEqual([]);
    tool.setSnapSettings({ tolerancePx: 25 });
    expect(writes).toEqual([SNAPPING_KEY]);
  });

  it.each([
    ['a tolerance that is not a number', { settings: { tolerancePx: 'abc' } }],
    ['a tolerance beyond 30 px', { settings: { tolerancePx: 999 } }],
    ['a tolerance below 5 px', { settings: { tolerancePx: 2 } }],
    ['a fractional tolerance', { settings: { tolerancePx: 12.5 } }],
    ['an infinite tolerance (null in JSON)', { settings: { tolerancePx: null } }],
    ['no settings at all', { snapping: true }],
    ['settings that are not an object', { settings: 'vertex' }],
    ['a stored array', [1, 2, 3]],
    ['a stored number', 42],
    ['JSON that does not parse', '{"settings": {'],
  ])('read %s as the defaults, never failing', (_name, value) => {
    const tool = createToolStore(stored(value));
    expect(tool.getState().snapSettings).toEqual(DEFAULT_SNAP_SETTINGS);
    expect(tool.getState().snapping).toBe(true);
  });

  it('keep each good field when another is bad', () => {
    const remembered = readSnapping(stored({ snapping: 'no', settings: { tolerancePx: 999, vertices: false, edges: 'yes', layers: { kind: 'chosen', layers: ['boundary', 'nonsense', 7, 'boundary', 'places'] } } }));
    // 'places' is a point layer nothing snaps to; repeated and unknown names are dropped.
    expect(remembered).toEqual({ snapping: true, settings: { tolerancePx: 10, vertices: false, edges: true, layers: { kind: 'chosen', layers: ['boundary'] } } });
    expect(readSnapping(stored({ settings: { tolerancePx: 30, layers: { kind: 'chosen' } } })).settings).toEqual({ ...DEFAULT_SNAP_SETTINGS, tolerancePx: 30 });
  });

  it('never snap to neither vertices nor edges: that falls back to both', () => {
    expect(readSnapping(stored({ settings: { vertices: false, edges: false } })).settings).toMatchObject({ vertices: true, edges: true });
    const tool = createToolStore(memoryStorage());
    tool.setSnapSettings({ vertices: false });
    tool.setSnapSettings({ edges: false });
    expect(tool.getState().snapSettings).toMatchObject({ vertices: true, edges: true });
  });

  it('refuse a bad value asked for by code, keeping the store valid', () => {
    const tool = createToolStore(memoryStorage());
    tool.setSnapSettings({ tolerancePx: 15 });
    tool.setSnapSettings({ tolerancePx: Number.NaN });
    expect(tool.getState().snapSettings.tolerancePx).toBe(10);
  });

  it('survive a storage that throws on reading and on writing', () => {
    const broken = memoryStorage();
    broken.getItem = () => {
      throw new Error('SecurityError');
    };
    broken.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const tool = createToolStore(broken);
    expect(tool.getState().snapSettings).toEqual(DEFAULT_SNAP_SETTINGS);
    expect(() => tool.setSnapSettings({ tolerancePx: 20 })).not.toThrow();
    expect(tool.getState().snapSettings.tolerancePx).toBe(20);
  });
});

describe('snapLayers', () => {
  const all = (_layer: LayerId) => true;
  it('all visible layers: the boundary, the base parcels and the drawn layers that are shown', () => {
    expect(snapLayers(DEFAULT_SNAP_SETTINGS, all)).toEqual(['boundary', 'base', 'demolition', 'newBuild', 'useChange', 'reserve', 'facility', 'functionalZone', 'consolidationZone', 'controlZone']);
    expect(snapLayers(DEFAULT_SNAP_SETTINGS, (layer) => layer !== 'base' && layer !== 'consolidationZone')).not.toContain('base');
  });

  it('a chosen list: only those, and only while shown', () => {
    const chosen: SnapSettings = { ...DEFAULT_SNAP_SETTINGS, layers: { kind: 'chosen', layers: ['base', 'boundary'] } };
    expect(snapLayers(chosen, all)).toEqual(['boundary', 'base']);
    expect(snapLayers(chosen, (layer) => layer !== 'base')).toEqual(['boundary']);
    expect(snapLayers({ ...DEFAULT_SNAP_SETTINGS, layers: { kind: 'chosen', layers: [] } }, all)).toEqual([]);
  });
});
