/**
 * The 管控边界 type of each class the planned parcels use, a ⚠ default the planner changes for the county
 * (set-control-types.command.ts) and keeps with the plan: one row per class in GHDLTB with its area, the type
 * it gets (the default marked 默认值, a changed one 已修改 with a way back), and 应用 as one undo step. The
 * types apply the next time the 管控边界 are derived, as the hint says.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import { DRAWABLE_GKBJ_TYPES } from '../../commands/village-database/draw-control-boundary.command.ts';
import { setControlTypes, type ControlTypeChanges } from '../../commands/village-database/set-control-types.command.ts';
import { YDYH_2023_INDEX } from '../../profiles/ydyh/classes-2023.ts';
import type { GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import { controlTypeOf, defaultControlTypeOf, isControlType, isTypableClass } from '../../profiles/zhejiang-2026/control-boundary.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import { codedParcels, M2_PER_HA } from '../../rules/ydyh/database-parcels.ts';
import { formatNumber } from '../format.ts';

interface ClassRow {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly areaM2: number;
  /** The type without the class's own override: its nearest overridden ancestor's, else the default. */
  readonly inherited: GkbjTypeCode | null;
  readonly byDefault: GkbjTypeCode | null;
}

/** The classes of the planned parcels, in code order, each with its parcels' area. */
function classRows(db: VillageDatabase): ClassRow[] {
  const areas = new Map<string, number>();
  for (const parcel of codedParcels(db, 'target')) if (isTypableClass(parcel.code)) areas.set(parcel.code, (areas.get(parcel.code) ?? 0) + parcel.areaM2);
  return [...areas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, areaM2]) => {
      const entry = YDYH_2023_INDEX.get(code);
      const others = Object.fromEntries(Object.entries(db.controlTypes ?? {}).filter(([overridden]) => overridden !== code));
      return { code, zh: entry?.zh ?? '', en: entry?.en ?? '', areaM2, inherited: controlTypeOf(code, null, others), byDefault: defaultControlTypeOf(code) };
    });
}

function TypeRows({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const rows = useMemo(() => classRows(db), [db]);
  const saved = (code: string): GkbjTypeCode | null => db.controlTypes?.[code] ?? null;
  // Each class's own override as chosen here, null = none; applied together as one step.
  const [chosen, setChosen] = useState<Readonly<Record<string, GkbjTypeCode | null>>>(() => Object.fromEntries(rows.map((row) => [row.code, saved(row.code)])));
  const own = (code: string) => chosen[code] ?? null;
  const choose = (row: ClassRow, type: GkbjTypeCode | null) => setChosen((was) => ({ ...was, [row.code]: type === row.inherited ? null : type }));
  const changes: ControlTypeChanges = Object.fromEntries(rows.filter((row) => own(row.code) !== saved(row.code)).map((row) => [row.code, own(row.code)]));
  if (rows.length === 0) return <p className="hint">{t('database.controlTypes.noParcels')}</p>;
  const typeLabel = (type: { code: string; zh: string; en: string }, row: ClassRow) => {
    const label = `${type.code} ${english ? type.en : type.zh}`;
    return type.code === row.byDefault ? t('database.controlTypes.defaultOption', { type: label }) : label;
  };
  return (
    <>
      <table className="control-types">
        <thead>
          <tr>
            <th>{t('database.controlTypes.code')}</th>
            <th>{t('database.controlTypes.name')}</th>
            <th className="number">{t('database.controlTypes.area')}</th>
            <th>{t('database.controlTypes.type')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const shown = own(row.code) ?? row.inherited;
            const changed = shown !== row.byDefault;
            return (
              <tr key={row.code} data-code={row.code}>
                <td>{row.code}</td>
                <td>{english ? row.en : row.zh}</td>
                <td className="number">{formatNumber(row.areaM2 / M2_PER_HA, 2)}</td>
                <td>
                  <select value={shown ?? ''} data-testid="control-type" onChange={(e) => choose(row, isControlType(e.target.value) ? e.target.value : null)}>
                    {shown === null ? <option value="">{t('database.controlTypes.none')}</option> : null}
                    {DRAWABLE_GKBJ_TYPES.map((type) => (
                      <option key={type.code} value={type.code}>
                        {typeLabel(type, row)}
                      </option>
                    ))}
                  </select>{' '}
                  {changed ? (
                    <>
                      <span className="badge warning" data-testid="control-type-changed">{t('database.controlTypes.changed')}</span>{' '}
                      <button type="button" className="link" data-action="reset-control-type" onClick={() => choose(row, row.byDefault)}>
                        {t('database.controlTypes.reset')}
                      </button>
                    </>
                  ) : (
                    <span className="hint">{t('database.controlTypes.default')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="tool-button" data-action="apply-control-types" disabled={Object.keys(changes).length === 0} onClick={() => session.edit((current) => setControlTypes(current, changes))}>
        {t('database.controlTypes.apply')}
      </button>
    </>
  );
}

/** The disclosure beside 由规划用地生成管控边界; the rows start again from the plan whenever its types change (an edit, undo, redo). */
export function ControlTypeTable({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t } = useTranslation();
  return (
    <details className="control-type-table" data-testid="control-types" style={{ flexBasis: '100%' }}>
      <summary>{t('database.controlTypes.title')}</summary>
      <p className="hint">{t('database.controlTypes.hint')}</p>
      <TypeRows key={JSON.stringify(db.controlTypes ?? {})} db={db} session={session} />
    </details>
  );
}
