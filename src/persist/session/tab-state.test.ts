/**
 * The tab's states and transitions, without a database, locks or a browser: every event moves exactly the
 * states it names and leaves every other state as it is (the same object), and messages from other tabs
 * mean what they should in each state.
 */
import { describe, expect, it } from 'vitest';
import type { DraftWriter } from '../draft-writer.ts';
import type { DraftId } from '../schema.ts';
import type { DraftMessage } from '../tabs/draft-channel.ts';
import type { HeldLock } from '../tabs/draft-lock.ts';
import { draftIdOf, reaction, roleOf, step, type TabEvent, type TabState } from './tab-state.ts';

const id = 'draft-1' as DraftId;
const writer: DraftWriter = { flush: () => Promise.resolve(), hasPending: () => false, detach: () => undefined };
const lock: HeldLock = { release: () => undefined, lost: new Promise<void>(() => undefined) };
const otherWriter: DraftWriter = { ...writer };
const otherLock: HeldLock = { ...lock };
const saved: DraftMessage = { kind: 'saved', draftId: id, revision: 4, patch: { features: [] }, whole: false };

/** One state of each kind. */
const STATES = {
  idle: { kind: 'idle' },
  opening: { kind: 'opening', draftId: id, early: [saved] },
  new: { kind: 'new', plan: { id, origin: { kind: 'sample' } } },
  creating: { kind: 'creating', draftId: id, writer, lock },
  editing: { kind: 'editing', draftId: id, writer, lock },
  releasing: { kind: 'releasing', draftId: id, writer, lock },
  following: { kind: 'following', draftId: id, revision: 3 },
  takingOver: { kind: 'takingOver', draftId: id, revision: 3 },
  unsaved: { kind: 'unsaved' },
  closed: { kind: 'closed' },
} as const satisfies { [K in TabState['kind']]: Extract<TabState, { kind: K }> };

type Kind = keyof typeof STATES;
const KINDS = Object.keys(STATES) as Kind[];

/** For each event, the states it moves and where to; every state not listed stays as it is. */
const TRANSITIONS: readonly { event: TabEvent; moves: Partial<Record<Kind, TabState>> }[] = [
  { event: { type: 'open', draftId: id }, moves: { idle: { kind: 'opening', draftId: id, early: [] } } },
  { event: { type: 'early', message: saved }, moves: { opening: { kind: 'opening', draftId: id, early: [saved, saved] } } },
  { event: { type: 'notFound' }, moves: { opening: { kind: 'idle' } } },
  { event: { type: 'startNew', plan: { id, origin: { kind: 'file', name: 'a.json' } } }, moves: { idle: { kind: 'new', plan: { id, origin: { kind: 'file', name: 'a.json' } } } } },
  { event: { type: 'unsaved' }, moves: { idle: { kind: 'unsaved' }, new: { kind: 'unsaved' } } },
  { event: { type: 'create', writer: otherWriter, lock: otherLock }, moves: { new: { kind: 'creating', draftId: id, writer: otherWriter, lock: otherLock } } },
  { event: { type: 'created' }, moves: { creating: { kind: 'editing', draftId: id, writer, lock } } },
  { event: { type: 'createFailed' }, moves: { creating: { kind: 'unsaved' } } },
  {
    event: { type: 'edit', writer: otherWriter, lock: otherLock },
    moves: { opening: { kind: 'editing', draftId: id, writer: otherWriter, lock: otherLock }, takingOver: { kind: 'editing', draftId: id, writer: otherWriter, lock: otherLock } },
  },
  {
    event: { type: 'follow', revision: 7 },
    moves: { opening: { kind: 'following', draftId: id, revision: 7 }, editing: { kind: 'following', draftId: id, revision: 7 }, releasing: { kind: 'following', draftId: id, revision: 7 } },
  },
  {
    event: { type: 'followed', revision: 4 },
    moves: { following: { kind: 'following', draftId: id, revision: 4 }, takingOver: { kind: 'takingOver', draftId: id, revision: 4 } },
  },
  { event: { type: 'releaseRequested' }, moves: { editing: { kind: 'releasing', draftId: id, writer, lock } } },
  { event: { type: 'releaseRefused' }, moves: { releasing: { kind: 'editing', draftId: id, writer, lock } } },
  { event: { type: 'takeOver' }, moves: { following: { kind: 'takingOver', draftId: id, revision: 3 } } },
  { event: { type: 'takeOverFailed' }, moves: { takingOver: { kind: 'following', draftId: id, revision: 3 } } },
  { event: { type: 'close' }, moves: Object.fromEntries(KINDS.filter((k) => k !== 'closed').map((k) => [k, { kind: 'closed' }])) },
];

describe('the tab’s transitions', () => {
  it.each(TRANSITIONS.map((t) => [t.event.type, t] as const))('%s moves the states it names and no other', (_, { event, moves }) => {
    for (const kind of KINDS) {
      const from: TabState = STATES[kind];
      const to = step(from, event);
      if (kind in moves) expect(to, `${event.type} from ${kind}`).toEqual(moves[kind]);
      else expect(to, `${event.type} from ${kind}`).toBe(from);
    }
  });

  it('never writes without a writer and a lock, nor holds them while following', () => {
    // Every state reachable from a start in up to six events (enough to reach every kind).
    const seen = new Set<TabState>([STATES.idle]);
    let frontier: TabState[] = [STATES.idle];
    for (let depth = 0; depth < 6; depth++) {
      frontier = frontier.flatMap((state) => TRANSITIONS.map(({ event }) => step(state, event))).filter((s) => !seen.has(s));
      frontier.forEach((s) => seen.add(s));
    }
    expect(new Set([...seen].map((s) => s.kind))).toEqual(new Set(KINDS));
    for (const state of seen) {
      const writes = state.kind === 'creating' || state.kind === 'editing' || state.kind === 'releasing';
      expect('writer' in state && 'lock' in state, state.kind).toBe(writes);
      expect('revision' in state, state.kind).toBe(state.kind === 'following' || state.kind === 'takingOver');
    }
  });
});

describe('what the UI is told', () => {
  it('names the role of each state', () => {
    expect(Object.fromEntries(KINDS.map((k) => [k, roleOf(STATES[k])]))).toEqual({
      idle: 'starting',
      opening: 'starting',
      new: 'editing',
      creating: 'editing',
      editing: 'editing',
      releasing: 'editing',
      following: 'elsewhere',
      takingOver: 'takingOver',
      unsaved: 'unsaved',
      closed: 'unsaved',
    });
  });

  it('knows the draft once it is read or written, not for a plan still to be stored', () => {
    expect(KINDS.filter((k) => draftIdOf(STATES[k]) === id)).toEqual(['opening', 'creating', 'editing', 'releasing', 'following', 'takingOver']);
  });
});

describe('messages from other tabs', () => {
  const messages: Record<string, DraftMessage> = {
    saved,
    releaseRequest: { kind: 'releaseRequest', draftId: id },
    released: { kind: 'released', draftId: id, revision: 4 },
    releaseRefused: { kind: 'releaseRefused', draftId: id },
    versionsChanged: { kind: 'versionsChanged', draftId: id },
    listChanged: { kind: 'listChanged' },
  };

  it('mean what they should in each state', () => {
    const table = Object.fromEntries(KINDS.map((k) => [k, Object.fromEntries(Object.entries(messages).map(([name, m]) => [name, reaction(STATES[k], m)]))]));
    const none = { saved: 'ignore', releaseRequest: 'ignore', released: 'ignore', releaseRefused: 'ignore', versionsChanged: 'ignore', listChanged: 'ignore' };
    const shown = { ...none, versionsChanged: 'versions' };
    expect(table).toEqual({
      idle: none,
      opening: { saved: 'keep', releaseRequest: 'keep', released: 'keep', releaseRefused: 'keep', versionsChanged: 'versions', listChanged: 'ignore' },
      new: none,
      // The new draft is not stored yet: no other tab can ask for it.
      creating: shown,
      editing: { ...shown, releaseRequest: 'release' },
      // Already handing over: a second request changes nothing.
      releasing: shown,
      following: { ...shown, saved: 'follow' },
      takingOver: { ...shown, saved: 'follow', released: 'answer', releaseRefused: 'answer' },
      unsaved: none,
      closed: none,
    });
  });

  it('about another draft mean nothing', () => {
    const other = { ...saved, draftId: 'draft-2' };
    expect(KINDS.map((k) => reaction(STATES[k], other))).toEqual(KINDS.map(() => 'ignore'));
  });
});
