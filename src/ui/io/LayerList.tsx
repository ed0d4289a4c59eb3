/**
 * The layers of files holding several (a county's zip), as GIS users know it from QGIS's "Select items to
 * add" and ArcGIS's catalog: name with its folder, geometry type, feature count, CRS as read, a tick to
 * import it and the plan layer it goes into; a layer that cannot be read says why. The service
 * (app/import/import-service.ts) holds each layer's state; this renders it.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { clashingTargets, type LayerRow } from '../../app/import/import-service.ts';
import { listSome, type Message } from '../../domain/message.ts';
import { IMPORT_TARGETS, type ImportTarget } from '../../io/into-plan/import-command.ts';

/** Long reasons and CRS names wrap, so the target column stays in view. */
const WRAPPED = { maxWidth: '24em', whiteSpace: 'normal' } as const;

interface LayerListProps {
  readonly layers: readonly LayerRow[];
  readonly active: number;
  readonly ignored: readonly string[];
  readonly refusal: Message | null;
  readonly include: (index: number, include: boolean) => void;
  readonly setTarget: (index: number, target: ImportTarget) => void;
  readonly show: (index: number) => void;
  readonly say: (m: Message) => string;
}

function Status({ row, say }: { row: LayerRow; say: (m: Message) => string }) {
  const { t } = useTranslation();
  const { phase } = row;
  if (phase.kind === 'error') return <span className="field-error">{say(phase.message)}</span>;
  if (phase.kind !== 'preview') return <span className="hint">{t('io.ui.layers.reading')}</span>;
  const noDbf = phase.notes.some((n) => n.key === 'io.shp.noDbf');
  return (
    <span className={row.blocked || noDbf ? 'hint' : undefined}>
      {noDbf ? `${t('io.ui.layers.noDbf')}; ` : ''}
      {row.blocked ? t('io.ui.layers.waiting') : t('io.ui.layers.ready')}
    </span>
  );
}

function geometryOf(row: LayerRow, t: TFunction): string {
  if (row.geometry) return row.geometry;
  if (row.phase.kind !== 'preview') return '—';
  const { areaCount, layer } = row.phase.preview;
  if (areaCount === 0) return '—';
  return areaCount === layer.count ? t('io.ui.layers.polygons') : t('io.ui.layers.mixed', { areas: areaCount });
}

export function LayerList({ layers, active, ignored, refusal, include, setTarget, show, say }: LayerListProps) {
  const { t } = useTranslation();
  const clashes = clashingTargets(layers);
  return (
    <div className="import-layers" data-testid="import-layers">
      <p>{t('io.ui.layers.title', { count: layers.length })}</p>
      {/* Scrolls sideways in a narrow dialog rather than cutting the target column off. */}
      <div style={{ overflowX: 'auto' }}>
        <table className="mapping-table">
          <thead>
            <tr>
              <th>{t('io.ui.layers.include')}</th>
              <th>{t('io.ui.layers.name')}</th>
              <th>{t('io.ui.layers.geometry')}</th>
              <th>{t('io.ui.layers.count')}</th>
              <th>{t('io.ui.layers.crs')}</th>
              <th>{t('io.ui.target')}</th>
            </tr>
          </thead>
          <tbody>
            {layers.map((row, i) => {
              const preview = row.phase.kind === 'preview' ? row.phase.preview : null;
              return (
                <tr key={row.name} data-testid="import-layer-row" data-name={row.name} aria-current={i === active ? 'true' : undefined}>
                  <td>
                    <input type="checkbox" data-testid="import-layer-include" aria-label={`${t('io.ui.layers.include')} ${row.name}`} checked={row.include} disabled={!preview} onChange={(e) => include(i, e.target.checked)} />
                  </td>
                  <td>
                    {row.name}{' '}
                    {i === active ? (
                      <span className="hint">{t('io.ui.layers.shown')}</span>
                    ) : (
                      <button type="button" data-testid="import-layer-show" onClick={() => show(i)}>
                        {t('io.ui.layers.show')}
                      </button>
                    )}
                    {/* The reason under the name: a damaged layer's sentence needs the width. */}
                    <div data-testid="import-layer-status" style={WRAPPED}>
                      <Status row={row} say={say} />
                    </div>
                  </td>
                  <td>{geometryOf(row, t)}</td>
                  <td>{preview ? preview.layer.count : '—'}</td>
                  <td title={preview ? t(`io.ui.crsHow.${preview.layer.crsHow}`) : undefined} style={{ ...WRAPPED, maxWidth: '14em' }}>{preview ? preview.layer.crs : '—'}</td>
                  <td>
                    {preview ? (
                      <select value={row.target ?? ''} data-testid="import-layer-target" aria-label={`${t('io.ui.target')} ${row.name}`} onChange={(e) => setTarget(i, e.target.value as ImportTarget)}>
                        {row.target === null ? <option value="">{t('io.ui.targetChoose', { count: preview.areaCount })}</option> : null}
                        {IMPORT_TARGETS.filter((id) => id !== 'base' || preview.survey).map((id) => (
                          <option key={id} value={id}>
                            {t(`io.ui.target.${id}`)}
                          </option>
                        ))}
                      </select>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {clashes.map((target) => (
        <p key={target} className="field-error" role="alert" data-testid="import-layers-clash">
          {say({ key: 'io.ui.layersSameTarget', params: { files: layers.filter((l) => l.include && l.target === target).map((l) => l.name).join(', '), target: `io.ui.target.${target}` } })}
        </p>
      ))}
      {refusal ? (
        <p className="field-error" role="alert" data-testid="import-layers-refused">
          {t('io.ui.layers.refused', { reason: say(refusal) })}
        </p>
      ) : null}
      {ignored.length ? <p className="hint">{t('io.ui.layers.ignored', { files: listSome(ignored) })}</p> : null}
    </div>
  );
}
