const manager = (): StorageManager | undefined => (typeof navigator === 'undefined' ? undefined : navigator.storage);

/** How much this origin stores and whether the browser promised to keep it (StorageManager). */
export interface StorageInfo {
  readonly usage: number | null;
  readonly quota: number | null;
  /** True when the browser will not evict the drafts under storage pressure. */
  readonly persisted: boolean;
}

/**
 * Asks once for persistent storage: Chromium decides silently (by site engagement), Firefox asks the
 * planner. Either way the answer is shown, with advice to export backups when it is no.
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = manager();
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

export async function storageInfo(): Promise<StorageInfo> {
  const storage = manager();
  try {
    const [estimate, persisted] = await Promise.all([storage?.estimate?.() ?? Promise.resolve({} as StorageEstimate), storage?.persisted?.() ?? Promise.resolve(false)]);
    return { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted };
  } catch {
    return { usage: null, quota: null, persisted: false };
  }
}
