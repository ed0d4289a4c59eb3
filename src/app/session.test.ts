import { describe, expect, it } from 'vitest';
import type { DraftController } from '../persist/session/draft-controller.ts';
import { emptyPlan } from '../domain/plan.ts';
import { createEditor } from '../store/editor.ts';
import { ioWorkers } from './io-client.ts';
import { createSession, type MapParts, type MountedMap } from './session.ts';

/** A session whose map, worker and draft controller are fakes that record what happened to them. */
function fakeSession() {
  const log: string[] = [];
  const maps: { container: HTMLElement; draw: (parts: MapParts) => void }[] = [];
  const tasks: (() => void)[] = [];
  const drafts = {
    editorReady: async () => void log.push('editorReady'),
    dispose: () => void log.push('drafts disposed'),
  } as unknown as DraftController;
  const session = createSession({
    editor: createEditor(emptyPlan(), undefined),
    drafts,
    io: ioWorkers,
    mountMap(container): MountedMap {
      const n = maps.length;
      log.push(`map ${n} mounted`);
      let draw: (parts: MapParts) => void = () => undefined;
      const ready = new Promise<MapParts>((resolve) => (draw = resolve));
      maps.push({ container, draw });
      return { ready, unmount: () => void log.push(`map ${n} unmounted`) };
    },
    startValidation() {
      log.push('validation started');
      return () => void log.push('validation stopped');
    },
    later: (task) => void tasks.push(task),
  });
  const runLater = () => tasks.splice(0).forEach((task) => task());
  return { session, log, maps, runLater };
}

const container = {} as HTMLElement;
const parts = (name: string) => ({ view: { name }, draw: { name } }) as unknown as MapParts;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('session', () => {
  it('shows the map once drawn, then starts checking and readies the draft after the page has rendered', async () => {
    const { session, log, maps, runLater } = fakeSession();
    session.attachMap(container);
    expect(maps[0]?.container).toBe(container);
    expect(session.store.getState().map).toBeNull();
    const drawn = parts('first');
    maps[0]?.draw(drawn);
    await settle();
    expect(session.store.getState().map).toBe(drawn);
    expect(log).toEqual(['map 0 mounted']);
    runLater();
    expect(log).toEqual(['map 0 mounted', 'validation started', 'editorReady']);
  });

  it('takes the container back: the map goes, checking goes on with the plan', async () => {
    const { session, log, maps, runLater } = fakeSession();
    const detach = session.attachMap(container);
    maps[0]?.draw(parts('first'));
    await settle();
    runLater();
    detach();
    expect(session.store.getState().map).toBeNull();
    expect(log).toEqual(['map 0 mounted', 'validation started', 'editorReady', 'map 0 unmounted']);
    detach();
    expect(log.filter((line) => line === 'map 0 unmounted')).toHaveLength(1);
  });

  it('ignores a map taken back before it was drawn (React mounts twice in strict mode), and starts checking once', async () => {
    const { session, log, maps, runLater } = fakeSession();
    session.attachMap(container)();
    session.attachMap(container);
    maps[0]?.draw(parts('gone'));
    const second = parts('second');
    maps[1]?.draw(second);
    await settle();
    expect(session.store.getState().map).toBe(second);
    runLater();
    session.attachMap(container);
    maps[2]?.draw(parts('third'));
    await settle();
    runLater();
    expect(log.filter((line) => line === 'validation started')).toHaveLength(1);
    expect(log.slice(0, 3)).toEqual(['map 0 mounted', 'map 0 unmounted', 'map 1 mounted']);
  });

  it('does not start checking when the map is taken back before the page rendered it', async () => {
    const { session, log, maps, runLater } = fakeSession();
    const detach = session.attachMap(container);
    maps[0]?.draw(parts('first'));
    await settle();
    detach();
    runLater();
    expect(log).toEqual(['map 0 mounted', 'map 0 unmounted']);
  });

  it('dispose unmounts the map, stops checking and lets the draft go, once; then mounts nothing', async () => {
    const { session, log, maps, runLater } = fakeSession();
    const detach = session.attachMap(container);
    maps[0]?.draw(parts('first'));
    await settle();
    runLater();
    session.dispose();
    session.dispose();
    detach();
    expect(log).toEqual(['map 0 mounted', 'validation started', 'editorReady', 'map 0 unmounted', 'validation stopped', 'drafts disposed']);
    session.attachMap(container);
    expect(maps).toHaveLength(1);
    expect(session.store.getState().map).toBeNull();
  });
});
