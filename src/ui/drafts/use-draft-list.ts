/** The start page's data: the drafts database, the list of drafts (kept fresh across tabs), storage use. */
import { useCallback, useEffect, useState } from 'react';
import type { Message } from '../../domain/message.ts';
import { listDrafts, purgeTrash, type DraftList } from '../../persist/draft-store.ts';
import { draftsDb, type DraftsDb } from '../../persist/open-drafts-db.ts';
import { requestPersistence, storageInfo, type StorageInfo } from '../../persist/storage-info.ts';
import { openDraftChannel } from '../../persist/tabs/draft-channel.ts';

export interface DraftListState {
  readonly db: DraftsDb | null;
  readonly list: DraftList | null;
  readonly storage: StorageInfo | null;
  /** Why the drafts cannot be read, if they cannot. */
  readonly failure: Message | null;
  readonly purged: number;
  refresh(): Promise<void>;
}

export function useDraftList(): DraftListState {
  const [db, setDb] = useState<DraftsDb | null>(null);
  const [list, setList] = useState<DraftList | null>(null);
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const [failure, setFailure] = useState<Message | null>(null);
  const [purged, setPurged] = useState(0);

  const refresh = useCallback(async () => {
    if (!db) return;
    setList(await listDrafts(db));
    setStorage(await storageInfo());
  }, [db]);

  useEffect(() => {
    let current = true;
    void draftsDb().then(async (opened) => {
      if (!current) return;
      if (!opened.ok) {
        setFailure(opened.error);
        return;
      }
      setPurged(await purgeTrash(opened.value));
      await requestPersistence();
      setDb(opened.value);
    });
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    void refresh();
    // Another tab created, renamed or saved a draft: the list follows.
    const channel = openDraftChannel((message) => {
      if (message.kind === 'listChanged' || message.kind === 'saved') void refresh();
    });
    return () => channel.close();
  }, [refresh]);

  return { db, list, storage, failure, purged, refresh };
}
