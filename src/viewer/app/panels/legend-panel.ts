/** The legend, with (for a 2017 plan) the switch between the plan (规划后) and today's land use (现状). */
import { el } from '../dom.ts';
import { paintSwatch } from '../legend.ts';
import { legendOf } from '../profile-view.ts';
import type { ViewerContext } from '../viewer-state.ts';

export function legendPanel(ctx: ViewerContext): HTMLElement {
  const t = ctx.t();
  const { view } = ctx.state();
  const is2026 = ctx.model.profile === 'zhejiang-2026';
  const viewButton = (value: 'plan' | 'base', key: string) =>
    el('button', { className: view === value ? 'toggle on' : 'toggle', attrs: { type: 'button', 'aria-pressed': String(view === value), 'data-view': value }, on: { click: () => ctx.update({ view: value }) } }, t(key));
  const items = legendOf(ctx.model, view).map((entry) => {
    const swatch = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
    paintSwatch(swatch, entry.swatch);
    return el('li', {}, swatch, el('span', {}, t(entry.labelKey, entry.labelParams)));
  });
  return el(
    'div',
    { className: 'panel-body' },
    // A 2026 notice shows the plan only: its payload carries no base-year land use to switch to.
    is2026 ? null : el('div', { className: 'toggles', attrs: { role: 'group', 'aria-label': t('notice.view.label') } }, viewButton('plan', 'notice.view.plan'), viewButton('base', 'notice.view.base')),
    el('p', { className: 'hint' }, t(is2026 ? 'notice2026.legend.hint' : 'notice.legend.hint')),
    el('ul', { className: 'legend', attrs: { 'data-testid': 'legend' } }, ...items),
  );
}
