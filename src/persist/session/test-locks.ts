/** An in-memory stand-in for Web Locks (tests only): exclusive, queued, and stealable like the real thing. */
import type { DraftLocks, HeldLock } from '../tabs/draft-lock.ts';
import { addToList } from '../../domain/lists.ts';

export function memoryLocks(): DraftLocks {
  const holders = new Map<string, { lose: () => void }>();
  const queues = new Map<string, (() => void)[]>();

  const grant = (id: string): HeldLock => {
    let lose = () => undefined as void;
    const lost = new Promise<void>((r) => (lose = r));
    const holder = { lose };
    holders.set(id, holder);
    return {
      lost,
      release() {
        if (holders.get(id) !== holder) return;
        holders.delete(id);
        queues.get(id)?.shift()?.();
      },
    };
  };

  return {
    async tryLock(id) {
      return holders.has(id) ? null : grant(id);
    },
    lock(id, options = {}) {
      if (options.steal) {
        holders.get(id)?.lose();
        holders.delete(id);
        return Promise.resolve(grant(id));
      }
      if (!holders.has(id)) return Promise.resolve(grant(id));
      return new Promise((resolve, reject) => {
        const waiter = () => resolve(grant(id));
        addToList(queues, id, waiter);
        options.signal?.addEventListener('abort', () => {
          queues.set(id, (queues.get(id) ?? []).filter((w) => w !== waiter));
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    },
    async isLocked(id) {
      return holders.has(id);
    },
  };
}
