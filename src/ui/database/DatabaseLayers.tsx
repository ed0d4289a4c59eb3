/** The left panel of the database view: each layer with its switch and count, and the legend of the planned classes. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { hexOf, MAP_LAYER_STYLES } from '../../profiles/zhejiang-2026/map-style.ts';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { drawnProperties, UNKNOWN_CLASS_COLOUR } from '../../map/database/database-sources.ts';

interface LegendRow {
  readonly code: string;
  readonly colour: string;
  readonly count: number;
  readonly known: boolean;
}

/** The classes the planned parcels use, in classification order, unknown codes last. */
function legendRows(db: VillageDatabase): LegendRow[] {
  const style = MAP_LAYER_STYLES.find((s) => s.layer === 'GHDLTB');
  if (!style) return [];
  const counts = new Map<string, { colour: string; count: number; known: boolean }>();
  for (const feature of db.layers.GHDLTB?.features ?? []) {
    const drawn = drawnProperties(feature, style, db.edition, db.classColours);
    const row = counts.get(drawn.code) ?? { colour: drawn.colour, count: 0, known: drawn.unknown === 0 };
    counts.set(drawn.code, { ...row, count: row.count + 1 });
  }
  const order = new Map(YDYH_2023_INDEX.classification.classes.map((c, i) => [c.code, i]));
  return [...counts].map(([code, row]) => ({ code, ...row })).sort((a, b) => (order.get(a.code) ?? 1e9) - (order.get(b.code) ?? 1e9) || a.code.localeCompare(b.code));
}

export function DatabaseLayers({ db, shown, setShown }: { db: VillageDatabase; shown: ReadonlySet<VillageLayerName>; setShown: (layer: VillageLayerName, on: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const legend = useMemo(() => legendRows(db), [db]);
  return (
    <aside className="panel database-layers" aria-label={t('database.layers.title')}>
      <h3>{t('database.layers.title')}</h3>
      <ul className="layer-list">
        {MAP_LAYER_STYLES.filter((s) => db.layers[s.layer]).map((style) => (
          <li key={style.layer}>
            <label>
              <input type="checkbox" data-layer={style.layer} checked={shown.has(style.layer)} onChange={(e) => setShown(style.layer, e.target.checked)} />
              <span className="swatch" style={{ borderColor: hexOf(style.colour), background: style.draw === 'classes' ? '#ffd380' : 'transparent' }} />
              {english ? style.en : style.zh} <span className="muted">({db.layers[style.layer]?.features.length ?? 0})</span>
            </label>
          </li>
        ))}
      </ul>
      <h3>{t('database.legend.title')}</h3>
      <p className="hint">{t('database.legend.hint')}</p>
      <ul className="legend" data-testid="database-legend">
        {legend.map((row) => {
          const entry = YDYH_2023_INDEX.get(row.code);
          const name = entry ? (english ? entry.en : entry.zh) : row.code ? t('database.legend.unknownCode') : t('database.legend.noCode');
          return (
            <li key={row.code} data-code={row.code} className={row.known ? '' : 'unknown'}>
              <span className="swatch" style={{ background: row.known ? row.colour : UNKNOWN_CLASS_COLOUR }} />
              <span className="code">{row.code || '—'}</span> {name} <span className="muted">×{row.count}</span>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
