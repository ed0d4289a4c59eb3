/**
 * The CRS of a layer whose file does not say it (no .prj, a DXF, coordinates read by their range): the guess,
 * or the planner's choice (io/crs/crs-choices.ts). A zone guessed from eastings without the zone number can
 * be wrong in the far west of Zhejiang and on its east coast (domain.md §7), and an old survey's Xian 1980
 * drawing has the same numbers as CGCS2000; choosing reads the file again.
 */
import { useTranslation } from 'react-i18next';
import { choiceKeyOf, CRS_CHOICES } from '../../io/crs/crs-choices.ts';
import { describeCrs, type ReadCrs } from '../../io/crs/source-crs.ts';

const AUTO = 'auto';

export interface CrsChoiceProps {
  /** The planner's choice, or undefined while the CRS is the file's or the guess. */
  readonly chosen: ReadCrs | undefined;
  readonly choose: (crs: ReadCrs | null) => void;
}

export function CrsChoice({ chosen, choose }: CrsChoiceProps) {
  const { t } = useTranslation();
  return (
    <label className="choice">
      {t('io.ui.crsChoice')}{' '}
      <select data-testid="import-crs" value={(chosen && choiceKeyOf(chosen)) ?? AUTO} onChange={(e) => choose(CRS_CHOICES.find((entry) => entry.key === e.target.value)?.crs ?? null)}>
        <option value={AUTO}>{t('io.ui.crsAuto')}</option>
        {CRS_CHOICES.map((entry) => (
          <option key={entry.key} value={entry.key}>
            {describeCrs(entry.crs)}
          </option>
        ))}
      </select>
    </label>
  );
}
