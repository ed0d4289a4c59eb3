/**
 * 转为 2026 村庄规划 (the 文件 menu): this draft's plan opened in the 2026 database view as a review list of
 * the 2017 → 2023 conversion (io/village-database/from-2017-plan.ts). It goes by the draft, not by the plan
 * in memory, so a reload of the review reads the same saved plan; the draft itself is never changed.
 */
import { convertUrl, startRoute } from '../drafts/start-route.ts';
import type { Action } from './action.ts';

const draftOfPage = () => {
  const route = startRoute(window.location);
  return route.kind === 'draft' ? route.id : null;
};

export const convertTo2026Action: Action = {
  id: 'convert-2026',
  labelKey: 'database.convert.action',
  shortcuts: [],
  run: ({ editor }) => {
    const draft = draftOfPage();
    // A plan not stored as a draft (one that failed to open, or still being stored) has nothing to convert from.
    if (!draft) return editor.messages.toast('warning', { key: 'database.convert.noDraft' });
    // Leaving the page writes the draft first (page-lifecycle.ts), so the review reads every last edit.
    window.location.assign(convertUrl(draft));
  },
};
