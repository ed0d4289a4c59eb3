/**
 * The villager's comments on this phone: kept in the browser storage of the file's origin under the
 * notice's id, so they survive closing the file; when the browser refuses storage (some WebViews), they
 * live until the page closes and the panel says so, urging an export.
 */
import type { VillagerComment } from '../../io/feedback/feedback-file.ts';

export interface FeedbackStore {
  list(): readonly VillagerComment[];
  add(comment: VillagerComment): void;
  remove(id: string): void;
  /** False when the comments cannot outlive the page. */
  readonly persistent: boolean;
}

export function feedbackStore(storage: Storage | null, noticeId: string): FeedbackStore {
  const key = `village-plan:notice-feedback:${noticeId}`;
  let comments: VillagerComment[] = [];
  let persistent = storage !== null;
  try {
    const stored = storage?.getItem(key);
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    if (Array.isArray(parsed)) comments = parsed as VillagerComment[];
  } catch {
    persistent = false;
  }
  const save = () => {
    try {
      storage?.setItem(key, JSON.stringify(comments));
    } catch {
      persistent = false;
    }
  };
  return {
    list: () => comments,
    add(comment) {
      comments = [...comments, comment];
      save();
    },
    remove(id) {
      comments = comments.filter((c) => c.id !== id);
      save();
    },
    get persistent() {
      return persistent;
    },
  };
}
