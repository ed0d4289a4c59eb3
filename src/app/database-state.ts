/**
 * What the 2026 database view shows of its session (database-session.ts) and of the kept plan's editing
 * (database-drafting.ts): one zustand state both write, in a file of its own so neither imports the other.
 */
import type { DatabaseHistory } from '../commands/village-database/database-history.ts';
import { EMPTY_DATABASE_HISTORY } from '../commands/village-database/database-history.ts';
import type { Message } from '../domain/message.ts';
import type { ConversionReview } from '../io/village-database/review-groups.ts';
import type { DatabaseDraftMeta } from '../persist/database-drafts.ts';
import type { VillageDatabase } from '../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseTables } from '../rules/ydyh/database-tables.ts';
import type { DatabaseCheck } from '../rules/ydyh/index.ts';

export interface DatabaseSessionState {
  readonly phase: 'opening' | 'reviewing' | 'open' | 'failed';
  /** What was opened, for the title: a file or folder name. */
  readonly source: string;
  /** The conversion's review list while the planner decides it, and what is being converted. */
  readonly review: ConversionReview | null;
  readonly conversion: 'survey' | 'plan2017' | null;
  readonly database: VillageDatabase | null;
  /** Counts the databases shown in this page: a view made for one is not reused for the next. */
  readonly opened: number;
  /** Work only in this page: a made plan the browser could not keep, or an edit not yet saved. Leaving asks first. */
  readonly unsaved: boolean;
  /** What reading left out or assumed (a duplicate layer, no workbook …). */
  readonly notes: readonly Message[];
  /** Why it could not be opened, or (while reviewing) why the decisions were refused. */
  readonly error: Message | null;
  readonly check: DatabaseCheck | null;
  readonly tables: DatabaseTables | null;
  /** Set when the checks or the tables could not be computed. */
  readonly workFailed: Message | null;
  /** The plan as kept on this computer (database-drafting.ts); null: it lives only in this page, and cannot be edited. */
  readonly draft: DatabaseDraftMeta | null;
  readonly history: DatabaseHistory;
  /** Writing the kept plan: an edit waits a moment, then is saved; a failed save says why and keeps `unsaved`. */
  readonly saving: 'idle' | 'pending' | 'saving' | 'failed';
  readonly saveError: Message | null;
  /** What the last edit said: its refusal, or its notes. */
  readonly editMessages: { readonly level: 'error' | 'warning'; readonly messages: readonly Message[] } | null;
}

export const START: Omit<DatabaseSessionState, 'source'> = {
  phase: 'opening',
  review: null,
  conversion: null,
  database: null,
  opened: 0,
  unsaved: false,
  notes: [],
  error: null,
  check: null,
  tables: null,
  workFailed: null,
  draft: null,
  history: EMPTY_DATABASE_HISTORY,
  saving: 'idle',
  saveError: null,
  editMessages: null,
};

/** A worker that threw or died, as the view says it. */
export const workerFailed = (error: unknown): Message => ({ key: 'database.workerFailed', params: { detail: error instanceof Error ? error.message : String(error) } });
