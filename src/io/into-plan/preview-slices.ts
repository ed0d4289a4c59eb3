/**
 * A read's preview split into a small summary and its long lists (the features), and joined back: the io
 * worker sends the summary, then the lists in slices (io-client.ts), so the page never unpacks 20,000
 * features in one task. The lists keep their order (a package's plan keeps insertion order: BSM).
 */
import type { LayerId } from '../../domain/layers.ts';
import type { PlanFeature } from '../../domain/features.ts';
import type { FilesPreview, ImportedArea } from './import-preview.ts';
import type { FeatureOf } from '../../domain/features.ts';

export type Lists = Record<string, readonly unknown[]>;

export function splitPreview(preview: FilesPreview): { summary: FilesPreview; lists: Lists } {
  if (preview.kind === 'package') {
    const { plan } = preview.package;
    const lists: Lists = {};
    const layers = { ...plan.layers } as Record<LayerId, Record<string, PlanFeature>>;
    for (const layer of Object.keys(layers) as LayerId[]) {
      lists[`plan:${layer}`] = Object.values(layers[layer]);
      layers[layer] = {};
    }
    return { summary: { kind: 'package', package: { ...preview.package, plan: { ...plan, layers: layers as typeof plan.layers } } }, lists };
  }
  const p = preview.preview;
  const lists: Lists = { areas: p.areas, ...(p.survey ? { parcels: p.survey.parcels } : {}) };
  return { summary: { kind: 'layer', preview: { ...p, areas: [], survey: p.survey ? { ...p.survey, parcels: [] } : null } }, lists };
}

export function joinPreview(summary: FilesPreview, lists: Lists): FilesPreview {
  if (summary.kind === 'package') {
    const { plan } = summary.package;
    const layers = { ...plan.layers } as Record<LayerId, Record<string, PlanFeature>>;
    for (const layer of Object.keys(layers) as LayerId[]) {
      const features = (lists[`plan:${layer}`] ?? []) as PlanFeature[];
      layers[layer] = Object.fromEntries(features.map((f) => [f.id, f]));
    }
    return { kind: 'package', package: { ...summary.package, plan: { ...plan, layers: layers as typeof plan.layers } } };
  }
  const p = summary.preview;
  return {
    kind: 'layer',
    preview: { ...p, areas: (lists.areas ?? []) as ImportedArea[], survey: p.survey ? { ...p.survey, parcels: (lists.parcels ?? []) as FeatureOf<'base'>[] } : null },
  };
}
