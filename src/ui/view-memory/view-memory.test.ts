import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../tests/support/memory-storage.ts';
import { MAX_VIEWS, readDraftView, VIEWS_KEY, writeDraftView, type DraftView } from './view-memory.ts';

const view = (savedAt: number, over: Partial<DraftView> = {}): DraftView => ({
  center: [120.74, 30.45],
  zoom: 17.2,
  visible: { base: true, pbf: false },
  activeLayer: 'demolition',
  savedAt,
  ...over,
});

describe('the view kept per draft', () => {
  it('reads back what was written, per draft', () => {
    const storage = memoryStorage();
    writeDraftView(storage, 'a', view(1));
    writeDraftView(storage, 'b', view(2, { zoom: 14, activeLayer: 'newBuild' }));
    expect(readDraftView(storage, 'a')).toEqual(view(1));
    expect(readDraftView(storage, 'b')).toMatchObject({ zoom: 14, activeLayer: 'newBuild' });
    expect(readDraftView(storage, 'c')).toBeNull();
  });

  it('keeps which attribute table was open, and drops a table of an unknown layer', () => {
    const storage = memoryStorage();
    writeDraftView(storage, 'a', view(1, { table: 'base' }));
    writeDraftView(storage, 'b', view(1, { table: 'nonsense' as DraftView['activeLayer'] }));
    expect(readDraftView(storage, 'a')?.table).toBe('base');
    expect(readDraftView(storage, 'b')).toEqual(view(1));
  });

  it('ignores what it cannot read: broken JSON, a view out of range, an unknown layer', () => {
    const storage = memoryStorage();
    storage.setItem(VIEWS_KEY, '{broken');
    expect(readDraftView(storage, 'a')).toBeNull();
    writeDraftView(storage, 'a', view(1, { zoom: 99 }));
    writeDraftView(storage, 'b', view(1, { activeLayer: 'nonsense' as DraftView['activeLayer'] }));
    writeDraftView(storage, 'c', view(1, { visible: { base: false, nonsense: true } as DraftView['visible'] }));
    expect(readDraftView(storage, 'a')).toBeNull();
    expect(readDraftView(storage, 'b')).toBeNull();
    expect(readDraftView(storage, 'c')?.visible).toEqual({ base: false });
    expect(readDraftView(undefined, 'a')).toBeNull();
  });

  it('keeps the most recently saved views only', () => {
    const storage = memoryStorage();
    for (let i = 0; i < MAX_VIEWS + 5; i++) writeDraftView(storage, `d${i}`, view(i));
    expect(Object.keys(JSON.parse(storage.getItem(VIEWS_KEY) ?? '{}'))).toHaveLength(MAX_VIEWS);
    expect(readDraftView(storage, 'd0')).toBeNull();
    expect(readDraftView(storage, `d${MAX_VIEWS + 4}`)).not.toBeNull();
  });
});
