/** Parcel numbers for drawn layers: a prefix per layer and the next free number (拆旧 CJ001, 建新 JX001…). */
import type { LayerId } from '../profiles/zhejiang-2017/layers.ts';
import { layerFeatures, type Plan } from '../domain/plan.ts';

const PREFIX: Partial<Record<LayerId, string>> = { demolition: 'CJ', newBuild: 'JX', useChange: 'TZ' };

export function nextParcelNumbers(plan: Plan, layer: LayerId, count: number): string[] {
  const prefix = PREFIX[layer];
  if (!prefix) return Array.from({ length: count }, () => '');
  let max = 0;
  for (const feature of layerFeatures(plan, layer)) {
    const parcelNo = (feature.properties as { parcelNo?: unknown }).parcelNo;
    if (typeof parcelNo === 'string' && parcelNo.startsWith(prefix)) {
      const n = Number.parseInt(parcelNo.slice(prefix.length), 10);
      if (Number.isFinite(n)) max = Math.max(max, n);
    }
  }
  return Array.from({ length: count }, (_, i) => `${prefix}${String(max + i + 1).padStart(3, '0')}`);
}
