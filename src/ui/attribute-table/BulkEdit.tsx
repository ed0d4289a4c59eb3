/**
 * 批量赋值: one field set to one value on the selected rows, or on every row the filters show, after the
 * planner confirms how many features change. One command, so one undo step restores them all; a plan open
 * read-only refuses with the usual message (runCommand).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setAttribute } from '../../commands/set-attributes.command.ts';
import type { FieldSpec, FieldValue } from '../../profiles/zhejiang-2017/fields.ts';
import type { FeatureId } from '../../domain/ids.ts';
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import type { RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { runCommand } from '../actions/action.ts';
import { FieldInput } from '../attributes/FieldInput.tsx';
import { useServices } from '../services.tsx';
import type { TableColumn } from './table-columns.ts';
import type { CellValue } from './table-model.ts';

type Target = 'selected' | 'filtered';
type FieldColumn = Extract<TableColumn, { source: 'field' }>;

interface Props {
  readonly layer: LayerId;
  readonly columns: readonly TableColumn[];
  readonly profile: RuleProfile;
  readonly selectedIds: readonly FeatureId[];
  readonly filteredIds: readonly FeatureId[];
  readonly cellText: (column: TableColumn, value: CellValue) => string;
  readonly disabled: boolean;
}

/** A value the field accepts to start from: the first code of a pick-list, else empty. */
function startValue(spec: FieldSpec, profile: RuleProfile): FieldValue {
  if (spec.kind === 'code') return spec.nullable ? null : (spec.options(profile)[0]?.code ?? null);
  return spec.kind === 'text' && !spec.nullable ? '' : null;
}

export function BulkEdit(props: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="menu bulk-edit">
      <button
        type="button"
        className={`mini-button${open ? ' active' : ''}`}
        data-action="bulk-edit"
        aria-expanded={open}
        disabled={props.disabled}
        title={props.disabled ? t('attributeTable.readOnlyLayer') : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('attributeTable.bulk')}
      </button>
      {open ? <BulkForm key={props.layer} {...props} onDone={() => setOpen(false)} /> : null}
    </div>
  );
}

function BulkForm({ columns, profile, selectedIds, filteredIds, cellText, onDone }: Props & { onDone: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const fields = columns.filter((c): c is FieldColumn => c.source === 'field' && c.editable);
  const [column, setColumn] = useState<FieldColumn | undefined>(fields[0]);
  const [value, setValue] = useState<FieldValue>(() => (fields[0] ? startValue(fields[0].spec, profile) : null));
  const [target, setTarget] = useState<Target>(selectedIds.length > 0 ? 'selected' : 'filtered');
  const [confirming, setConfirming] = useState(false);
  if (!column) return null;

  const ids = target === 'selected' ? selectedIds : filteredIds;
  const field = t(`field.${column.key}`);
  const shownValue = value === null ? t('attributes.empty') : cellText(column, value);
  const apply = () => {
    const done = runCommand(services, setAttribute(services.editor.plan.context(), ids, column.key, value));
    if (done) services.editor.messages.toast('info', { key: 'attributeTable.bulk.done', params: { count: ids.length, field, value: shownValue } });
    onDone();
  };

  return (
    <div
      className="bulk-form"
      role="dialog"
      aria-label={t('attributeTable.bulk')}
      data-testid="bulk-edit"
      onKeyDown={(e) => {
        // Escape closes this form only, not the table around it.
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onDone();
      }}
    >
      <label className="field">
        <span>{t('attributeTable.bulk.field')}</span>
        <select
          data-testid="bulk-field"
          value={column.key}
          onChange={(e) => {
            const next = fields.find((f) => f.key === e.target.value);
            if (!next) return;
            setColumn(next);
            setValue(startValue(next.spec, profile));
            setConfirming(false);
          }}
        >
          {fields.map((f) => (
            <option key={f.key} value={f.key}>
              {t(`field.${f.key}`)}
            </option>
          ))}
        </select>
      </label>
      <FieldInput
        key={column.key}
        spec={column.spec}
        value={value}
        profile={profile}
        disabled={false}
        idPrefix="bulk"
        onCommit={(next) => {
          setValue(next);
          setConfirming(false);
        }}
      />
      <fieldset className="bulk-target">
        <legend>{t('attributeTable.bulk.target')}</legend>
        {(['selected', 'filtered'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="bulk-target" value={option} checked={target === option} onChange={() => { setTarget(option); setConfirming(false); }} />
            {t(`attributeTable.bulk.${option}`, { count: option === 'selected' ? selectedIds.length : filteredIds.length })}
          </label>
        ))}
      </fieldset>
      {ids.length === 0 ? <p className="hint">{t('attributeTable.bulk.none')}</p> : null}
      {confirming ? (
        <div className="bulk-confirm" role="alert">
          <p>{t('attributeTable.bulk.confirm', { count: ids.length, field, value: shownValue })}</p>
          <button type="button" className="mini-button primary" data-action="bulk-confirm" onClick={apply}>
            {t('attributeTable.bulk.yes')}
          </button>
          <button type="button" className="mini-button" onClick={() => setConfirming(false)}>
            {t('attributeTable.bulk.no')}
          </button>
        </div>
      ) : (
        <button type="button" className="mini-button primary" data-action="bulk-apply" disabled={ids.length === 0} onClick={() => setConfirming(true)}>
          {t('attributeTable.bulk.apply')}
        </button>
      )}
    </div>
  );
}
