/** What the viewer shows now: one small state object, changed through `update` so every panel re-renders. */
import type { Position } from 'geojson';
import type { Translate } from '../../rules/render.ts';
import type { FeedbackStore } from './feedback-store.ts';
import type { Language } from './i18n.ts';
import type { MapHost } from './map-host.ts';
import type { AnyNoticeModel } from './profile-view.ts';
import type { NoticeView } from './notice-style.ts';
import type { Description } from './parcel-sentence.ts';

export type Tab = 'legend' | 'search' | 'notice' | 'tables' | 'feedback';

/** Where a comment being written is about: a tapped parcel, or a pin dropped on the map. */
export interface CommentPlace {
  readonly at: Position;
  readonly featureId: string | null;
}

export interface ViewerState {
  readonly language: Language;
  readonly tab: Tab;
  readonly view: NoticeView;
  readonly tapped: { readonly at: Position; readonly description: Description } | null;
  /** Next tap on the map drops the comment's pin. */
  readonly pinMode: boolean;
  readonly commentPlace: CommentPlace | null;
  /** A message shown in the feedback panel after an action (saved, exported). */
  readonly feedbackNote: string | null;
  readonly qrText: string | null;
}

export interface ViewerContext {
  readonly model: AnyNoticeModel;
  readonly map: MapHost;
  readonly store: FeedbackStore;
  readonly storage: Storage | null;
  readonly today: string;
  state(): ViewerState;
  t(): Translate;
  update(change: Partial<ViewerState>): void;
  /** What a tap does: highlight the feature at `at` and say in the answer card what the plan does there. */
  answerAt(at: Position): void;
}
