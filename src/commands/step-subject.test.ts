import { describe, expect, it } from 'vitest';
import type { PlanFeature } from '../domain/features.ts';
import { applyPatch, putFeature, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import { beginGesture, commitGesture, EMPTY_HISTORY, type History, record, redo, undo } from './history.ts';
import { featureTag, nameSteps } from './step-subject.ts';

interface State {
  readonly plan: Plan;
  readonly history: History;
}

function exec(state: State, label: string, patch: Patch): State {
  const applied = applyPatch(state.plan, patch);
  return { plan: applied.plan, history: record(state.history, label, applied.inverse) };
}
const undone = (s: State): State => undo(s.history, s.plan) as State;
const redone = (s: State): State => redo(s.history, s.plan) as State;

const parcel = feature('base', 'b1', rect(0, 0, 2, 2), { parcelNo: '12', classCode: '111' });
const jx = (n: number, x = 0) => feature('newBuild', `nb${n}`, rect(x, 0, x + 1, 1), { parcelNo: `JX00${n}` });
const moved = (f: PlanFeature, dx: number) => ({ ...f, geometry: rect(dx, 0, dx + 1, 1) }) as PlanFeature;

describe('featureTag', () => {
  it('names a parcel by its number, a place by its name, a zone by its type', () => {
    expect(featureTag(jx(3))).toMatchObject({ layer: 'newBuild', number: 'JX003' });
    expect(featureTag(parcel)).toMatchObject({ layer: 'base', number: '12' });
    expect(featureTag(feature('controlZone', 'c', rect(0, 0, 1, 1), { zoneCode: '010' }))).toMatchObject({ codeKey: 'code.controlZone.010' });
    expect(featureTag(feature('functionalZone', 'f', rect(0, 0, 1, 1), { zoneType: 'village' }))).toMatchObject({ codeKey: 'code.functionalZoneType.village' });
    const noNumber = featureTag(feature('newBuild', 'n', rect(0, 0, 1, 1), { parcelNo: '' }));
    expect(noNumber.number).toBeUndefined();
    expect(noNumber.name).toBeUndefined();
  });
});

describe('nameSteps', () => {
  const start: State = { plan: planWith([parcel, jx(1, 5)]), history: EMPTY_HISTORY };

  it('names an added feature, also once a later step deleted it', () => {
    let s = exec(start, 'commands.add.newBuild', { features: [putFeature(jx(3))] });
    s = exec(s, 'commands.delete.label', { features: [{ layer: 'newBuild', id: jx(3).id, after: null }] });
    const named = nameSteps(s.history, s.plan);
    expect(named.undo.map((n) => [n?.feature.number, n?.effect])).toEqual([
      ['JX003', 'created'],
      ['JX003', 'deleted'],
    ]);
  });

  it('names the feature the command acted on, not the neighbours it gave a vertex to', () => {
    // add-feature: the new feature first, then shared-boundary vertex insertions (a base parcel, a drawn neighbour).
    const s = exec(start, 'commands.add.newBuild', { features: [putFeature(jx(3)), putFeature({ ...parcel, geometry: rect(0, 0, 2, 2.5) } as PlanFeature), putFeature(moved(jx(1, 5), 6))] });
    const [subject] = nameSteps(s.history, s.plan).undo;
    expect(subject).toEqual({ feature: expect.objectContaining({ layer: 'newBuild', number: 'JX003' }), effect: 'created', count: 1 });
  });

  it('counts the features a step did the same to, on the planner’s own layers', () => {
    let s = exec(start, 'commands.add.newBuild', { features: [putFeature(jx(3)), putFeature(jx(4, 2))] });
    s = exec(s, 'commands.delete.label', { features: [jx(1), jx(3), jx(4)].map((f) => ({ layer: 'newBuild' as const, id: f.id, after: null })) });
    const named = nameSteps(s.history, s.plan);
    expect(named.undo[1]).toMatchObject({ feature: { number: 'JX001' }, effect: 'deleted', count: 3 });
  });

  it('keeps a step’s name when it moves to the redo list and back', () => {
    let s = exec(start, 'commands.add.newBuild', { features: [putFeature(jx(3)), putFeature(moved(jx(1, 5), 6))] });
    s = exec(s, 'commands.reshape.moveVertex', { features: [putFeature(moved(jx(3), 0.5)), putFeature(moved(jx(1, 5), 7))] });
    const before = nameSteps(s.history, s.plan).undo;
    s = undone(undone(s));
    const asRedo = nameSteps(s.history, s.plan).redo;
    // The redo list holds the latest step first: the last entry is the next to redo.
    expect([...asRedo].reverse()).toEqual(before);
    s = redone(redone(s));
    expect(nameSteps(s.history, s.plan).undo).toEqual(before);
    expect(before[1]).toMatchObject({ feature: { number: 'JX003' }, effect: 'changed', count: 2 });
  });

  it('names a drag by the feature its first move touched', () => {
    let s: State = { ...start, history: beginGesture(start.history, 'commands.reshape.moveVertex') };
    s = exec(s, 'commands.reshape.moveVertex', { features: [putFeature(moved(jx(1, 5), 5.2))] });
    s = exec(s, 'commands.reshape.moveVertex', { features: [putFeature(jx(3)), putFeature(moved(jx(1, 5), 5.4))] });
    s = { ...s, history: commitGesture(s.history) };
    expect(nameSteps(s.history, s.plan).undo).toEqual([expect.objectContaining({ feature: expect.objectContaining({ number: 'JX001' }) })]);
  });

  it('has no subject for a change of plan figures', () => {
    const s = exec(start, 'commands.meta.figures', { features: [], meta: { population: 10 } });
    expect(nameSteps(s.history, s.plan).undo).toEqual([null]);
  });

  it('falls back to reference layers when a step touched only those', () => {
    const s = exec(start, 'commands.attributes.label', { features: [putFeature({ ...parcel, properties: { ...parcel.properties, ownerName: '张三' } } as PlanFeature)] });
    expect(nameSteps(s.history, s.plan).undo[0]).toMatchObject({ feature: { layer: 'base', number: '12' }, effect: 'changed', count: 1 });
  });
});
