/**
 * One tab edits a draft (Web Locks, one exclusive lock per draft). The lock lives as long as the tab
 * holds it or the page is gone; a tab that takes over waits for the holder to release it, and steals it
 * only from a holder that does not answer.
 */
export interface HeldLock {
  /** Gives the lock up (another tab asked for it, or this tab leaves the draft). */
  release(): void;
  /** Resolves if another tab stole the lock: this tab must stop writing at once. */
  readonly lost: Promise<void>;
}

/** The three things the drafts controller needs from locks; tests hand it an in-memory version. */
export interface DraftLocks {
  tryLock(draftId: string): Promise<HeldLock | null>;
  lock(draftId: string, options?: { steal?: boolean; signal?: AbortSignal }): Promise<HeldLock>;
  isLocked(draftId: string): Promise<boolean>;
}

const lockName = (draftId: string) => `village-plan-draft:${draftId}`;
const locks = (): LockManager | undefined => (typeof navigator === 'undefined' ? undefined : navigator.locks);

/** Browsers without Web Locks (none we support, but an insecure context has none): one tab is assumed. */
const UNLOCKED: HeldLock = { release: () => undefined, lost: new Promise<void>(() => undefined) };

/** The lock if no other tab holds it, else null. */
function tryLockDraft(draftId: string): Promise<HeldLock | null> {
  return hold(draftId, { ifAvailable: true });
}

/** Waits for the lock; `steal` takes it from the holder at once. Rejects when `signal` aborts the wait. */
function lockDraft(draftId: string, options: { steal?: boolean; signal?: AbortSignal } = {}): Promise<HeldLock> {
  return hold(draftId, options) as Promise<HeldLock>;
}

async function isDraftLocked(draftId: string): Promise<boolean> {
  const manager = locks();
  if (!manager) return false;
  const { held } = await manager.query();
  return (held ?? []).some((lock) => lock.name === lockName(draftId));
}

export const WEB_LOCKS: DraftLocks = { tryLock: tryLockDraft, lock: lockDraft, isLocked: isDraftLocked };

function hold(draftId: string, options: LockOptions): Promise<HeldLock | null> {
  const manager = locks();
  if (!manager) return Promise.resolve(UNLOCKED);
  return new Promise((resolve, reject) => {
    let release = () => undefined as void;
    const released = new Promise<void>((r) => (release = r));
    let markLost = () => undefined as void;
    const lost = new Promise<void>((r) => (markLost = r));
    let granted = false;
    manager
      .request(lockName(draftId), { mode: 'exclusive', ...options }, async (lock) => {
        if (!lock) return resolve(null);
        granted = true;
        resolve({ release, lost });
        await released;
      })
      .catch((error: unknown) => {
        // Stolen while held, or the wait was aborted before it was granted.
        if (granted) markLost();
        else reject(error);
      });
  });
}
