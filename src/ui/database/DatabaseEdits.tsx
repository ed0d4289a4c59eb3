/**
 * The edits a 2026 plan kept on this computer takes on the picked features: 规划用地 parcels change class
 * (a 用地用海 2023 land class, by first-level group), 管控边界 change type. Each is one undo step
 * (Ctrl+Z / Ctrl+Y); what the command refuses or notes is said under it. A plan not kept cannot be edited:
 * the panel says how to keep it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { reclassify } from '../../commands/village-database/reclassify.command.ts';
import { setControlType } from '../../commands/village-database/set-control-type.command.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { formatMessage } from '../format.ts';
import { ClassOptions } from './ClassOptions.tsx';

export function DatabaseEdits({ session, layer, features }: { session: DatabaseSession; layer: VillageLayerName; features: readonly VillageFeature[] }) {
  const { t, i18n } = useTranslation();
  const draft = useStore(session.store, (s) => s.draft);
  const said = useStore(session.store, (s) => s.editMessages);
  const refs = features.map((f) => f.ref);
  const current = String(features[0]?.properties[layer === 'GKBJ' ? 'GKBJLXDM' : 'GHDLBM'] ?? '');
  const [chosen, setChosen] = useState<string | null>(null);
  if (layer !== 'GHDLTB' && layer !== 'GKBJ') return null;
  if (!draft) return <p className="hint" data-testid="edit-needs-keep">{t('database.edit.keepFirst')}</p>;
  const value = chosen ?? current;
  const apply = () => session.edit((db) => (layer === 'GHDLTB' ? reclassify(db, refs, value) : setControlType(db, refs, value as GkbjTypeCode)));
  const english = i18n.language === 'en';
  return (
    <div className="database-edits">
      <label>
        {t(layer === 'GHDLTB' ? 'database.edit.classLabel' : 'database.edit.typeLabel')}{' '}
        <select value={value} data-testid="edit-code" onChange={(e) => setChosen(e.target.value)}>
          {layer === 'GHDLTB'
            ? <ClassOptions />
            : GKBJ_TYPES.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.code} {english ? type.en : type.zh}
                </option>
              ))}
        </select>
      </label>
      <button type="button" className="tool-button" data-action="apply-edit" onClick={apply}>
        {t('database.edit.apply', { count: refs.length })}
      </button>
      {said ? (
        <div className={`edit-said ${said.level}`} role={said.level === 'error' ? 'alert' : 'status'} data-testid="edit-said">
          {said.messages.map((message, i) => (
            <p key={i}>{formatMessage(t, (k) => i18n.exists(k), message)}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
