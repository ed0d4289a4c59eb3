/**
 * The 用地用海 edition a 2026 database's codes are read in, as `check` and `tables` take it: `--edition` when
 * given; otherwise 2023 for layer files, or what a database file declares (its reader notes that instead).
 */
import type { Message } from '../domain/message.ts';
import { EDITION_OF_FILE } from '../io/village-database/read-village-database.ts';
import type { DeclaredEdition } from '../io/village-database/read-listed-database.ts';
import type { CliArgs } from './args.ts';

export function declaredEdition(args: CliArgs): DeclaredEdition | null {
  return args.edition === null ? null : args.edition === '2020' ? 'ydyh-2020' : 'ydyh-2023';
}

/** The first note: which edition the codes were read in, unless the database file's declaration was (the reader's note). */
export function editionNote(args: CliArgs, readNotes: readonly Message[]): Message[] {
  if (args.edition === null && readNotes.some((note) => note.key === EDITION_OF_FILE)) return [];
  return [{ key: args.edition === null ? 'cli.village.editionDefault' : args.edition === '2020' ? 'cli.village.edition2020' : 'cli.village.edition2023' }];
}
