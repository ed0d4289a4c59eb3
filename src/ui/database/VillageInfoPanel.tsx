/**
 * 村庄信息与上级下达指标: the village information (what CCTool's workbook sheet1 gives) and the binding
 * indicators' allocations, entered for a plan kept on this computer. 应用 makes one undo step of the entries
 * changed in the form; what is wrong is said under each entry and nothing changes. The checks and the
 * 指标表 follow the edit as after any other. A plan not kept cannot be edited: the panel says how to keep it.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DatabaseSession } from '../../app/database-session.ts';
import { ALLOCATED_INDICATORS, setVillageInfo, villageInfoProblems, type AllocationChanges, type EntryProblem } from '../../commands/village-database/set-village-info.command.ts';
import { VILLAGE_TYPES } from '../../profiles/zhejiang-2026/code-lists.ts';
import { BINDING_SYMBOLS, bindingOf, type IndicatorSpec } from '../../profiles/zhejiang-2026/indicators.ts';
import type { VillageDatabase, VillageInfo } from '../../profiles/zhejiang-2026/village-database.ts';
import { formatMessage } from '../format.ts';
import { PlanDefaultsSection } from './PlanDefaultsSection.tsx';

type Entry = EntryProblem['entry'];
type Texts = Readonly<Partial<Record<Entry, string>>>;

const TEXT_FIELDS = ['villageName', 'planPeriod'] as const satisfies readonly (keyof VillageInfo)[];
const COUNT_FIELDS = ['basePopulation', 'targetPopulation', 'baseHeritage', 'targetHeritage'] as const satisfies readonly (keyof VillageInfo)[];
const allocationEntry = (number: number): Entry => `allocation.${number}`;
const shown = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

function textsOf(db: VillageDatabase): Texts {
  const texts: Partial<Record<Entry, string>> = {};
  for (const field of [...TEXT_FIELDS, 'villageType', ...COUNT_FIELDS] as const) texts[field] = shown(db.info[field]);
  for (const { number } of ALLOCATED_INDICATORS) texts[allocationEntry(number)] = shown(db.allocations[number]);
  return texts;
}

/** Blank is not given; anything else is read as a number, and what is not one is said by the command. */
const numberOf = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim()));

/** The entries whose text the planner changed, as the command takes them. */
function changesOf(texts: Texts, start: Texts): { info: Partial<VillageInfo>; allocations: AllocationChanges } {
  const changed = (entry: Entry) => (texts[entry] ?? '') !== (start[entry] ?? '');
  const info: Partial<Record<keyof VillageInfo, string | number | null>> = {};
  for (const field of [...TEXT_FIELDS, 'villageType'] as const) if (changed(field)) info[field] = texts[field] ?? '';
  for (const field of COUNT_FIELDS) if (changed(field)) info[field] = numberOf(texts[field] ?? '');
  const allocations: AllocationChanges = {};
  for (const { number } of ALLOCATED_INDICATORS) if (changed(allocationEntry(number))) allocations[number] = numberOf(texts[allocationEntry(number)] ?? '');
  return { info: info as Partial<VillageInfo>, allocations };
}

function InfoForm({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t, i18n } = useTranslation();
  const said = useStore(session.store, (s) => s.editMessages);
  const [start] = useState(() => textsOf(db));
  const [texts, setTexts] = useState(start);
  const [problems, setProblems] = useState<readonly EntryProblem[]>([]);
  const [applied, setApplied] = useState(false);
  const english = i18n.language === 'en';
  const directionOf = (binding: IndicatorSpec['binding']) => (binding ? BINDING_SYMBOLS[binding] : t('database.defaults.bindings.notBound'));
  const say = (problem: EntryProblem) => formatMessage(t, (k) => i18n.exists(k), problem.message);

  const field = (entry: Entry, label: string, input: (id: string, value: string, set: (value: string) => void) => ReactNode, extra?: ReactNode) => {
    const wrong = problems.filter((p) => p.entry === entry);
    const id = `village-info-${entry}`;
    return (
      <div key={entry} className={`field${wrong.length > 0 ? ' invalid' : ''}`}>
        <label htmlFor={id}>
          {label}
          {extra}
        </label>
        {input(id, texts[entry] ?? '', (value) => setTexts((before) => ({ ...before, [entry]: value })))}
        {wrong.map((problem, i) => (
          <p key={i} className="field-error" role="alert" data-entry-error={entry}>
            {say(problem)}
          </p>
        ))}
      </div>
    );
  };
  const textInput = (inputMode: 'text' | 'numeric' | 'decimal', placeholder = '') => (id: string, value: string, set: (value: string) => void) => (
    <input id={id} data-entry={id.slice('village-info-'.length)} inputMode={inputMode} placeholder={placeholder} value={value} onChange={(e) => set(e.target.value)} />
  );
  const typeSelect = (id: string, value: string, set: (value: string) => void) => (
    <select id={id} data-entry="villageType" value={value} onChange={(e) => set(e.target.value)}>
      <option value="">{t('database.info.typeNone')}</option>
      {VILLAGE_TYPES.map((type) => (
        <option key={type.code} value={type.code}>
          {english ? `${type.code} ${type.en}` : type.code}
        </option>
      ))}
      {value !== '' && !VILLAGE_TYPES.some((type) => type.code === value) ? <option value={value}>{t('database.info.typeKept', { type: value })}</option> : null}
    </select>
  );

  const apply = () => {
    const { info, allocations } = changesOf(texts, start);
    const found = villageInfoProblems(info, allocations);
    setProblems(found);
    if (found.length > 0) return;
    setApplied(true);
    session.edit((current) => setVillageInfo(current, info, allocations));
  };

  return (
    <div className="fields">
      <p className="hint">{t('database.info.hint')}</p>
      {field('villageName', t('rules.db.info.villageName'), textInput('text'))}
      {field('villageType', t('rules.db.info.villageType'), typeSelect)}
      {field('planPeriod', t('rules.db.info.planPeriod'), textInput('text', '2021-2035'))}
      {COUNT_FIELDS.map((entry) => field(entry, t(`rules.db.info.${entry}`), textInput('numeric')))}
      <h3>{t('database.info.allocations')}</h3>
      {ALLOCATED_INDICATORS.map((indicator) =>
        field(
          allocationEntry(indicator.number),
          t('database.info.allocationLabel', { indicator: t(`rules.db.indicator.${indicator.number}`), direction: directionOf(bindingOf(indicator, db.bindings)) }),
          textInput('decimal'),
          indicator.unconfirmed.includes('binding') && db.bindings?.[String(indicator.number)] === undefined ? <span className="default-note" title={t('database.info.defaultHint')}>{t('database.info.default')}</span> : null,
        ),
      )}
      <button type="button" className="tool-button" data-action="apply-village-info" onClick={apply}>
        {t('database.info.apply')}
      </button>
      {applied && said ? (
        <div className={`edit-said ${said.level}`} role={said.level === 'error' ? 'alert' : 'status'} data-testid="village-info-said">
          {said.messages.map((message, i) => (
            <p key={i}>{formatMessage(t, (k) => i18n.exists(k), message)}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function VillageInfoPanel({ db, session }: { db: VillageDatabase; session: DatabaseSession }) {
  const { t } = useTranslation();
  const draft = useStore(session.store, (s) => s.draft);
  // The form starts again from the plan whenever its entries change (an edit, undo, redo).
  const formKey = JSON.stringify([db.info, db.allocations]);
  return (
    <div className="panel village-info" data-testid="village-info">
      <h2>{t('database.info.title')}</h2>
      {draft ? <InfoForm key={formKey} db={db} session={session} /> : <p className="hint" data-testid="edit-needs-keep">{t('database.edit.keepFirst')}</p>}
      {draft ? <PlanDefaultsSection db={db} session={session} /> : null}
    </div>
  );
}
