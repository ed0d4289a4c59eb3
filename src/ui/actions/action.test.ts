// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { setAttribute } from '../../commands/set-attributes.command.ts';
import type { FeatureId } from '../../domain/ids.ts';
import { feature, planWith, rect } from '../../domain/test-support.ts';
import { createEditor } from '../../store/editor.ts';
import { runCommand } from './action.ts';
import { testServices } from './test-support.ts';

describe('runCommand', () => {
  const ids = ['a', 'b', 'c'] as FeatureId[];
  const editor = createEditor(planWith(ids.map((id) => feature('newBuild', id, rect(120, 30, 120.001, 30.001), { note: '' }))), undefined);
  const services = testServices(editor);
  const notes = () => ids.map((id) => editor.plan.getState().plan.layers.newBuild[id]?.properties.note);

  it('applies one bulk edit as one undo step', () => {
    expect(runCommand(services, setAttribute(editor.plan.context(), ids, 'note', '待核实'))).toBe(true);
    expect(notes()).toEqual(['待核实', '待核实', '待核实']);
    expect(editor.plan.getState().history.undo).toHaveLength(1);
    editor.plan.undo();
    expect(notes()).toEqual(['', '', '']);
  });

  it('a read-only plan refuses with its own message, shown to the planner', () => {
    const reason = { key: 'drafts.tabs.readOnly' };
    editor.plan.setReadOnly(reason);
    const version = editor.plan.getState().version;
    expect(runCommand(services, setAttribute(editor.plan.context(), ids, 'note', '待核实'))).toBe(false);
    expect(editor.plan.getState().version).toBe(version);
    expect(editor.messages.getState().toasts.at(-1)).toMatchObject({ level: 'error', message: reason });
    editor.plan.setReadOnly(null);
  });
});
