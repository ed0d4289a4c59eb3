/**
 * 所属边界类型 (SSBJLX) of the picked planned parcels of a plan kept on this computer: 无, T 弹性发展区 or
 * Z 城镇开发边界, one undo step (commands/village-database/set-boundary-type). What it does is said by the
 * edit messages DatabaseEdits shows; the hint says where T and Z end up.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { BOUNDARY_TYPES, setBoundaryType, type BoundaryTypeCode } from '../../commands/village-database/set-boundary-type.command.ts';
import type { VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';

/** The select's value for a blank SSBJLX. */
const BLANK = '';

const isBoundaryType = (value: string): value is BoundaryTypeCode => BOUNDARY_TYPES.some((type) => type.code === value);

export function BoundaryTypeEdit({ session, layer, features }: { session: DatabaseSession; layer: VillageLayerName | null; features: readonly VillageFeature[] }) {
  const { t } = useTranslation();
  const draft = useStore(session.store, (s) => s.draft);
  const current = String(features[0]?.properties.SSBJLX ?? BLANK).trim().toUpperCase();
  const [chosen, setChosen] = useState<string | null>(null);
  if (layer !== 'GHDLTB' || !draft || features.length === 0) return null;
  const value = chosen ?? (isBoundaryType(current) ? current : BLANK);
  const refs = features.map((f) => f.ref);
  const apply = () => session.edit((db) => setBoundaryType(db, refs, isBoundaryType(value) ? value : null));
  return (
    <div className="database-edits boundary-type-edit" data-testid="boundary-type-edit">
      <label>
        {t('database.boundary.ssbjlx.title')}{' '}
        <select value={value} data-testid="edit-ssbjlx" onChange={(e) => setChosen(e.target.value)}>
          <option value={BLANK}>{t('database.boundary.ssbjlx.none')}</option>
          {BOUNDARY_TYPES.map((type) => (
            <option key={type.code} value={type.code}>
              {t(`database.boundary.ssbjlx.${type.code}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="tool-button" data-action="apply-ssbjlx" onClick={apply}>
        {t('database.boundary.ssbjlx.apply', { count: refs.length })}
      </button>
      <p className="hint">{t('database.boundary.ssbjlx.hint')}</p>
    </div>
  );
}
