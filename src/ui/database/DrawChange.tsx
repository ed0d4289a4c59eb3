/**
 * 绘制改地类: the planner picks a 用地用海 class and draws a polygon on the map; the planned parcels under
 * it are cut along the outline and the part inside takes the class (commands/village-database/
 * draw-over-plan), one undo step. Esc or the button again stops drawing. 由规划用地生成管控边界 derives the
 * 管控边界 again from the planned parcels (in the worker), one undo step too. Only a plan kept on this
 * computer can be changed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { drawOverPlan } from '../../commands/village-database/draw-over-plan.command.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';
import { ClassOptions } from './ClassOptions.tsx';

export function DrawChange({ session, map }: { session: DatabaseSession; map: DatabaseMap | null }) {
  const { t } = useTranslation();
  const draft = useStore(session.store, (s) => s.draft);
  const [code, setCode] = useState('070301');
  const [drawing, setDrawing] = useState(false);
  const [deriving, setDeriving] = useState(false);
  useEffect(() => {
    if (!drawing || !map) return;
    map.draw.start((polygon) => {
      session.edit((db) => drawOverPlan(db, polygon, code));
      setDrawing(false);
    });
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDrawing(false);
    };
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('keydown', escape);
      map.draw.stop();
    };
  }, [drawing, map, session, code]);
  if (!draft) return null;
  return (
    <div className="draw-change" data-testid="draw-change">
      <h3>{t('database.draw.title')}</h3>
      <select value={code} data-testid="draw-code" disabled={drawing} onChange={(e) => setCode(e.target.value)}>
        <ClassOptions />
      </select>
      <button type="button" className={`tool-button${drawing ? ' active' : ''}`} data-action="draw-change" aria-pressed={drawing} disabled={!map} onClick={() => setDrawing((on) => !on)}>
        {t(drawing ? 'database.draw.stop' : 'database.draw.start')}
      </button>
      {drawing ? <p className="hint" role="status">{t('database.draw.hint')}</p> : null}
      <button type="button" className="tool-button" data-action="derive-gkbj" disabled={deriving} title={t('database.draw.deriveHint')} onClick={() => {
        setDeriving(true);
        void session.deriveControlBoundaries().finally(() => setDeriving(false));
      }}>
        {t(deriving ? 'database.draw.deriving' : 'database.draw.derive')}
      </button>
    </div>
  );
}
