/** Fixture loading and message text for the io unit tests. Not used by the app. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createI18n } from '../i18n/index.ts';
import type { InputFile } from './files.ts';
import type { Message } from './result.ts';

export const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/', import.meta.url));
export const THIRD_PARTY = join(FIXTURES, 'third-party');

/** Files of a fixture folder as import input, named as a planner would drop them (no folders). */
export function fixtureFiles(folder: string, ...names: string[]): InputFile[] {
  return names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, folder, name))) }));
}

/** Every file of a fixture folder whose name starts with `stem.` (a Shapefile's parts). */
export function shapefileFixture(folder: string, stem: string): InputFile[] {
  const names = readdirSync(join(FIXTURES, folder)).filter((n) => n.startsWith(`${stem}.`));
  return fixtureFiles(folder, ...names);
}

const en = createI18n('en');
const zh = createI18n('zh-CN');

/** The message as the planner reads it, in English (tests assert on what it says). */
export function english(message: Message): string {
  return en.t(message.key, message.params as Record<string, unknown>);
}

export function chinese(message: Message): string {
  return zh.t(message.key, message.params as Record<string, unknown>);
}
