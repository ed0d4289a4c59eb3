/**
 * The text-encoding switch of an import preview (a Shapefile's DBF, a DXF's text): GBK or UTF-8, each
 * shown with the first records read that way, so the planner picks the one whose names read right.
 */
import { useTranslation } from 'react-i18next';
import type { EncodingPreview } from '../../io/formats/types.ts';

export interface EncodingSwitchProps {
  readonly sample: EncodingPreview;
  /** The decoder label in use (`gbk`, `utf-8`, …). */
  readonly current: string;
  /** The radio group's name: one per preview on the page. */
  readonly name: string;
  /** How many records each choice shows. */
  readonly rows: number;
  readonly choose: (encoding: 'gbk' | 'utf-8') => void;
}

export function EncodingSwitch({ sample, current, name, rows, choose }: EncodingSwitchProps) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('io.ui.encoding')}</legend>
      <span className="hint">{t('io.ui.encodingHint', { encoding: current.toUpperCase() })}</span>
      {(['gbk', 'utf-8'] as const).map((encoding) => (
        <label key={encoding} className="choice">
          <input type="radio" name={name} checked={current.toLowerCase() === encoding} onChange={() => choose(encoding)} /> {encoding.toUpperCase()}:{' '}
          {(encoding === 'gbk' ? sample.gbk : sample.utf8)
            .slice(0, rows)
            .map((row) => row.join(' · '))
            .join(' | ')}
        </label>
      ))}
    </fieldset>
  );
}
