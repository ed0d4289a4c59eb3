/**
 * Attributes of the selection. One feature or many of one layer: every field of the layer, a change
 * applies to all selected (bulk edit) as one undoable step. Mixed layers: a summary only.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTranslation } from 'react-i18next';
import { setAttribute } from '../../commands/set-attributes.command.ts';
import type { AreaGeometry, PlanFeature } from '../../domain/features.ts';
import { LAYER_FIELDS, type FieldValue } from '../../profiles/zhejiang-2017/fields.ts';
import { LAYERS } from '../../profiles/zhejiang-2017/layers.ts';
import { findFeature } from '../../domain/plan.ts';
import { resolveProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';
import { ellipsoidalArea } from '../../geo/area.ts';
import { runCommand } from '../actions/action.ts';
import { actionById } from '../actions/index.ts';
import { ActionButton } from '../toolbar/ActionButton.tsx';
import { formatArea } from '../format.ts';
import { usePlanState, useSelection, useServices } from '../services.tsx';
import { FieldInput, MIXED, type ShownValue } from './FieldInput.tsx';
import { PlanSummary } from './PlanSummary.tsx';

export function AttributePanel() {
  const { t } = useTranslation();
  const services = useServices();
  const ids = useSelection((s) => s.ids);
  // Only the selected features: an edit elsewhere in the plan does not re-render the panel.
  const features = usePlanState(useShallow((s) => ids.map((id) => findFeature(s.plan, id)).filter((f): f is PlanFeature => !!f)));
  const meta = usePlanState((s) => s.plan.meta);
  const profile = useMemo(() => resolveProfile(meta.profileId, meta.profileOverrides), [meta]);
  const area = useMemo(
    () => features.reduce((sum, f) => sum + (f.geometry.type === 'Point' ? 0 : ellipsoidalArea(f.geometry as AreaGeometry)), 0),
    [features],
  );

  if (features.length === 0) return <PlanSummary />;
  const layers = [...new Set(features.map((f) => f.layer))];
  const [layer] = layers;
  const single = layers.length === 1 && layer !== undefined;

  const valueOf = (key: string): ShownValue => {
    const values = new Set(features.map((f) => (f.properties as unknown as Record<string, FieldValue>)[key] ?? null));
    return values.size === 1 ? ([...values][0] as FieldValue) : MIXED;
  };
  const commit = (key: string, value: FieldValue) => runCommand(services, setAttribute(services.editor.plan.context(), ids, key, value));

  return (
    <aside className="panel attribute-panel" aria-label={t('attributes.title')}>
      <h2>{t('attributes.title')}</h2>
      <p className="selection-summary">
        {single ? t(`layer.${layer}`) : layers.map((l) => t(`layer.${l}`)).join('、')} · {t('attributes.count', { count: features.length })}
      </p>
      {area > 0 ? <p className="area" data-testid="selection-area">{formatArea(t, area)}</p> : null}
      {single ? (
        <form className="fields" onSubmit={(e) => e.preventDefault()}>
          {LAYER_FIELDS[layer].map((spec) => (
            <FieldInput
              key={spec.key}
              spec={spec}
              value={valueOf(spec.key)}
              profile={profile}
              disabled={!LAYERS[layer].attributesEditable}
              onCommit={(value) => commit(spec.key, value)}
            />
          ))}
        </form>
      ) : (
        <p className="hint">{t('attributes.mixedLayers')}</p>
      )}
      {single && layer === 'base' && features.length === 1 ? <RecordedArea feature={features[0] as PlanFeature} computed={area} /> : null}
      {features.length === 1 ? <MultipartHint feature={features[0] as PlanFeature} /> : null}
    </aside>
  );
}

/**
 * terra-draw reshapes one polygon: a multi-part feature (common in an imported layer) shows no vertices to
 * drag. Says why, where the planner looks, with the way out.
 */
function MultipartHint({ feature }: { feature: PlanFeature }) {
  const { t } = useTranslation();
  if (feature.geometry.type !== 'MultiPolygon' || feature.geometry.coordinates.length < 2 || !LAYERS[feature.layer].geometryEditable) return null;
  return (
    <div className="multipart-hint">
      <p className="hint">{t('attributes.multipart', { count: feature.geometry.coordinates.length })}</p>
      <ActionButton action={actionById('explode')} />
    </div>
  );
}

function RecordedArea({ feature, computed }: { feature: PlanFeature; computed: number }) {
  const { t } = useTranslation();
  if (feature.layer !== 'base' || feature.properties.recordedArea === null) return null;
  return (
    <p className="hint">
      {t('attributes.recordedArea', { recorded: feature.properties.recordedArea.toFixed(2), computed: computed.toFixed(2) })}
    </p>
  );
}
