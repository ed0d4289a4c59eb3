/**
 * The planner's own 管控边界 type of classes (the ⚠ defaults of control-boundary.ts, which a county may type
 * otherwise), one of the plan's defaults tables (`setPlanDefaults`). GKBJ itself is not touched: the types
 * apply the next time it is derived (`deriveControlBoundaries`), as the planner is told beside the table.
 */
import type { Result } from '../../domain/message.ts';
import type { GkbjTypeCode } from '../../profiles/zhejiang-2026/code-lists.ts';
import type { VillageDatabase } from '../../profiles/zhejiang-2026/village-database.ts';
import type { DatabaseEdit } from './database-edit.ts';
import { setPlanDefaults } from './set-plan-defaults.command.ts';

/** The 管控边界 type by 2023 class code; null = back to the default. */
export type ControlTypeChanges = Readonly<Record<string, GkbjTypeCode | null>>;

export const setControlTypes = (db: VillageDatabase, changes: ControlTypeChanges): Result<DatabaseEdit> => setPlanDefaults(db, 'controlTypes', changes);
