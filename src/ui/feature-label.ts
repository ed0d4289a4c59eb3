/** A feature as a planner names it: "建新地块 JX003", "建设用地管制区 允许建设区", "村域界线 沈家埭村". */
import type { TFunction } from 'i18next';
import type { FeatureTag } from '../commands/step-subject.ts';

export function featureLabel(t: TFunction, tag: FeatureTag): string {
  const layer = t(`layer.${tag.layer}`);
  const which = tag.number ?? tag.name ?? (tag.codeKey ? t(tag.codeKey) : null);
  return which ? `${layer} ${which}` : t('feature.noNumber', { layer });
}
