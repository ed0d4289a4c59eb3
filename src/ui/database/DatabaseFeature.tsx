/**
 * The picked features: how many, the first one's layer and fields (with the alias the database gives each
 * and, for a class code, the class name) and its ellipsoidal area; for a plan kept on this computer, the
 * edit that applies to them (DatabaseEdits).
 */
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import { MAP_LAYER_STYLES } from '../../profiles/zhejiang-2026/map-style.ts';
import type { VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../rules/ydyh/database-parcels.ts';
import { formatArea } from '../format.ts';
import { BoundaryTypeEdit } from './BoundaryTypeEdit.tsx';
import { DatabaseEdits } from './DatabaseEdits.tsx';

export function DatabaseFeature({ session, map, layer, features }: { session: DatabaseSession; map: DatabaseMap | null; layer: VillageLayerName | null; features: readonly VillageFeature[] }) {
  const { t, i18n } = useTranslation();
  const [feature] = features;
  if (!layer || !feature) return <p className="hint">{t('database.feature.none')}</p>;
  const english = i18n.language === 'en';
  const spec = DATABASE_LAYERS.find((l) => l.name === layer);
  const style = MAP_LAYER_STYLES.find((s) => s.layer === layer);
  const aliasOf = new Map((spec?.fields ?? []).map((f) => [f.name, f.alias]));
  const title = spec ? (english ? spec.en : spec.zh) : style ? (english ? style.en : style.zh) : layer;
  const picked = features.map((f) => f.ref).join();
  const areaM2 = features.reduce((sum, f) => sum + (isAreaGeometry(f.geometry) ? ellipsoidalArea(f.geometry) : 0), 0);
  return (
    <div className="panel database-feature" data-testid="database-feature" data-ref={feature.ref} data-count={features.length}>
      <h3>
        {title} {features.length > 1 ? <span>{t('database.feature.count', { count: features.length })}</span> : <code>{feature.ref}</code>}
      </h3>
      {areaM2 > 0 ? <p data-testid="feature-area">{formatArea(t, areaM2)}</p> : null}
      {/* Keyed by the picked refs (each its own key: siblings sharing one leave stale copies), so a new pick starts each edit afresh. */}
      <DatabaseEdits key={`edits:${picked}`} session={session} map={map} layer={layer} features={features} />
      <BoundaryTypeEdit key={`ssbjlx:${picked}`} session={session} layer={layer} features={features} />
      {features.length > 1 ? <p className="hint">{t('database.feature.first', { ref: feature.ref })}</p> : null}
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
