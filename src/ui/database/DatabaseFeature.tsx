/** The picked feature: its layer, and each field with the alias the database gives it and, for a class code, the class name. */
import { useTranslation } from 'react-i18next';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import { MAP_LAYER_STYLES } from '../../profiles/zhejiang-2026/map-style.ts';
import type { VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { isAreaGeometry } from '../../rules/ydyh/database-parcels.ts';
import { formatArea } from '../format.ts';

export function DatabaseFeature({ layer, feature }: { layer: VillageLayerName | null; feature: VillageFeature | null }) {
  const { t, i18n } = useTranslation();
  if (!layer || !feature) return <p className="hint">{t('database.feature.none')}</p>;
  const english = i18n.language === 'en';
  const spec = DATABASE_LAYERS.find((l) => l.name === layer);
  const style = MAP_LAYER_STYLES.find((s) => s.layer === layer);
  const aliasOf = new Map((spec?.fields ?? []).map((f) => [f.name, f.alias]));
  const title = spec ? (english ? spec.en : spec.zh) : style ? (english ? style.en : style.zh) : layer;
  return (
    <div className="panel database-feature" data-testid="database-feature" data-ref={feature.ref}>
      <h3>
        {title} <code>{feature.ref}</code>
      </h3>
      {isAreaGeometry(feature.geometry) ? <p data-testid="feature-area">{formatArea(t, ellipsoidalArea(feature.geometry))}</p> : null}
      <table className="fields">
        <tbody>
          {Object.entries(feature.properties).map(([field, value]) => {
            const className = style?.codeField === field && value !== null ? YDYH_2023_INDEX.get(String(value)) : undefined;
            return (
              <tr key={field} data-field={field}>
                <th title={field}>{aliasOf.get(field) ?? field}</th>
                <td>
                  {value === null ? '—' : String(value)}
                  {className ? <span className="muted"> {english ? className.en : className.zh}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
