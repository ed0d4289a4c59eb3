import { describe, expect, it } from 'vitest';
import { asFeatureId, type FeatureId } from '../../domain/ids.ts';
import { selectByClick } from './row-selection.ts';

const f = (...names: string[]): FeatureId[] => names.map(asFeatureId);
const shown = f('a', 'b', 'c', 'd', 'e');
const click = (id: string, mods: { shift?: boolean; ctrl?: boolean } = {}) => ({ id: asFeatureId(id), shift: !!mods.shift, ctrl: !!mods.ctrl });

describe('selectByClick', () => {
  it('a plain click selects that row alone (dropping a selection elsewhere) and becomes the anchor', () => {
    expect(selectByClick(shown, f('x', 'a'), asFeatureId('a'), click('c'))).toEqual({ ids: f('c'), anchor: 'c' });
  });

  it('Ctrl adds a row, or removes it when it was selected', () => {
    expect(selectByClick(shown, f('a'), asFeatureId('a'), click('c', { ctrl: true }))).toEqual({ ids: f('a', 'c'), anchor: 'c' });
    expect(selectByClick(shown, f('a', 'c'), asFeatureId('a'), click('a', { ctrl: true }))).toEqual({ ids: f('c'), anchor: 'a' });
  });

  it('Shift selects the rows from the anchor to the click, in the order shown, either way', () => {
    expect(selectByClick(shown, f('b'), asFeatureId('b'), click('d', { shift: true }))).toEqual({ ids: f('b', 'c', 'd'), anchor: 'b' });
    expect(selectByClick(shown, f('d'), asFeatureId('d'), click('b', { shift: true }))).toEqual({ ids: f('d', 'c', 'b'), anchor: 'd' });
    // A second Shift-click from the same anchor replaces the range.
    expect(selectByClick(shown, f('b', 'c', 'd'), asFeatureId('b'), click('a', { shift: true }))).toEqual({ ids: f('b', 'a'), anchor: 'b' });
  });

  it('Ctrl+Shift adds the range to the selection', () => {
    expect(selectByClick(shown, f('x', 'a'), asFeatureId('c'), click('e', { shift: true, ctrl: true }))).toEqual({ ids: f('x', 'a', 'c', 'd', 'e'), anchor: 'c' });
  });

  it('Shift without an anchor on screen (none yet, or filtered away) selects the clicked row', () => {
    expect(selectByClick(shown, [], null, click('c', { shift: true }))).toEqual({ ids: f('c'), anchor: 'c' });
    expect(selectByClick(shown, f('z'), asFeatureId('z'), click('c', { shift: true }))).toEqual({ ids: f('c'), anchor: 'c' });
  });
});
