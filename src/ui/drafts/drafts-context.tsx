/** The open draft's controller and its versions, handed to the drafts UI through one context. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DraftController } from '../../persist/session/draft-controller.ts';
import type { DraftsState } from '../../persist/session/drafts-state.ts';
import type { DraftQuarantine, QuarantineList } from '../../persist/session/quarantine-service.ts';
import type { DraftVersions } from '../../persist/session/versions-service.ts';

export interface DraftsServices {
  readonly controller: DraftController;
  readonly versions: DraftVersions;
  readonly quarantine: DraftQuarantine;
}

export const DraftsContext = createContext<DraftsServices | null>(null);

export function useDrafts(): DraftsServices {
  const drafts = useContext(DraftsContext);
  if (!drafts) throw new Error('useDrafts outside DraftsContext');
  return drafts;
}

export const useDraftsState = <T,>(select: (s: DraftsState) => T): T => useStore(useDrafts().controller.store, select);
export const useQuarantine = <T,>(select: (s: QuarantineList) => T): T => useStore(useDrafts().quarantine.store, select);
