/**
 * A delivery package found among the imported files: the layers read and the plan rebuilt from them. It is
 * opened as a new draft (the current plan stays as it is, one click away on the start page), never merged
 * into the plan being edited: a package is a whole plan, not a layer of one.
 */
import { useTranslation } from 'react-i18next';
import type { PackageSummary } from '../../io/into-plan/import-session.ts';

export function PackageView({ pkg }: { pkg: PackageSummary }) {
  const { t } = useTranslation();
  return (
    <div className="import-preview" data-testid="import-package">
      <p>{t('io.ui.packageFound', { files: pkg.files })}</p>
      <details open>
        <summary>{t('io.ui.packageLayers')}</summary>
        <ul>
          {pkg.layers.map((l) => (
            <li key={l.name}>{t('io.ui.packageLayer', { layer: `${l.name} ${t(`package.delivery.layer.${l.name}`)}`, count: l.count, file: l.file })}</li>
          ))}
        </ul>
      </details>
      <details open>
        <summary>{t('io.ui.packagePlan')}</summary>
        <ul data-testid="import-package-counts">
          {pkg.counts.map((c) => (
            <li key={c.layer} data-layer={c.layer} data-count={c.count}>
              {t('io.ui.packageCount', { layer: t(`layer.${c.layer}`), count: c.count })}
            </li>
          ))}
        </ul>
      </details>
      <p className="hint">{t('io.ui.openPackageHint')}</p>
    </div>
  );
}
