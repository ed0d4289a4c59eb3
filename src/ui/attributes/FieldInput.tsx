/**
 * One attribute field. Codes are pick-lists (never free text); numbers and text commit on Enter or when
 * the field loses focus; a value the field refuses is shown in red with the reason and never applied.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldSpec, type FieldValue, validateFieldValue } from '../../profiles/zhejiang-2017/fields.ts';
import type { RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { codeText } from '../format.ts';
import { useUi } from '../services.tsx';

export const MIXED = Symbol('mixed');
export type ShownValue = FieldValue | typeof MIXED;

interface Props {
  readonly spec: FieldSpec;
  readonly value: ShownValue;
  readonly profile: RuleProfile;
  readonly disabled: boolean;
  readonly onCommit: (value: FieldValue) => void;
  /** Makes the control's id unique where a field shows twice (the attribute table beside this panel). */
  readonly idPrefix?: string;
}

export function FieldInput({ spec, value, profile, disabled, onCommit, idPrefix = 'field' }: Props) {
  const { t } = useTranslation();
  const language = useUi((s) => s.language);
  const id = `${idPrefix}-${spec.key}`;
  const label = <label htmlFor={id}>{t(`field.${spec.key}`)}</label>;

  if (spec.kind === 'code') {
    const options = spec.options(profile);
    const current = value === MIXED ? '__mixed__' : value === null ? '__null__' : String(value);
    return (
      <div className="field">
        {label}
        <select
          id={id}
          value={current}
          disabled={disabled}
          onChange={(e) => onCommit(e.target.value === '__null__' ? null : e.target.value)}
        >
          {value === MIXED ? <option value="__mixed__" disabled>{t('attributes.mixed')}</option> : null}
          {spec.nullable ? <option value="__null__">{t('attributes.empty')}</option> : null}
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {codeText(o, language)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return <TextLikeInput spec={spec} value={value} profile={profile} disabled={disabled} onCommit={onCommit} label={label} id={id} />;
}

function TextLikeInput({ spec, value, profile, disabled, onCommit, label, id }: Props & { label: React.ReactNode; id: string }) {
  const { t } = useTranslation();
  const shown = value === MIXED || value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);

  const numeric = spec.kind === 'integer' || spec.kind === 'number';
  const empty = draft.trim() === '';
  const parsed: FieldValue = numeric ? (empty ? null : Number(draft)) : empty && spec.kind === 'text' && spec.nullable ? null : draft;
  const valid = validateFieldValue(spec, parsed, profile);
  const commit = () => {
    if (draft === shown || !valid) return;
    onCommit(parsed);
  };
  return (
    <div className={`field${valid ? '' : ' invalid'}`}>
      {label}
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        inputMode={numeric ? 'decimal' : undefined}
        value={draft}
        placeholder={value === MIXED ? t('attributes.mixed') : ''}
        disabled={disabled}
        aria-invalid={!valid}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(shown);
        }}
      />
      {!valid ? <span className="field-error">{t(`attributes.invalid.${spec.kind}`, { max: spec.kind === 'text' ? spec.maxLength : spec.kind === 'code' ? 0 : spec.max })}</span> : null}
    </div>
  );
}
