import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMessagesStore } from './messages.store.ts';

describe('toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const keys = (store: ReturnType<typeof createMessagesStore>) => store.getState().toasts.map((t) => t.message.key);

  it('closes news by itself, keeps errors and warnings of a loss until dismissed', () => {
    const store = createMessagesStore();
    store.toast('success', { key: 'saved' });
    store.toast('error', { key: 'refused' });
    store.toast('warning', { key: 'recordsSetAside' }, { untilDismissed: true });
    store.toast('warning', { key: 'clipped' });
    vi.advanceTimersByTime(60_000);
    expect(keys(store)).toEqual(['refused', 'recordsSetAside']);
    const [refused] = store.getState().toasts;
    store.dismiss(refused?.id ?? -1);
    expect(keys(store)).toEqual(['recordsSetAside']);
  });

  it('never pushes out a toast waiting for the planner when many arrive at once', () => {
    const store = createMessagesStore();
    store.toast('warning', { key: 'lost' }, { untilDismissed: true });
    for (let i = 0; i < 8; i++) store.toast('info', { key: `news${i}` });
    expect(keys(store)).toEqual(['lost', 'news4', 'news5', 'news6', 'news7']);
  });
});
