/**
 * Test plans for the linkage rules: a 4 × 3 village whose row j = 0 is homesteads (2121), the rest paddy;
 * demolition on row 0 and new build on row 2, whole cells (row 2 lies further north, so its cells are a few
 * m² smaller than row 0's: one new cell fits in one demolished cell). Not used by the app.
 */
import type { Plan } from '../domain/plan.ts';
import { feature, village, withFeatures } from './test-support.ts';

export function linkageVillage(options: { demolish?: number; build?: number; illegal?: boolean; keptM2?: number | null; restoreTo?: string } = {}): Plan {
  const { demolish = 1, build = 0, illegal = false, keptM2 = 0, restoreTo = '111' } = options;
  const { plan, g } = village({
    classOf: (_, j) => (j === 0 ? '2121' : '111'),
    baseProps: (_, j) => (j === 0 && illegal ? { landNote: '20' } : {}),
    zones: [{ code: '020', block: [0, 0, 4, 3] }],
    meta: { reserveQuotaKeptM2: keptM2 },
  });
  const changes = [];
  for (let i = 0; i < demolish; i++) changes.push(feature('demolition', `d${i}`, g.block(i, 0, i + 1, 1), { parcelNo: `CJ${i}`, restorationUse: restoreTo }));
  for (let i = 0; i < build; i++) changes.push(feature('newBuild', `n${i}`, g.block(i, 2, i + 1, 3), { parcelNo: `JX${i}`, households: 80 }));
  return withFeatures(plan, ...changes);
}
