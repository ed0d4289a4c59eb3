/**
 * `geometry-valid` (domain-2026.md §5 "as domain.md", cct:chk CheckGeometryErr): every polygon of every
 * layer is valid (closed rings, ≥ 4 positions, no self-intersection, holes inside their shell, finite
 * coordinates: geo/validity.ts, exact). An invalid feature is named with its first problem, located at it,
 * and left out of every overlay (`no-gap`, `no-overlap`), so the other checks still run on the rest.
 */
import type { Point } from 'geojson';
import type { VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';
import { areaFeatures, validityErrors } from './database-coverage.ts';
import { databaseIssue, layerKey, type DatabaseIssue, type DatabaseRule } from './database-rule.ts';

export const geometryValidRule: DatabaseRule = {
  id: 'geometry-valid',
  severity: 'error',
  source: 'cct:chk CheckGeometryErr',
  summary: 'Every polygon of every layer is valid: closed rings of at least 4 positions, no self-intersection, holes inside their shell, finite coordinates; the finding is placed at the first problem.',
  check(db) {
    const issues: DatabaseIssue[] = [];
    for (const [name, layer] of Object.entries(db.layers) as [VillageLayerName, NonNullable<(typeof db.layers)[VillageLayerName]>][]) {
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
