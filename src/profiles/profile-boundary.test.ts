/**
 * Nothing profile-specific lives outside the profile data (issue 15; docs/architecture.md, "Profiles"): a
 * class code or class name written in code outside `src/profiles/` ties that code to one plan type, so no
 * file there may hold one (new profile-specific code or wording belongs in a profile).
 *
 * What counts: a string literal (quoted, or a template without placeholders; import paths aside) in the
 * app's code (not tests, nor the `*support.ts` / `*fixtures.ts` helpers only tests import) that equals
 *  - a code of 3 characters or more of a profile's classification: 用地用海 2023, 三调, the 2017 规划地类 and
 *    the GKBJ types. Two-character codes (`01`, `10`, `12`, `31`) are also ordinary strings (SVG path
 *    numbers, a land note's value): a scan finds them in unrelated code, and every file that uses a
 *    two-character 2017 code uses its longer codes too, so leaving them out loses no file;
 *  - a Chinese class name of those classifications (or an accepted alias), except 其他 (GKBJ 0900), which
 *    is an ordinary word.
 * Equality, not containment: a message or a summary that mentions 宅基地 is wording, not data. The lists
 * come from the profiles' data, never retyped here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LAND_CLASSES } from './zhejiang-2017/land-classes.ts';
import { SANDIAO } from './sandiao/classes.ts';
import { YDYH_2023 } from './ydyh/classes-2023.ts';
import { GKBJ_TYPES } from './zhejiang-2026/code-lists.ts';

const TEST_CODE = /(\.test|support|fixtures)\.tsx?$/;
const ORDINARY_WORDS: ReadonlySet<string> = new Set(['其他']);
const MIN_CODE_LENGTH = 3;

function profileLiteralSet(): ReadonlySet<string> {
  const classes = [...YDYH_2023.classes, ...SANDIAO.classes, ...LAND_CLASSES, ...GKBJ_TYPES];
  const codes = classes.flatMap((c) => (c.code !== null && c.code.length >= MIN_CODE_LENGTH ? [c.code] : []));
  const names = classes.flatMap((c) => [c.zh, ...('aliases' in c ? (c.aliases ?? []) : [])]);
  return new Set([...codes, ...names.filter((name) => !ORDINARY_WORDS.has(name))]);
}

const PROFILE_LITERALS = profileLiteralSet();

/** Each profile-specific literal of one file's text, as `line:literal`. */
export function profileLiteralsIn(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const hits: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && PROFILE_LITERALS.has(node.text)) {
      hits.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}:${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

/** Every hit outside the profiles, by file relative to src/, as `file:line:literal`. */
function hitsOutsideProfiles(): ReadonlyMap<string, readonly string[]> {
  const hits = new Map<string, readonly string[]>();
  for (const file of readdirSync('src', { recursive: true, encoding: 'utf8' })) {
    const path = file.split('\\').join('/');
    if (!/\.tsx?$/.test(path) || TEST_CODE.test(path) || path.startsWith('profiles/')) continue;
    const found = profileLiteralsIn(path, readFileSync(join('src', path), 'utf8'));
    if (found.length) hits.set(path, found.map((hit) => `${path}:${hit}`));
  }
  return hits;
}

describe('profile-specific literals', () => {
  it('are codes of 3+ characters and class names, in code, not in comments or imports', () => {
    const text = [
      "import { a } from './2121';",
      "const homestead = '2121'; // '2122'",
      "const icon = ['12', 'M0 0'];",
      "const name = { zh: '宅基地', other: '其他', said: '宅基地超出' };",
      'const ridge = `1203`;',
    ].join('\n');
    expect(profileLiteralsIn('example.ts', text)).toEqual(['2:2121', '4:宅基地', '5:1203']);
  });
});

describe('profile data stays in src/profiles', () => {
  it('no app file outside it holds a class code or name', () => {
    expect([...hitsOutsideProfiles().values()].flat()).toEqual([]);
  });
});
