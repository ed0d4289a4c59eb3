/** Every i18n key the io code uses has Chinese and English text, and every parameter it names is filled. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ioUiText } from '../i18n/text/io-ui.text.ts';
import { ioText } from '../i18n/text/io.text.ts';

const IO_DIR = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'package' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'test-support.ts' ? [path] : [];
  });
}

/** The import dialog's components (src/ui/io) and service (src/app/import): `t('io.ui.…')` and keys in template literals' fixed parts. */
const UI_DIR = fileURLToPath(new URL('../ui/io/', import.meta.url));
const SERVICE_DIR = fileURLToPath(new URL('../app/import/', import.meta.url));
/** The import's toolbar action (导入…, Ctrl+O) is named there. */
const IMPORT_ACTION = fileURLToPath(new URL('../ui/actions/dialog.action.ts', import.meta.url));
const WORKER_CLIENT = fileURLToPath(new URL('../app/io-client.ts', import.meta.url));

describe('io texts', () => {
  const used = new Set(sources(IO_DIR).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/'(io\.[a-zA-Z]+\.[a-zA-Z0-9.]+)'/g)].map((m) => m[1] as string)));

  it('has every key the import dialog uses, and the dialog uses every key of io-ui.text.ts', () => {
    const ui = [...[UI_DIR, SERVICE_DIR].flatMap((dir) => readdirSync(dir).map((name) => join(dir, name))), WORKER_CLIENT, IMPORT_ACTION].map((path) => readFileSync(path, 'utf8')).join('\n');
    const literal = [...ui.matchAll(/'(io\.ui\.[a-zA-Z0-9.]+)'/g)].map((m) => m[1] as string);
    expect(literal.filter((key) => !(key in ioUiText))).toEqual([]);
    // Keys built from a value (`io.ui.crsHow.${how}`, `io.ui.where.${where}`) count as used by their prefix.
    const prefixes = [...ui.matchAll(/`(io\.ui\.[a-zA-Z0-9.]+\.)\$\{/g)].map((m) => m[1] as string);
    const commandKeys = [...used].filter((key) => key.startsWith('io.ui.'));
    const unused = Object.keys(ioUiText).filter((key) => !literal.includes(key) && !commandKeys.includes(key) && !prefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('has every key the code uses, in both languages', () => {
    // io/into-plan's messages are the import dialog's (io-ui.text.ts).
    expect([...used].filter((key) => !(key in ioText) && !(key in ioUiText))).toEqual([]);
    for (const [key, text] of Object.entries(ioText)) {
      expect(text.zh, key).toBeTruthy();
      expect(text.en, key).toBeTruthy();
    }
  });

  it('uses the same parameters in Chinese and English', () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries({ ...ioText, ...ioUiText })) expect(params(text.zh), key).toEqual(params(text.en));
  });

  it('defines no key the code does not use', () => {
    // Keys built from a value (`io.crs.gcj02Against.${against}`) count as used by their prefix.
    const prefixes = sources(IO_DIR).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/`(io\.[a-zA-Z0-9.]+\.)\$\{/g)].map((m) => m[1] as string));
    expect(Object.keys(ioText).filter((key) => !used.has(key) && !prefixes.some((p) => key.startsWith(p)))).toEqual([]);
  });
});
