/**
 * Search features by number, name, class or owner across layers (search-index.ts). ↑/↓ pick a result,
 * Enter or a click selects it and zooms to it. The index is made when the panel opens, in the background.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { featureLabel } from '../feature-label.ts';
import { usePlanState, useServices } from '../services.tsx';
import { searchFeatures, warmSearchIndex, type SearchHit } from './search-index.ts';
import { showFeature } from './show-feature.ts';

const LIMIT = 50;

export function SearchPanel() {
  const { t } = useTranslation();
  const services = useServices();
  const { editor } = services;
  const plan = usePlanState((s) => s.plan);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const typed = useDeferredValue(query);
  const result = useMemo(() => searchFeatures(plan, typed, LIMIT), [plan, typed]);

  useEffect(() => {
    const timer = setTimeout(() => warmSearchIndex(editor.plan.getState().plan), 50);
    return () => clearTimeout(timer);
  }, [editor]);
  useEffect(() => setActive(0), [typed]);

  const choose = (hit: SearchHit | undefined) => {
    if (hit) showFeature(services, hit.entry.layer, hit.entry.id);
  };
  const detail = (hit: SearchHit): string => {
    const { entry, field } = hit;
    const parts: string[] = [];
    if (entry.classKey) parts.push(t(entry.classKey));
    if (entry.owner) parts.push(entry.owner);
    const shown = [featureLabel(t, entry.tag), ...parts].join(' ');
    if (!shown.toLowerCase().includes(field.match)) {
      const text = field.text.length > 40 ? `${field.text.slice(0, 40)}…` : field.text;
      parts.push(t('search.matched', { field: t(`search.field.${field.kind}`), text }));
    }
    return parts.join(' · ');
  };

  const status = !typed.trim()
    ? t('search.hint')
    : result.total === 0
      ? t('search.none', { query: typed.trim() })
      : result.total > result.hits.length
        ? t('search.countCapped', { total: result.total, shown: result.hits.length })
        : t('search.count', { total: result.total });

  return (
    <>
      <input
        type="search"
        autoFocus
        value={query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        aria-describedby="search-status"
        data-testid="search-input"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const step = e.key === 'ArrowDown' ? 1 : -1;
            setActive((i) => Math.min(Math.max(i + step, 0), Math.max(result.hits.length - 1, 0)));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            // Typed faster than the list followed: search what is in the field now.
            choose(typed === query ? result.hits[active] : searchFeatures(plan, query, 1).hits[0]);
          } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
            // Ctrl+F again: select what was typed (the browser's own find bar stays closed).
            e.preventDefault();
            e.currentTarget.select();
          }
        }}
      />
      <p id="search-status" className="hint" role="status" data-testid="search-status">
        {status}
      </p>
      {result.hits.length > 0 ? (
        <ul className="tool-list search-results" aria-label={t('search.results')}>
          {result.hits.map((hit, i) => (
            <li key={`${hit.entry.layer}/${hit.entry.id}`} className={i === active ? 'active' : undefined}>
              <button type="button" data-feature-id={hit.entry.id} data-layer={hit.entry.layer} onClick={() => choose(hit)} onMouseEnter={() => setActive(i)}>
                <span className="item-label">{featureLabel(t, hit.entry.tag)}</span>
                <span className="item-detail">{detail(hit)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
