/** What a set-aside record was, in the planner's words: "要素：建新地块 编号 JX003", "撤销步骤". */
import { LAYER_IDS } from '../../profiles/zhejiang-2017/layers.ts';
import type { Message } from '../../domain/message.ts';
import type { SetAsideRecord } from '../../persist/quarantine.ts';

export function describeSetAside(record: SetAsideRecord): Message {
  if (record.store !== 'features') return { key: `quarantine.kind.${record.store}` };
  const value = isObject(record.value) && isObject(record.value.feature) ? record.value.feature : record.value;
  const feature = isObject(value) ? value : {};
  const fromKey = Array.isArray(record.key) ? (record.key as unknown[])[1] : undefined;
  const layer = [fromKey, feature.layer].find((l): l is string => typeof l === 'string' && (LAYER_IDS as readonly string[]).includes(l));
  const properties = isObject(feature.properties) ? feature.properties : {};
  const number = typeof properties.parcelNo === 'string' && properties.parcelNo ? properties.parcelNo.slice(0, 30) : null;
  const layerName = layer ? `layer.${layer}` : 'quarantine.layerUnknown';
  return number ? { key: 'quarantine.kind.featureNumbered', params: { layer: layerName, number } } : { key: 'quarantine.kind.features', params: { layer: layerName } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
