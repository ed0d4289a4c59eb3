/**
 * The CRS of a layer whose file does not say it (no .prj, coordinates read by their range): the guess, or the
 * planner's choice among the CRSs the formats read. A zone guessed from eastings without the zone number can
 * be wrong in the far west of Zhejiang and on its east coast (domain.md §7); choosing reads the file again.
 */
import { useTranslation } from 'react-i18next';
import { GK_ZONES } from '../../geo/projection.ts';
import { describeCrs, epsgOf, GEOGRAPHIC, gk, type SourceCrs } from '../../io/crs/source-crs.ts';

const CHOICES: readonly SourceCrs[] = [GEOGRAPHIC, ...[true, false].flatMap((zonePrefix) => GK_ZONES.map((zone) => gk({ zone, zonePrefix })))];
const AUTO = 'auto';

export interface CrsChoiceProps {
  /** The planner's choice, or undefined while the CRS is the file's or the guess. */
  readonly chosen: SourceCrs | undefined;
  readonly choose: (crs: SourceCrs | null) => void;
}

export function CrsChoice({ chosen, choose }: CrsChoiceProps) {
  const { t } = useTranslation();
  const byEpsg = new Map(CHOICES.map((crs) => [String(epsgOf(crs)), crs]));
  return (
    <label className="choice">
      {t('io.ui.crsChoice')}{' '}
      <select data-testid="import-crs" value={chosen ? String(epsgOf(chosen)) : AUTO} onChange={(e) => choose(byEpsg.get(e.target.value) ?? null)}>
        <option value={AUTO}>{t('io.ui.crsAuto')}</option>
        {CHOICES.map((crs) => (
          <option key={epsgOf(crs)} value={String(epsgOf(crs))}>
            {describeCrs(crs)}
          </option>
        ))}
      </select>
    </label>
  );
}
