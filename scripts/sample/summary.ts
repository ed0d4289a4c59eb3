/**
 * The figures of a generated plan, as the generator prints them and docs/sample-village.md quotes them:
 * features per layer, parcels and area per class, zone and change areas. Areas are ellipsoidal, summed
 * unrounded and rounded once (domain.md §7).
 */
import type { AreaFeature } from '../../src/domain/features.ts';
import { LAND_CLASSES, type LandClassCode } from '../../src/profiles/zhejiang-2017/land-classes.ts';
import { LAYER_IDS, type LayerId } from '../../src/profiles/zhejiang-2017/layers.ts';
import { layerFeatures, type Plan } from '../../src/domain/plan.ts';
import { m2ToHectares, m2ToMu } from '../../src/domain/units.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';

export interface PlanSummary {
  readonly bytes: number;
  readonly meta: Plan['meta'];
  readonly featuresPerLayer: Readonly<Record<LayerId, number>>;
  readonly areaPerLayer: Readonly<Partial<Record<LayerId, number>>>;
  readonly classes: readonly { readonly code: LandClassCode; readonly name: string; readonly parcels: number; readonly m2: number }[];
  readonly villageM2: number;
  readonly zones: readonly { readonly layer: LayerId; readonly code: string; readonly features: number; readonly m2: number }[];
}

export function summarisePlan(plan: Plan, bytes: number): PlanSummary {
  const featuresPerLayer = Object.fromEntries(LAYER_IDS.map((l) => [l, Object.keys(plan.layers[l]).length])) as Record<LayerId, number>;
  const areaPerLayer: Partial<Record<LayerId, number>> = {};
  for (const layer of LAYER_IDS) {
    const features = layerFeatures(plan, layer) as readonly { geometry: { type: string } }[];
    if (features.length === 0 || features[0]!.geometry.type === 'Point') continue;
    areaPerLayer[layer] = (features as readonly AreaFeature[]).reduce((s, f) => s + ellipsoidalArea(f.geometry), 0);
  }
  const classes = LAND_CLASSES.map((c) => {
    const parcels = layerFeatures(plan, 'base').filter((f) => f.properties.classCode === c.code);
    return { code: c.code, name: c.zh, parcels: parcels.length, m2: parcels.reduce((s, f) => s + ellipsoidalArea(f.geometry), 0) };
  }).filter((c) => c.parcels > 0);
  const zones: { layer: LayerId; code: string; features: number; m2: number }[] = [];
  for (const layer of ['controlZone', 'functionalZone', 'pbf'] as const) {
    const byCode = new Map<string, { features: number; m2: number }>();
    for (const f of layerFeatures(plan, layer)) {
      const props = f.properties as { zoneCode?: string; zoneType?: string; pbfType?: string };
      const code = props.zoneCode ?? props.zoneType ?? props.pbfType ?? '';
      const entry = byCode.get(code) ?? { features: 0, m2: 0 };
      byCode.set(code, { features: entry.features + 1, m2: entry.m2 + ellipsoidalArea(f.geometry) });
    }
    for (const [code, entry] of byCode) zones.push({ layer, code, ...entry });
  }
  return { bytes, meta: plan.meta, featuresPerLayer, areaPerLayer, classes, villageM2: areaPerLayer.boundary ?? 0, zones };
}

const fmt = (value: number, digits: number) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const areaCells = (m2: number) => `${fmt(m2, 2)} | ${fmt(m2ToHectares(m2), 2)} | ${fmt(m2ToMu(m2), 2)}`;

/** Markdown tables, so the output can be pasted into the docs as it is. */
export function formatSummary(s: PlanSummary): string {
  const m = s.meta;
  const lines = [
    `${m.county} ${m.township} ${m.villageName} (XZQDM ${m.villageCode}), ${m.households} households, ${m.population} people`,
    `village area ${fmt(s.villageM2, 2)} m² = ${fmt(m2ToHectares(s.villageM2), 2)} 公顷 = ${fmt(m2ToMu(s.villageM2), 2)} 亩`,
    `file size ${fmt(s.bytes, 0)} bytes (${fmt(s.bytes / 1_048_576, 2)} MiB)`,
    '',
    '| layer | features | area m² |',
    '|---|---:|---:|',
    ...LAYER_IDS.map((l) => `| ${l} | ${s.featuresPerLayer[l]} | ${s.areaPerLayer[l] === undefined ? '' : fmt(s.areaPerLayer[l], 2)} |`),
    '',
    '| class | name | parcels | m² | 公顷 | 亩 |',
    '|---|---|---:|---:|---:|---:|',
    ...s.classes.map((c) => `| ${c.code} | ${c.name} | ${c.parcels} | ${areaCells(c.m2)} |`),
    `| | total | ${s.classes.reduce((n, c) => n + c.parcels, 0)} | ${areaCells(s.classes.reduce((n, c) => n + c.m2, 0))} |`,
    '',
    '| layer | code | features | m² | 公顷 | 亩 |',
    '|---|---|---:|---:|---:|---:|',
    ...s.zones.map((z) => `| ${z.layer} | ${z.code} | ${z.features} | ${areaCells(z.m2)} |`),
    '',
    '| quota (乡级下达) | m² |',
    '|---|---:|',
    ...Object.entries(m.quotas).map(([k, v]) => `| ${k} | ${v === null ? '' : fmt(v, 0)} |`),
  ];
  return lines.join('\n');
}
