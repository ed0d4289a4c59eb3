/** Every storage migration in order (an explicit list, no registration by import). */
import { initialMigration } from './0001-initial.migration.ts';
import type { Migration } from './migration.ts';

export const MIGRATIONS: readonly Migration[] = [initialMigration];
