/**
 * The planner's side of the feedback, as commands (undoable patches of the `feedback` layer, GSYJ):
 * importing a bundle from a villager's phone, and answering a comment (采纳 / 部分采纳 / 不采纳 with the
 * reason). Import refuses a bundle from another plan and skips comments already imported (recognised by
 * the id the phone gave them), saying how many.
 */
import { refuse, type CommandContext, type CommandResult, type Message } from '../../commands/command.ts';
import type { FeatureOf, FeedbackProps } from '../../domain/features.ts';
import { asFeatureId, type FeatureId } from '../../domain/ids.ts';
import { findFeature, getFeature } from '../../domain/plan.ts';
import { putFeature } from '../../domain/patch.ts';
import type { FeedbackBundle } from './feedback-file.ts';

export type FeedbackStatus = FeedbackProps['status'];
export const ANSWER_STATUSES = ['accepted', 'partlyAccepted', 'rejected'] as const satisfies readonly FeedbackStatus[];
export const MAX_ANSWER = 500;

export function importFeedback(ctx: CommandContext, bundle: FeedbackBundle): CommandResult {
  if (bundle.planId !== ctx.plan.id) return refuse('notice.feedback.otherPlan', { village: bundle.village || '—', here: ctx.plan.meta.villageName || '—' });
  const fresh = bundle.comments.filter((c) => !getFeature(ctx.plan, 'feedback', asFeatureId(c.id)));
  const skipped = bundle.comments.length - fresh.length;
  if (fresh.length === 0) return refuse(bundle.comments.length === 0 ? 'notice.feedback.empty' : 'notice.feedback.allImported', { count: skipped });
  const features = fresh.map(
    (c): FeatureOf<'feedback'> => ({
      id: asFeatureId(c.id),
      layer: 'feedback',
      geometry: { type: 'Point', coordinates: [c.at[0], c.at[1]] },
      properties: {
        comment: c.comment,
        author: c.author,
        phone: c.phone,
        createdAt: c.createdAt,
        // A target that is not in this plan (a parcel since merged away) is dropped; the pin still says where.
        targetFeatureId: c.targetFeatureId && findFeature(ctx.plan, asFeatureId(c.targetFeatureId)) ? asFeatureId(c.targetFeatureId) : null,
        status: 'open',
        answer: '',
      },
    }),
  );
  const notes: Message[] = [{ key: 'notice.feedback.imported', params: { count: fresh.length } }];
  if (skipped > 0) notes.push({ key: 'notice.feedback.someSkipped', params: { count: skipped } });
  return { ok: true, label: 'notice.feedback.importStep', patch: { features: features.map(putFeature) }, select: features.map((f) => f.id), notes };
}

/** An answer needs a reason unless the comment is fully accepted; `open` takes the answer back. */
export function answerFeedback(ctx: CommandContext, id: FeatureId, status: FeedbackStatus, answer: string): CommandResult {
  const feature = getFeature(ctx.plan, 'feedback', id) as FeatureOf<'feedback'> | undefined;
  if (!feature) return refuse('notice.feedback.notFound');
  const reason = answer.trim();
  if (reason.length > MAX_ANSWER) return refuse('notice.feedback.answerTooLong', { max: MAX_ANSWER });
  if ((status === 'partlyAccepted' || status === 'rejected') && !reason) return refuse('notice.feedback.reasonNeeded');
  return {
    ok: true,
    label: 'notice.feedback.answerStep',
    patch: { features: [putFeature({ ...feature, properties: { ...feature.properties, status, answer: status === 'open' ? '' : reason } })] },
    select: [id],
  };
}
