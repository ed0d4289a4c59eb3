/**
 * The edits a 2026 plan kept on this computer takes on the picked features: 规划用地 parcels change class
 * (a 用地用海 2023 land class, by first-level group), are merged (合并, two or more of one class side by
 * side), split by a line drawn over the map (按线分割: Esc cancels) or reshaped by dragging the vertices of
 * the one picked parcel (调整边界: the neighbours sharing a vertex follow it; Esc or 完成 ends it); 管控边界
 * change type. Each is one undo step (Ctrl+Z / Ctrl+Y); what the command refuses or notes is said under it.
 * A plan not kept cannot be edited: the panel says how to keep it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { mergeParcels } from '../../commands/village-database/merge-parcels.command.ts';
import { reclassify } from '../../commands/village-database/reclassify.command.ts';
import { reshapeBoundary } from '../../commands/village-database/reshape-boundary.command.ts';
import { setControlType } from '../../commands/village-database/set-control-type.command.ts';
import { splitParcels } from '../../commands/village-database/split-parcels.command.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';
import { GKBJ_TYPES, type GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageFeature, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { formatMessage } from '../format.ts';
import { ClassOptions } from './ClassOptions.tsx';

/** Picked refs joined into one string: a stable dependency while the same parcels stay picked. */
const REF_SEPARATOR = '\n';

/** What the map's pointer does for the shape edits: draw a splitting line, drag the picked parcel's vertices, or pick. */
type MapTool = 'split' | 'reshape' | null;

/** The stored outer ring of a parcel whose vertices can be dragged: a polygon's (terra-draw holds no multi-part outline). */
const outerRing = (feature: VillageFeature | undefined) => (feature?.geometry?.type === 'Polygon' ? feature.geometry.coordinates[0] : undefined);

/** While reshaping, the picked parcel's vertices drag on the map; each drag is one edit, and the outline shown follows the plan (an undo too). */
function useReshape(session: DatabaseSession, map: DatabaseMap | null, feature: VillageFeature | undefined, on: boolean): boolean {
  const [holdable, setHoldable] = useState(true);
  const ring = outerRing(feature);
  const ref = feature?.ref;
  useEffect(() => {
    if (!on || !map || !ring || ref === undefined) return;
    setHoldable(
      map.draw.reshape(ring, (drag) => {
        session.edit((db) => reshapeBoundary(db, 'GHDLTB', drag, ref));
        return outerRing(session.store.getState().database?.layers.GHDLTB?.features.find((f) => f.ref === ref)) ?? ring;
      }),
    );
  }, [on, map, ring, ref, session]);
  useEffect(() => {
    if (!on || !map) return;
    return () => map.draw.stop();
  }, [on, map]);
  return holdable && ring !== undefined;
}

/** 合并, 按线分割 and 调整边界 for the picked planned parcels; while the line is drawn or the vertices drag, clicks on the map do not pick. */
function ShapeEdits({ session, map, refKey, features }: { session: DatabaseSession; map: DatabaseMap | null; refKey: string; features: readonly VillageFeature[] }) {
  const { t } = useTranslation();
  const [tool, setTool] = useState<MapTool>(null);
  const refs = refKey.split(REF_SEPARATOR);
  const reshapable = useReshape(session, map, features.length === 1 ? features[0] : undefined, tool === 'reshape');
  useEffect(() => {
    if (!tool || !map) return;
    if (tool === 'split') {
      map.draw.startLine((line) => {
        session.edit((db) => splitParcels(db, refKey.split(REF_SEPARATOR), line));
        setTool(null);
      });
    }
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setTool(null);
    };
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('keydown', escape);
      if (tool === 'split') map.draw.stop();
    };
  }, [tool, map, session, refKey]);
  const toggle = (which: Exclude<MapTool, null>) => setTool((current) => (current === which ? null : which));
  return (
    <div className="shape-edits">
      <button type="button" className="tool-button" data-action="merge-parcels" disabled={refs.length < 2 || tool !== null} title={t('database.shape.mergeHint')} onClick={() => session.edit((db) => mergeParcels(db, refs))}>
        {t('database.shape.merge')}
      </button>
      <button type="button" className={`tool-button${tool === 'split' ? ' active' : ''}`} data-action="split-parcels" aria-pressed={tool === 'split'} disabled={!map || tool === 'reshape'} onClick={() => toggle('split')}>
        {t(tool === 'split' ? 'database.shape.splitStop' : 'database.shape.split')}
      </button>
      <button
        type="button"
        className={`tool-button${tool === 'reshape' ? ' active' : ''}`}
        data-action="reshape-boundary"
        aria-pressed={tool === 'reshape'}
        disabled={!map || refs.length !== 1 || tool === 'split'}
        onClick={() => toggle('reshape')}
      >
        {t(tool === 'reshape' ? 'database.reshape.done' : 'database.reshape.start')}
      </button>
      {tool === 'split' ? <p className="hint" role="status" data-testid="split-hint">{t('database.shape.splitHint')}</p> : null}
      {tool === 'reshape' ? (
        <p className="hint" role="status" data-testid="reshape-hint">
          {t(reshapable ? 'database.reshape.hint' : 'database.reshape.onlyPolygon')}
        </p>
      ) : null}
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
      {layer === 'GHDLTB' ? <ShapeEdits session={session} map={map} refKey={refs.join(REF_SEPARATOR)} features={features} /> : null}
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
