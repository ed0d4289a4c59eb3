/**
 * Drawing on a 2026 plan, two modes on one map drawing: 绘制改地类, the planner picks a 用地用海 class and
 * draws a polygon, the planned parcels under it are cut along the outline and the part inside takes the
 * class (commands/village-database/draw-over-plan); 绘制管控边界, the same with a 管控边界 type over the GKBJ
 * layer (draw-control-boundary), which is then shown on the map. One undo step each; Esc or the mode's
 * button again stops drawing. 由规划用地生成管控边界 derives the 管控边界 again from the planned parcels (in
 * the worker), one undo step too, typing each class as the plan's 管控类型对照 says (ControlTypeTable); it asks
 * first when 管控边界 drawn by hand since the last derivation would be replaced. Only a
 * plan kept on this computer can be changed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { DRAWABLE_GKBJ_TYPES, drawControlBoundary } from '../../commands/village-database/draw-control-boundary.command.ts';
import { drawingsSinceDerivation } from '../../commands/village-database/derive-control-boundaries.command.ts';
import { drawOverPlan } from '../../commands/village-database/draw-over-plan.command.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';
import type { GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import { FIRST_DRAWN_CLASS, FIRST_DRAWN_CONTROL_TYPE } from '../../profiles/zhejiang-2026/editing-defaults.ts';
import type { VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { ClassOptions } from './ClassOptions.tsx';
import { ControlTypeTable } from './ControlTypeTable.tsx';

/** What a finished drawing becomes: a planned class or a 管控边界 type. */
type DrawMode = 'class' | 'gkbj';

export function DrawChange({ session, map, showLayer }: { session: DatabaseSession; map: DatabaseMap | null; showLayer: (layer: VillageLayerName) => void }) {
  const { t, i18n } = useTranslation();
  const draft = useStore(session.store, (s) => s.draft);
  const db = useStore(session.store, (s) => s.database);
  const [code, setCode] = useState(FIRST_DRAWN_CLASS);
  const [gkbjType, setGkbjType] = useState<GkbjTypeCode>(FIRST_DRAWN_CONTROL_TYPE);
  const [drawing, setDrawing] = useState<DrawMode | null>(null);
  const [deriving, setDeriving] = useState(false);
  useEffect(() => {
    if (!drawing || !map) return;
    map.draw.start((polygon) => {
      if (drawing === 'class') session.edit((db) => drawOverPlan(db, polygon, code));
      else {
        session.edit((db) => drawControlBoundary(db, polygon, gkbjType));
        showLayer('GKBJ');
      }
      setDrawing(null);
    });
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawing(null);
    };
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('keydown', escape);
      map.draw.stop();
    };
  }, [drawing, map, session, code, gkbjType, showLayer]);
  if (!draft) return null;
  const toggle = (mode: DrawMode) => setDrawing((on) => (on === mode ? null : mode));
  const english = i18n.language === 'en';
  return (
    <div className="draw-change" data-testid="draw-change">
      <h3>{t('database.draw.title')}</h3>
      <select value={code} data-testid="draw-code" disabled={drawing !== null} onChange={(e) => setCode(e.target.value)}>
        <ClassOptions />
      </select>
      <button type="button" className={`tool-button${drawing === 'class' ? ' active' : ''}`} data-action="draw-change" aria-pressed={drawing === 'class'} disabled={!map} onClick={() => toggle('class')}>
        {t(drawing === 'class' ? 'database.draw.stop' : 'database.draw.start')}
      </button>
      {drawing === 'class' ? <p className="hint" role="status">{t('database.draw.hint')}</p> : null}
      <h3>{t('database.boundary.draw.title')}</h3>
      <label>
        {t('database.boundary.draw.typeLabel')}{' '}
        <select value={gkbjType} data-testid="draw-gkbj-type" disabled={drawing !== null} onChange={(e) => setGkbjType(DRAWABLE_GKBJ_TYPES.find((type) => type.code === e.target.value)?.code ?? gkbjType)}>
          {DRAWABLE_GKBJ_TYPES.map((type) => (
            <option key={type.code} value={type.code}>
              {type.code} {english ? type.en : type.zh}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={`tool-button${drawing === 'gkbj' ? ' active' : ''}`} data-action="draw-gkbj" aria-pressed={drawing === 'gkbj'} disabled={!map} onClick={() => toggle('gkbj')}>
        {t(drawing === 'gkbj' ? 'database.draw.stop' : 'database.boundary.draw.start')}
      </button>
      {drawing === 'gkbj' ? <p className="hint" role="status">{t('database.boundary.draw.hint')}</p> : null}
      <button type="button" className="tool-button" data-action="derive-gkbj" disabled={deriving} title={t('database.draw.deriveHint')} onClick={() => {
        const drawn = drawingsSinceDerivation(session.store.getState().history.done);
        if (drawn > 0 && !window.confirm(t('database.draw.deriveReplacesDrawn', { count: drawn }))) return;
        setDeriving(true);
        void session.deriveControlBoundaries().finally(() => setDeriving(false));
      }}>
        {t(deriving ? 'database.draw.deriving' : 'database.draw.derive')}
      </button>
      {db ? <ControlTypeTable db={db} session={session} /> : null}
    </div>
  );
}
