import { describe, expect, it } from 'vitest';
import type { CommandResult } from '../commands/command.ts';
import { putFeature, type Patch } from '../domain/patch.ts';
import type { Plan } from '../domain/plan.ts';
import { feature, planWith, rect } from '../domain/test-support.ts';
import type { ValidationAnswer } from '../rules/answer.ts';
import type { Tables } from '../rules/tables/index.ts';
import { createIssuesStore } from '../store/issues.store.ts';
import { createPlanStore } from '../store/plan.store.ts';
import { connectValidation, type ValidationLink } from './validation-client.ts';

type Call = { readonly kind: 'load'; readonly plan: Plan; readonly version: number } | { readonly kind: 'patch'; readonly patch: Patch; readonly version: number };

/** A fake worker: records each request and answers only when the test says so. */
function fakeLink() {
  const calls: Call[] = [];
  const pending: { resolve: (a: ValidationAnswer) => void; reject: (e: unknown) => void; version: number }[] = [];
  const request = (call: Call) =>
    new Promise<ValidationAnswer>((resolve, reject) => {
      calls.push(call);
      pending.push({ resolve, reject, version: call.version });
    });
  const link: ValidationLink = {
    load: (plan, version) => request({ kind: 'load', plan, version }),
    patch: (patch, version) => request({ kind: 'patch', patch, version }),
  };
  /** Answers the oldest open request (with its own version unless told otherwise) and lets the client run. */
  const answer = async (issueCount = 0, version?: number) => {
    const next = pending.shift();
    if (!next) throw new Error('no open request');
    next.resolve(answerFor(version ?? next.version, issueCount));
    await settle();
  };
  const fail = async (message: string) => {
    pending.shift()?.reject(new Error(message));
    await settle();
  };
  return { link, calls, answer, fail, open: () => pending.length };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function answerFor(version: number, issueCount: number): ValidationAnswer {
  const issues = Array.from({ length: issueCount }, (_, i) => ({ key: `k${i}` })) as unknown as ValidationAnswer['issues'];
  return { version, issues, summary: { errors: issueCount, warnings: 0, justified: 0, notChecked: 0, byRule: {} } as unknown as ValidationAnswer['summary'], tables: {} as Tables, checkMs: 1 };
}

const zone = (id: string, size: number) => feature('functionalZone', id, rect(120, 30, 120 + size * 1e-4, 30 + size * 1e-4));
const put = (id: string, size: number): CommandResult => ({ ok: true, patch: { features: [putFeature(zone(id, size))] }, label: 'commands.reshape.moveVertex' });

function setup() {
  const plan = createPlanStore(planWith([zone('a', 1)]));
  const issues = createIssuesStore();
  const fake = fakeLink();
  const stop = connectValidation(fake.link, plan, issues);
  return { plan, issues, fake, stop };
}

describe('validation client', () => {
  it('sends the plan once with the store version, marks checking, and keeps the answer', async () => {
    const { plan, issues, fake } = setup();
    expect(fake.calls).toEqual([{ kind: 'load', plan: plan.getState().plan, version: 0 }]);
    expect(issues.getState().checking).toBe(true);
    await fake.answer(2);
    expect(issues.getState()).toMatchObject({ version: 0, checking: false, failure: null });
    expect(issues.getState().issues).toHaveLength(2);
  });

  it('sends each edit as a patch tagged with the new version, never the whole plan again', async () => {
    const { plan, issues, fake } = setup();
    await fake.answer();
    plan.execute(put('a', 2));
    expect(fake.calls[1]).toEqual({ kind: 'patch', patch: { features: [putFeature(zone('a', 2))] }, version: 1 });
    await fake.answer(1);
    expect(issues.getState()).toMatchObject({ version: 1, checking: false });
  });

  it('coalesces the patches that arrive while the worker is busy into one message with the newest version', async () => {
    const { plan, issues, fake } = setup();
    await fake.answer();
    plan.execute(put('a', 2));
    plan.execute(put('a', 3));
    plan.execute(put('b', 1));
    plan.execute(put('a', 4));
    // One request in flight (version 1); versions 2–4 wait as one.
    expect(fake.calls).toHaveLength(2);
    await fake.answer();
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls[2]).toEqual({
      kind: 'patch',
      patch: { features: [putFeature(zone('a', 3)), putFeature(zone('b', 1)), putFeature(zone('a', 4))] },
      version: 4,
    });
    await fake.answer();
    expect(issues.getState()).toMatchObject({ version: 4, checking: false });
    expect(fake.open()).toBe(0);
  });

  it('drops an answer while a newer request waits: the issues store never shows a plan the page has left', async () => {
    const { plan, issues, fake } = setup();
    await fake.answer(5);
    plan.execute(put('a', 2));
    plan.execute(put('a', 3));
    await fake.answer(7); // for version 1, but version 2 is waiting
    expect(issues.getState()).toMatchObject({ version: 0, checking: true });
    expect(issues.getState().issues).toHaveLength(5);
    await fake.answer(1);
    expect(issues.getState()).toMatchObject({ version: 2, checking: false });
    expect(issues.getState().issues).toHaveLength(1);
  });

  it('drops an answer for an older version than the one sent', async () => {
    const { plan, issues, fake } = setup();
    await fake.answer();
    plan.execute(put('a', 2));
    await fake.answer(3, 0);
    expect(issues.getState().issues).toHaveLength(0);
    expect(issues.getState().checking).toBe(false);
  });

  it('replaces a waiting load and the patches after it by one load of the plan as it is now', async () => {
    const { plan, fake } = setup();
    plan.execute(put('a', 2)); // the first load is still in flight
    plan.load(planWith([zone('c', 1)]));
    plan.execute(put('c', 2));
    plan.execute(put('c', 3));
    await fake.answer();
    expect(fake.calls.map((c) => [c.kind, c.version])).toEqual([
      ['load', 0],
      ['load', 4],
    ]);
    expect(fake.calls[1]).toMatchObject({ plan: plan.getState().plan });
  });

  it('sends a reset as a load', async () => {
    const { plan, fake } = setup();
    await fake.answer();
    plan.load(planWith([zone('c', 1)]));
    expect(fake.calls[1]).toEqual({ kind: 'load', plan: plan.getState().plan, version: 1 });
  });

  it('reports a worker failure and goes on with the next request', async () => {
    const { plan, issues, fake } = setup();
    await fake.fail('boom');
    expect(issues.getState()).toMatchObject({ failure: 'boom', checking: false });
    plan.execute(put('a', 2));
    await fake.answer();
    expect(issues.getState()).toMatchObject({ failure: null, version: 1 });
  });

  it('once stopped, sends nothing and ignores an answer still on its way', async () => {
    const { plan, issues, fake, stop } = setup();
    stop();
    plan.execute(put('a', 2));
    await fake.answer(3);
    expect(fake.calls).toHaveLength(1);
    expect(issues.getState().issues).toHaveLength(0);
    expect(issues.getState().version).toBe(-1);
  });
});
