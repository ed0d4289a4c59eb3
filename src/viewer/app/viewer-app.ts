/**
 * The viewer's frame, phone first: a header with the village, the notice period and the language switch;
 * the map; and a sheet below it (beside it on a wide screen) with the answer to the last tap and five tabs:
 * legend, search, notice, tables, comments. Every render rebuilds the sheet from the state: it is small.
 */
import { renderMessage } from '../../rules/render.ts';
import { el, replaceChildren } from './dom.ts';
import type { FeedbackStore } from './feedback-store.ts';
import { saveLanguage, translator } from './i18n.ts';
import type { MapHost } from './map-host.ts';
import { feedbackPanel } from './panels/feedback-panel.ts';
import { legendPanel } from './panels/legend-panel.ts';
import { noticePanel } from './panels/notice-panel.ts';
import { searchPanel } from './panels/search-panel.ts';
import { tablesPanel } from './panels/tables-panel.ts';
import { periodMessage } from './period.ts';
import { answerAt, type AnyNoticeModel } from './profile-view.ts';
import type { Tab, ViewerContext, ViewerState } from './viewer-state.ts';

const TABS: readonly Tab[] = ['legend', 'search', 'notice', 'tables', 'feedback'];
const PANELS: Readonly<Record<Tab, (ctx: ViewerContext) => HTMLElement>> = { legend: legendPanel, search: searchPanel, notice: noticePanel, tables: tablesPanel, feedback: feedbackPanel };

export interface ViewerParts {
  readonly header: HTMLElement;
  readonly mapElement: HTMLElement;
  readonly sheet: HTMLElement;
}

export function viewerLayout(root: HTMLElement): ViewerParts {
  const header = el('header', { className: 'top' });
  const mapElement = el('div', { className: 'map', attrs: { 'data-testid': 'map' } });
  const sheet = el('section', { className: 'sheet' });
  replaceChildren(root, header, el('main', { className: 'body' }, mapElement, sheet));
  root.classList.add('notice-viewer');
  return { header, mapElement, sheet };
}

export function startViewer(parts: ViewerParts, model: AnyNoticeModel, map: MapHost, store: FeedbackStore, storage: Storage | null, today: string, initial: ViewerState): ViewerContext {
  let state = initial;
  let t = translator(state.language);
  const ctx: ViewerContext = {
    model,
    map,
    store,
    storage,
    today,
    state: () => state,
    t: () => t,
    update(change) {
      const previous = state;
      state = { ...state, ...change };
      if (state.language !== previous.language) {
        t = translator(state.language);
        saveLanguage(storage, state.language);
      }
      if (state.view !== previous.view) map.setView(state.view);
      render();
    },
    answerAt(at) {
      const { description, geometry } = answerAt(model, at);
      map.showSelected(geometry);
      ctx.update({ tapped: { at, description } });
    },
  };

  map.onTap((at) => {
    if (state.pinMode) {
      ctx.update({ pinMode: false, commentPlace: { at, featureId: null }, tab: 'feedback', feedbackNote: null });
      return;
    }
    ctx.answerAt(at);
  });

  // The still map (no WebGL) is announced in the sheet, in the villager's language.
  map.onModeChange(() => render());

  function render(): void {
    document.documentElement.lang = state.language;
    const title = t(model.profile === 'zhejiang-2026' ? 'notice2026.title' : 'notice.title', { village: model.payload.village.name });
    document.title = title;
    const period = periodMessage(model.payload.details, today);
    replaceChildren(
      parts.header,
      el('div', { className: 'titles' }, el('h1', {}, title), el('p', { className: `period ${period.key === 'notice.period.ended' ? 'ended' : ''}`, attrs: { 'data-testid': 'period' } }, renderMessage(t, period))),
      el('button', { className: 'language', attrs: { type: 'button', lang: state.language === 'en' ? 'zh-CN' : 'en', 'data-action': 'language' }, on: { click: () => ctx.update({ language: state.language === 'en' ? 'zh-CN' : 'en' }) } }, t('notice.language.switch')),
    );
    const tabs = el(
      'nav',
      { className: 'tabs', attrs: { role: 'tablist' } },
      ...TABS.map((tab) =>
        el('button', { className: tab === state.tab ? 'tab on' : 'tab', attrs: { type: 'button', role: 'tab', 'aria-selected': String(tab === state.tab), 'data-tab': tab }, on: { click: () => ctx.update({ tab }) } }, t(`notice.tab.${tab}`)),
      ),
    );
    const note = map.mode() === 'static' ? el('p', { className: 'map-note', attrs: { role: 'note', 'data-testid': 'map-note' } }, t('notice.map.staticOnly')) : null;
    replaceChildren(parts.sheet, note, answerCard(ctx), tabs, el('div', { className: 'panel', attrs: { role: 'tabpanel' } }, PANELS[state.tab](ctx)));
    const pins = store.list().map((c) => ({ id: c.id, at: [...c.at], pending: false }));
    if (state.commentPlace) pins.push({ id: 'pending', at: [...state.commentPlace.at], pending: true });
    map.showPins(pins);
  }

  render();
  return ctx;
}

function answerCard(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const { tapped } = ctx.state();
  const card = el('div', { className: 'answer', attrs: { role: 'status', 'aria-live': 'polite', 'data-testid': 'tap-answer' } });
  if (!tapped) {
    card.append(el('p', { className: 'hint' }, t(ctx.state().pinMode ? 'notice.feedback.tapToPin' : 'notice.tap.prompt')));
    return card;
  }
  card.append(el('p', { className: 'sentence', attrs: { 'data-testid': 'tap-sentence' } }, renderMessage(t, tapped.description.message)));
  if (tapped.description.featureId) {
    card.append(
      el('button', { className: 'link', attrs: { type: 'button', 'data-action': 'comment-here' }, on: { click: () => ctx.update({ commentPlace: { at: tapped.at, featureId: tapped.description.featureId }, tab: 'feedback', feedbackNote: null }) } }, t('notice.feedback.commentHere')),
    );
  }
  return card;
}
