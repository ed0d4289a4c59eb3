/**
 * The DXF part of the import dialog: the drawing's CRS and encoding, and one row per CAD layer with what
 * it holds and, as pick-lists, the plan layer it goes to and its class (or zone code, or farmland type):
 * one value for the whole CAD layer, or each polygon's own code from the labels inside it. Layers mapped
 * to a target that needs a value must have one before 导入到规划 is enabled. Plain rendering: the
 * import itself is io/dxf/dxf-import-command.ts.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceFor, undecidedLayers, type DxfChoices } from '../../io/dxf/dxf-import-command.ts';
import type { DxfLayerRow } from '../../io/dxf/dxf-preview.ts';
import type { DxfSummary } from '../../io/into-plan/import-session.ts';
import { DXF_TARGETS, FROM_LABELS, needsValue, targetValues, type DxfLayerChoice, type DxfTarget } from '../../io/dxf/dxf-targets.ts';
import { formatNumber } from '../format.ts';
import type { ReadCrs } from '../../io/crs/source-crs.ts';
import { CrsChoice } from './CrsChoice.tsx';
import { EncodingSwitch } from './EncodingSwitch.tsx';

const CHOOSE = '';

function valueLabelKey(target: DxfTarget, value: string): string {
  if (target === 'base') return `landClass.${value}`;
  if (target === 'townshipZones') return `code.controlZone.${value}`;
  return `code.pbfType.${value}`;
}

interface DxfViewProps {
  readonly preview: DxfSummary;
  readonly choices: DxfChoices;
  readonly choose: (layer: string, choice: DxfLayerChoice) => void;
  readonly encoding: string | undefined;
  readonly reread: (encoding: string) => void;
  /** The planner's CRS for the drawing (a DXF never says its own), and the switch to another. */
  readonly crs: ReadCrs | undefined;
  readonly setCrs: (crs: ReadCrs | null) => void;
  readonly children?: ReactNode;
}

/** The whole DXF preview: file, CRS and its switch, the encoding switch when the text is not plain ASCII, the layer table, then `children` (the notes). */
export function DxfView({ preview, choices, choose, encoding, reread, crs, setCrs, children }: DxfViewProps) {
  const { t } = useTranslation();
  const sample = preview.encoding?.preview;
  const current = (encoding ?? preview.encoding?.encoding ?? '').toLowerCase();
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        {t('io.ui.dxf.info', { file: preview.file, count: preview.count, crs: preview.crs })} {t(`io.ui.crsHow.${preview.crsHow}`)}
      </p>
      <CrsChoice chosen={crs} choose={setCrs} />
      {preview.others.length ? <p className="hint">{t('io.ui.otherLayers', { list: preview.others.join(', ') })}</p> : null}
      {sample ? <EncodingSwitch sample={sample} current={current} name="dxf-encoding" rows={3} choose={reread} /> : null}
      <DxfMapping preview={preview} choices={choices} choose={choose} />
      {children}
    </div>
  );
}

export function DxfMapping({ preview, choices, choose }: { preview: DxfSummary; choices: DxfChoices; choose: (layer: string, choice: DxfLayerChoice) => void }) {
  const { t } = useTranslation();
  const open = undecidedLayers(preview, choices);
  return (
    <details open data-testid="dxf-mapping">
      <summary>{t('io.ui.dxf.mapping')}</summary>
      {open.length ? (
        <p className="field-error" data-testid="dxf-undecided">
          {t('io.ui.dxf.undecided', { count: open.length })}
        </p>
      ) : null}
      <table className="mapping-table">
        <thead>
          <tr>
            <th>{t('io.ui.dxf.layer')}</th>
            <th>{t('io.ui.dxf.polygons')}</th>
            <th>{t('io.ui.dxf.lines')}</th>
            <th>{t('io.ui.dxf.texts')}</th>
            <th>{t('io.ui.dxf.codes')}</th>
            <th>{t('io.ui.mapping.area')}</th>
            <th>{t('io.ui.target')}</th>
            <th>{t('io.ui.dxf.value')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.layers.map((row) => (
            <LayerRow key={row.name} row={row} choice={choiceFor(preview, choices, row.name)} choose={(c) => choose(row.name, c)} />
          ))}
        </tbody>
      </table>
    </details>
  );
}

function LayerRow({ row, choice, choose }: { row: DxfLayerRow; choice: DxfLayerChoice; choose: (choice: DxfLayerChoice) => void }) {
  const { t } = useTranslation();
  const labelled = choice.target === 'townshipZones' ? row.withZone : row.withClass;
  const missing = row.polygons > 0 && choice.target !== 'skip' && needsValue(choice.target) && choice.value === null;
  return (
    <tr data-layer={row.name}>
      <td>{row.name}</td>
      <td>
        {row.polygons}
        {row.fromLines ? <span className="hint"> {t('io.ui.dxf.fromLines', { count: row.fromLines })}</span> : null}
      </td>
      <td>{row.openLines || ''}</td>
      <td>{row.texts || ''}</td>
      <td>{row.codes.join(' ')}</td>
      <td>{row.polygons ? formatNumber(row.area, 2) : ''}</td>
      <td>
        <select
          value={choice.target}
          disabled={row.polygons === 0}
          aria-label={`${t('io.ui.target')} ${row.name}`}
          onChange={(e) => {
            const target = e.target.value as DxfTarget;
            // A new target keeps "from the labels" where the labels mean something there; otherwise asks again.
            const keep = choice.value === FROM_LABELS && needsValue(target) ? FROM_LABELS : target === 'pbf' ? 'G112' : null;
            choose({ target, value: keep });
          }}
        >
          {DXF_TARGETS.map((target) => (
            <option key={target} value={target}>
              {target === 'skip' ? t('io.ui.mapping.leaveOut') : t(`layer.${target}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        {choice.target !== 'skip' && needsValue(choice.target) ? (
          <select value={choice.value ?? CHOOSE} className={missing ? 'field-error' : undefined} aria-label={`${t('io.ui.dxf.value')} ${row.name}`} onChange={(e) => choose({ target: choice.target, value: e.target.value || null })}>
            {choice.value === null ? <option value={CHOOSE}>{t('io.ui.mapping.choose')}</option> : null}
            <option value={FROM_LABELS}>{t('io.ui.dxf.fromLabels', { count: labelled, total: row.polygons })}</option>
            {targetValues(choice.target).map((value) => (
              <option key={value} value={value}>
                {value} {t(valueLabelKey(choice.target, value))}
              </option>
            ))}
          </select>
        ) : null}
      </td>
    </tr>
  );
}
