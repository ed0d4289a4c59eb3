/**
 * Search by villagers' group, place name or parcel number; a hit moves the map there, and a parcel is
 * highlighted and described as a tap on it would be.
 */
import { el, replaceChildren } from '../dom.ts';
import { searchOf } from '../profile-view.ts';
import type { SearchHit } from '../search.ts';
import type { ViewerContext } from '../viewer-state.ts';

/** The query typed, per notice: kept outside the panel, which each render of the sheet makes anew. */
const lastQuery = new WeakMap<object, string>();

export function searchPanel(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const go = (hit: SearchHit) => {
    ctx.map.flyTo(hit.at);
    if (hit.kind === 'parcel') ctx.answerAt(hit.at);
  };
  const results = el('ul', { className: 'results', attrs: { 'data-testid': 'search-results', 'aria-live': 'polite' } });
  const show = (query: string) => {
    const hits = searchOf(ctx.model, query);
    replaceChildren(
      results,
      ...(hits.length === 0
        ? [el('li', { className: 'hint' }, t('notice.search.none'))]
        : hits.map((hit) =>
            el('li', {}, el('button', { className: 'result', attrs: { type: 'button' }, on: { click: () => go(hit) } }, hit.label, el('small', {}, t(`notice.search.kind.${hit.kind}`)))),
          )),
    );
  };
  const input = el('input', {
    attrs: { type: 'search', placeholder: t('notice.search.placeholder'), 'aria-label': t('notice.search.placeholder'), 'data-testid': 'search-input', enterkeyhint: 'search' },
    on: { input: () => (lastQuery.set(ctx.model, input.value), show(input.value)) },
  });
  // Answering a found parcel re-renders the sheet: the villager's query and its results stay.
  input.value = lastQuery.get(ctx.model) ?? '';
  show(input.value);
  return el('div', { className: 'panel-body' }, input, results);
}
