/**
 * The consent checkbox for aligning an imported partition's topology (io/into-plan/align-topology.ts),
 * shown only when something lies within the tolerance, with what aligning does in figures: vertices
 * aligned, T-junction vertices inserted, slivers closed, the largest move; the features left as they were
 * and the boundary it snaps to, when there are any.
 */
import { useTranslation } from 'react-i18next';
import { topologyParams, type TopologyPreview } from '../../io/into-plan/align-topology.ts';

export function AlignTopology({ topology, checked, onChange }: { topology: TopologyPreview; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useTranslation();
  const params = topologyParams(topology.report, topology.toleranceM);
  return (
    <div data-testid="import-align">
      <label className="choice">
        <input type="checkbox" data-testid="import-align-topology" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {t('io.ui.alignTopology', params)}
      </label>
      <p className="hint" data-testid="import-align-figures">
        {t('io.ui.alignTopologyFigures', params)}
        {topology.report.featuresKept > 0 ? ` ${t('io.ui.alignTopologyKept', params)}` : ''}
        {topology.withReference ? ` ${t('io.ui.alignTopologyReference')}` : ''}
      </p>
    </div>
  );
}
