/**
 * The fill colour of each class the plan's parcels use (domain-2026.md §1.5, the Zhejiang symbology, ⚠ not
 * official): the profile's marked 默认值, a changed one 已修改 with a way back. A colour is one undo step when
 * the picker closes (its `change`, not every `input` while dragging); the map and its legend follow.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import { setPlanDefaults } from '../../commands/village-database/set-plan-defaults.command.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import { classColour, hexOf } from '../../profiles/zhejiang-2026/map-style.ts';
import { PLAN_DEFAULTS, type HexColour } from '../../profiles/zhejiang-2026/plan-defaults.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { DefaultMark } from './DefaultMark.tsx';
import { planClasses } from './plan-classes.ts';

const hexColour = (code: string, planColours: VillageDatabase['classColours'] = {}): HexColour | null => {
  const rgb = classColour(YDYH_2023_INDEX, code, planColours);
  return rgb ? hexOf(rgb) : null;
};

/** A colour input that reports only the colour the planner settled on (the native `change`). */
function ColourInput({ value, code, onSettle }: { value: HexColour; code: string; onSettle: (colour: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const settle = useRef(onSettle);
  settle.current = onSettle;
  useEffect(() => {
    const element = input.current;
    if (!element) return undefined;
    const changed = () => settle.current(element.value);
    element.addEventListener('change', changed);
    return () => element.removeEventListener('change', changed);
  }, []);
  // Keyed by the value, so an undo or a reset shows the plan's colour again.
  return <input key={value} ref={input} type="color" defaultValue={value} data-testid="class-colour" aria-label={code} />;
}

export function ClassColourTable({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const rows = useMemo(() => planClasses(db), [db]);
  const choose = (code: string, colour: string) => {
    const others = Object.fromEntries(Object.entries(db.classColours ?? {}).filter(([overridden]) => overridden !== code));
    if (!PLAN_DEFAULTS.classColours.isValue(colour)) return;
    session.edit((current) => setPlanDefaults(current, 'classColours', { [code]: colour === hexColour(code, others) ? null : colour }));
  };
  return (
    <section data-testid="class-colour-defaults">
      <h4>{t('database.defaults.classColours.title')}</h4>
      <p className="hint">{t('database.defaults.classColours.hint')}</p>
      {rows.length === 0 ? <p className="hint">{t('database.defaults.noParcels')}</p> : null}
      <table className="control-types">
        <thead>
          <tr>
            <th>{t('database.defaults.code')}</th>
            <th>{t('database.defaults.name')}</th>
            <th>{t('database.defaults.classColours.colour')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shown = hexColour(row.code, db.classColours);
            return (
              <tr key={row.code} data-code={row.code}>
                <td>{row.code}</td>
                <td>{english ? row.en : row.zh}</td>
                <td>
                  {shown ? <ColourInput value={shown} code={row.code} onSettle={(colour) => choose(row.code, colour)} /> : null}{' '}
                  <DefaultMark changed={shown !== hexColour(row.code)} reset={() => session.edit((current) => setPlanDefaults(current, 'classColours', { [row.code]: null }))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
