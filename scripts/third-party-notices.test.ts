/**
 * The committed THIRD-PARTY-NOTICES.txt is the generator's and still true: every package it lists is
 * installed at that version (a dependency update without regenerating fails here), the libraries the app
 * is known to carry are in it with their licence texts, and the generator's own pieces behave.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_LICENCE, THIRD_PARTY_NOTICES } from '../src/viewer/publish/third-party-notices.ts';
import { NOTICES_FILE, noticesText, packageRoot } from './third-party-notices.ts';

const text = readFileSync(NOTICES_FILE, 'utf8');
const listed = [...text.matchAll(/^ {2}(@?[^@\s]+)@(\S+) {2}/gm)].map((m) => ({ name: m[1] as string, version: m[2] as string }));

/** Every installed copy of a package (top level and nested one level down, as npm places them). */
function installedVersions(name: string): string[] {
  const dirs = [join('node_modules', name), ...readdirSync('node_modules').flatMap((d) => (d.startsWith('@') ? readdirSync(join('node_modules', d)).map((s) => join('node_modules', d, s, 'node_modules', name)) : [join('node_modules', d, 'node_modules', name)]))];
  return dirs.filter((d) => existsSync(join(d, 'package.json'))).map((d) => (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { version: string }).version);
}

describe('third-party notices', () => {
  it('lists only packages installed at the listed version (regenerate after a dependency update)', () => {
    expect(listed.length).toBeGreaterThan(40);
    const stale = listed.filter((p) => !installedVersions(p.name).includes(p.version)).map((p) => `${p.name}@${p.version}`);
    expect(stale).toEqual([]);
  });

  it('is the same text in the module the app imports, with the LICENSE', () => {
    expect(THIRD_PARTY_NOTICES).toBe(text);
    expect(OWN_LICENCE).toBe(readFileSync('LICENSE', 'utf8'));
  });

  it('carries MapLibre, the font, GEOS, React and the DXF libraries with their licence texts', () => {
    const names = listed.map((p) => p.name);
    for (const name of ['maplibre-gl', '@fontsource/noto-sans-sc', 'geos-wasm', 'react', 'dxf-parser', '@tarikjabiri/dxf', 'proj4']) expect(names).toContain(name);
    expect(text).toContain('SIL Open Font License');
    expect(text).toContain('GNU LESSER GENERAL PUBLIC LICENSE');
    expect(text).not.toMatch(/^ {2}(vite|vitest|typescript|eslint)@/m);
  });

  it('finds a package from a file inside it, scoped or not, and writes a standard text where a package ships none', () => {
    expect(packageRoot(['', 'a', 'node_modules', '@scope', 'name', 'lib', 'x.js'].join(sep))).toBe(['', 'a', 'node_modules', '@scope', 'name'].join(sep));
    expect(packageRoot(['', 'a', 'node_modules', 'b', 'node_modules', 'c', 'x.js'].join(sep))).toBe(['', 'a', 'node_modules', 'b', 'node_modules', 'c'].join(sep));
    expect(packageRoot(['', 'src', 'x.ts'].join(sep))).toBeNull();
    const out = noticesText([{ name: 'x', version: '1.0.0', licence: 'MIT', author: 'Ann', repository: '', dir: 'scripts', inside: null }]);
    expect(out).toContain('x@1.0.0 — MIT');
    expect(out).toContain('Copyright (c) Ann');
  });
});
