/**
 * The edits a 2026 plan kept on this computer takes on the picked features: 规划用地 parcels change class
 * (a 用地用海 2023 land class, by first-level group), are merged (合并, two or more of one class side by
 * side) or split by a line drawn over the map (按线分割: Esc cancels); 管控边界 change type. Each is one
 * undo step (Ctrl+Z / Ctrl+Y); what the command refuses or notes is said under it. A plan not kept cannot
 * be edited: the panel says how to keep it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { mergeParcels } from '../../commands/village-database/merge-parcels.command.ts';
import { reclassify } from '../../commands/village-database/reclassify.command.ts';
import { setControlType } from '../../commands/village-database/set-control-type.command.ts';
import { splitParcels } from '../../commands/village-database/split-parcels.command.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { formatMessage } from '../format.ts';
import { ClassOptions } from './ClassOptions.tsx';

/** Picked refs joined into one string: a stable dependency while the same parcels stay picked. */
const REF_SEPARATOR = '\n';

/** 合并 and 按线分割 for the picked planned parcels; while the line is drawn, clicks on the map draw and do not pick. */
function ShapeEdits({ session, map, refKey }: { session: DatabaseSession; map: DatabaseMap | null; refKey: string }) {
  const { t } = useTranslation();
  const [splitting, setSplitting] = useState(false);
  const refs = refKey.split(REF_SEPARATOR);
  useEffect(() => {
    if (!splitting || !map) return;
    map.draw.startLine((line) => {
      session.edit((db) => splitParcels(db, refKey.split(REF_SEPARATOR), line));
      setSplitting(false);
    });
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setSplitting(false);
    };
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('keydown', escape);
      map.draw.stop();
    };
  }, [splitting, map, session, refKey]);
  return (
    <div className="shape-edits">
      <button type="button" className="tool-button" data-action="merge-parcels" disabled={refs.length < 2 || splitting} title={t('database.shape.mergeHint')} onClick={() => session.edit((db) => mergeParcels(db, refs))}>
        {t('database.shape.merge')}
      </button>
      <button type="button" className={`tool-button${splitting ? ' active' : ''}`} data-action="split-parcels" aria-pressed={splitting} disabled={!map} onClick={() => setSplitting((on) => !on)}>
        {t(splitting ? 'database.shape.splitStop' : 'database.shape.split')}
      </button>
      {splitting ? <p className="hint" role="status" data-testid="split-hint">{t('database.shape.splitHint')}</p> : null}
    </div>
  );
}

export function DatabaseEdits({ session, map, layer, features }: { session: DatabaseSession; map: DatabaseMap | null; layer: VillageLayerName; features: readonly VillageFeature[] }) {
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
      {layer === 'GHDLTB' ? <ShapeEdits session={session} map={map} refKey={refs.join(REF_SEPARATOR)} /> : null}
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
