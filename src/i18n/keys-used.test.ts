/**
 * Every literal i18n key the code uses exists (a typo would show the raw key to a planner). Keys built
 * with template literals (`layer.${id}`) are covered by the catalog tests in i18n.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeLabels } from './code-labels.ts';
import { strings } from './texts.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const KEY_USES = [
  /\bt\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g,
  /\b(?:key|labelKey|label)\s*:\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g,
  /\brefuse\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g,
];

describe('i18n keys used in the code', () => {
  it('all exist', () => {
    const known = { ...strings('zh'), ...codeLabels('zh-CN') };
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of KEY_USES) {
        for (const match of text.matchAll(pattern)) {
          const key = match[1] as string;
          if (!(key in known)) missing.push(`${file}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
