/**
 * The classes a 2017 layer's feature starts with when nothing says otherwise [ours]: a feature the planner
 * draws (fields.ts, `defaultProperties`), and a package's piece whose class is not written or not
 * known (io/package/reconstruct.ts). 水田 is what a farmland change most often means; a new build is most
 * often homes. A basic-farmland area starts as 一般 (`ORDINARY_PBF_TYPE`, pbf-types.ts).
 */
import { HOMESTEAD_CLASS } from './class-roles.ts';
import type { LandClassCode } from './land-classes.ts';
import type { RestorationUse } from './restoration-uses.ts';

export const DEFAULT_CLASSES: {
  /** A base parcel's class. */
  readonly base: LandClassCode;
  /** What a demolished plot returns to. */
  readonly demolition: RestorationUse;
  /** What a new build is for. */
  readonly newBuild: LandClassCode;
  /** What a use change (新增耕地 among them) makes the land. */
  readonly useChange: LandClassCode;
} = {
  base: '111',
  demolition: '111',
  newBuild: HOMESTEAD_CLASS,
  useChange: '111',
};
