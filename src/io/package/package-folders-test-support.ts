/** Package files written out as folders on disk, for the tests that read a package as the CLI does. Not used by the app. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import type { InputFile } from '../files.ts';

/** A writer of package folders under one temporary folder, removed after the test file: each call writes the files into a new folder and returns it. */
export function packageFolders(prefix: string): (files: readonly InputFile[]) => string {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let folders = 0;
  return (files) => {
    const dir = join(scratch, `package-${folders++}`);
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.name)), { recursive: true });
      writeFileSync(join(dir, file.name), file.bytes);
    }
    return dir;
  };
}
