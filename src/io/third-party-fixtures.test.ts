/**
 * Every third-party fixture (real bad and tricky inputs from public projects' test suites) either imports
 * or is refused with a clear message, and none crashes: each file set is imported as a planner would drop
 * it, once for Zhejiang (the default) and once with the region check off, and every message is checked to
 * be a known text with all its parameters filled and, for a refusal, to name the file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ioText } from '../i18n/text/io.text.ts';
import { extensionOf, fileName, stemOf, type InputFile } from './files.ts';
import { listZip } from './zip/zip-read.ts';
import { importFiles } from './formats/index.ts';
import type { Message } from './result.ts';
import { english, THIRD_PARTY } from './test-support.ts';

const SHARED = join(THIRD_PARTY, '../../../../shared/fixtures/third-party');
const SHAPEFILE_PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg', 'qpj'];

/**
 * File sets as a planner drops them: a Shapefile's parts together, every other file alone. The copies in
 * tests/fixtures come first; files of ../shared/fixtures/third-party that were not copied (turf's points,
 * lines and collections, which the geometry tests do not want in their folder) are walked where they are.
 */
function fileSets(): { name: string; files: InputFile[] }[] {
  const sets = new Map<string, InputFile[]>();
  for (const root of existsSync(SHARED) ? [THIRD_PARTY, SHARED] : [THIRD_PARTY]) {
    for (const folder of readdirSync(root).filter((f) => !f.includes('.'))) {
      const groups = new Map<string, string[]>();
      for (const file of readdirSync(join(root, folder))) {
        if (file === 'README.md') continue;
        const key = `${folder}/${SHAPEFILE_PARTS.includes(extensionOf(file)) ? stemOf(file) : file}`;
        groups.set(key, [...(groups.get(key) ?? []), file]);
      }
      for (const [key, names] of groups) {
        if (!sets.has(key)) sets.set(key, names.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(join(root, folder, n))) })));
      }
    }
  }
  return [...sets].map(([name, files]) => ({ name, files }));
}

function checkMessage(message: Message): void {
  const text = ioText[message.key];
  expect(text, message.key).toBeDefined();
  for (const template of [text!.zh, text!.en]) {
    for (const [, name] of template.matchAll(/\{\{(\w+)\}\}/g)) expect(message.params ?? {}, `${message.key}: ${name}`).toHaveProperty(name as string);
  }
}

describe('third-party fixtures', () => {
  const sets = fileSets();

  it.each(sets.map((s) => [s.name, s] as const))('%s imports or is refused clearly', (_name, set) => {
    for (const region of ['zhejiang', 'any'] as const) {
      const result = importFiles(set.files, { region });
      if (result.ok) {
        expect(result.value.length).toBeGreaterThan(0);
        result.notes.forEach(checkMessage);
      } else {
        checkMessage(result.error);
        // A refusal names the file, or for a zip the member at fault.
        const said = english(result.error);
        const members = set.files.flatMap((f) => (extensionOf(f.name) === 'zip' ? (listZip(f).ok ? (listZip(f) as { value: { path: string }[] }).value.map((e) => e.path) : []) : []));
        expect([...set.files.map((f) => f.name), ...members].some((name) => said.includes(fileName(stemOf(name)))), said).toBe(true);
      }
    }
  });
});
