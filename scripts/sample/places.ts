/**
 * Place-name points: each villagers' group at the homestead nearest its centre, and the village's
 * landmarks (村委会, 文化礼堂, the school, the bridges) at the middle of their plots.
 */
import type { FeatureOf } from '../../src/domain/features.ts';
import { asFeatureId } from '../../src/domain/ids.ts';
import type { GeometryBuilder } from './geometry.ts';
import type { CellRect } from './grid.ts';
import type { Ownership } from './groups.ts';
import type { LandmarkKind } from './hamlets.ts';
import type { VillageLayout } from './layout.ts';
import { chineseNumber, groupName, type VillageNames } from './names.ts';
import type { Rng } from './prng.ts';
import { warpPoint } from './warp.ts';

export function buildPlaces(
  rng: Rng,
  layout: VillageLayout,
  builder: GeometryBuilder,
  ownership: Ownership,
  names: VillageNames,
): FeatureOf<'places'>[] {
  const { grid, warp } = layout;
  const { centres } = ownership;
  const point = (x: number, y: number): FeatureOf<'places'>['geometry'] => ({
    type: 'Point',
    coordinates: builder.projectLocal(warpPoint(warp, x, y)),
  });
  const place = (name: string, kind: 'group' | 'place', x: number, y: number): FeatureOf<'places'> => ({
    id: asFeatureId(rng.uuid()),
    layer: 'places',
    geometry: point(x, y),
    properties: { name, kind },
  });

  const groups = ownership.groups.map((g) => {
    const nearest = g.lots.reduce((best, p) =>
      Math.hypot(centres[2 * p]! - g.centre[0], centres[2 * p + 1]! - g.centre[1]) <
      Math.hypot(centres[2 * best]! - g.centre[0], centres[2 * best + 1]! - g.centre[1]) ? p : best,
    );
    return place(groupName(g.number), 'group', centres[2 * nearest]!, centres[2 * nearest + 1]!);
  });

  const rectCentre = (r: CellRect): [number, number] => [
    (grid.columns.edges[r.i0]! + grid.columns.edges[r.i1]!) / 2,
    (grid.rows.edges[r.j0]! + grid.rows.edges[r.j1]!) / 2,
  ];
  const seen = new Map<LandmarkKind, number>();
  const landmarks = layout.landmarks.map((m) => {
    const k = seen.get(m.kind) ?? 0;
    seen.set(m.kind, k + 1);
    const [x, y] = rectCentre(m.rect);
    return place(landmarkName(m.kind, k, names), 'place', x, y);
  });
  return [...groups, ...landmarks];
}

function landmarkName(kind: LandmarkKind, k: number, names: VillageNames): string {
  const nth = k === 0 ? '' : chineseNumber(k + 1);
  switch (kind) {
    case 'committee':
      return '村委会';
    case 'culturalHall':
      return k === 0 ? '文化礼堂' : `文化礼堂（${chineseNumber(k + 1)}）`;
    case 'school':
      return k === 0 ? names.school : `${names.school.replace(/小学$/, '')}${nth}小`;
    case 'bridge':
      return `${names.bridge.replace(/桥$/, '')}${nth}桥`;
  }
}
