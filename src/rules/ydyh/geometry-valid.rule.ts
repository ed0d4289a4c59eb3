/**
 * `geometry-valid` (domain-2026.md §5 "as domain.md", cct:chk CheckGeometryErr): every polygon of every
 * layer is valid (closed rings, ≥ 4 positions, no self-intersection, holes inside their shell, finite
 * coordinates: geo/validity.ts, exact). An invalid feature is named with its first problem, located at it;
 * the overlays (`no-gap`, `no-overlap`, `inside-village`) count it as repaired, so the other checks still
 * run. A record of a polygon layer without a shape is named too: it counts in no area, and the gap its
 * parcel leaves would otherwise name only the neighbours.
 */
import type { Point } from 'geojson';
import { DATABASE_LAYERS } from '../../profiles/zhejiang-2026/layers.ts';
import { REFERENCE_LAYER_NAMES, type VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { areaFeatures, validityErrors } from './database-coverage.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';

/** The layers of areas: the database's polygon layers and the reference layers (PBF, red line, urban boundary). */
const POLYGON_LAYERS: ReadonlySet<VillageLayerName> = new Set([...DATABASE_LAYERS.filter((l) => l.geometry === 'MultiPolygon').map((l) => l.name), ...REFERENCE_LAYER_NAMES]);

export const geometryValidRule: DatabaseRule = {
  id: 'geometry-valid',
  severity: 'error',
  source: 'cct:chk CheckGeometryErr',
  summary: 'Every polygon of every layer is valid: closed rings of at least 4 positions, no self-intersection, holes inside their shell, finite coordinates; the finding is placed at the first problem. A record of a polygon layer without a shape is an error too.',
  check(db) {
    const issues: DatabaseIssue[] = [];
    for (const [name, layer] of Object.entries(db.layers) as [VillageLayerName, NonNullable<(typeof db.layers)[VillageLayerName]>][]) {
      if (POLYGON_LAYERS.has(name)) {
        for (const feature of layer.features) {
          if (feature.geometry === null) issues.push(databaseIssue('geometry-valid', 'error', { layer: name, features: [feature.ref], key: 'noShape', params: { layerKey: layerKey(name), ref: feature.ref } }));
        }
      }
      for (const { feature, geometry } of areaFeatures(layer.features)) {
        const [first, ...rest] = validityErrors(geometry);
        if (!first) continue;
        const at: Point | null = first.at && first.at.every(Number.isFinite) ? { type: 'Point', coordinates: [first.at[0] as number, first.at[1] as number] } : null;
        issues.push(
          databaseIssue('geometry-valid', 'error', {
            layer: name,
            features: [feature.ref],
            key: 'message',
            params: { layerKey: layerKey(name), ref: feature.ref, problemKey: `geometry.invalid.${first.kind}`, count: rest.length + 1 },
            geometry: at,
          }),
        );
      }
    }
    return issues;
  },
};
