// Lint: TypeScript rules plus the architectural fences of docs/architecture.md ("Layers of the code"):
// - domain, geo, rules and commands import nothing from React, the DOM-bound map library or IndexedDB, so
//   the same code runs in the browser, the worker, Node and tests;
// - every folder of src/ sits on a floor and imports only from floors below it (`floors/floors`), and no
//   chain of imports (type-only ones included) runs in a circle (`floors/no-cycle`).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PURE_DIRS = ['src/domain/**', 'src/profiles/**', 'src/geo/**', 'src/rules/**', 'src/commands/**'];
const SRC = join(dirname(fileURLToPath(import.meta.url)), 'src');

/**
 * The floors, bottom first: a unit imports only from units on lower floors, never from one on its own
 * floor or above. A unit is a folder of src/ (or main.tsx). worker/ holds only the worker entry points
 * (`*.worker.ts`: they run in a Web Worker and see only the core and io); their clients are the session's
 * (app/). Keep docs/architecture.md in step.
 */
const FLOORS = [
  ['domain'],
  ['profiles'],
  ['geo'],
  ['rules'],
  ['commands'],
  ['i18n'],
  ['print'],
  ['io'],
  ['worker'],
  ['store'],
  ['persist'],
  ['map'],
  ['viewer', 'cli'],
  ['app'],
  ['ui'],
  ['main.tsx'],
];

/** Parts of lower floors a unit still must not use (the notice viewer carries no editor code). */
const ALSO_FORBIDDEN = { viewer: ['commands', 'store', 'persist', 'worker', 'map/draw'] };

/**
 * Imports that point up on purpose: the 2017 plan model in domain/ is the 2017 profile's plan model, so it
 * reads that profile's data (its classification, code lists, defaults) until one plan model serves both
 * profiles (docs/architecture.md, Profiles). `floors/no-cycle` still keeps the two apart at file level.
 */
const ALSO_ALLOWED = { domain: ['profiles/zhejiang-2017'] };

const floorOf = new Map(FLOORS.flatMap((units, floor) => units.map((unit) => [unit, floor])));

/** The unit of a file under src/, or null outside src/. */
function unitOf(file) {
  const path = relative(SRC, file).split(sep).join('/');
  if (path.startsWith('../') || path.startsWith('/')) return null;
  return path.split('/')[0];
}

/** The file a relative import names (`./a.ts`, `../b.json?url`), or null when it is a package. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier.split('?')[0]);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

const isTest = (file) => /\.test\.tsx?$/.test(file);

const floorsRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Imports in src/ point down the floors of docs/architecture.md.' } },
  create(context) {
    const file = context.filename;
    const from = unitOf(file);
    if (from === null || isTest(file)) return {};
    if (from === 'worker' && !/\.worker\.ts$/.test(file)) {
      return { Program: (node) => context.report({ node, loc: { line: 1, column: 0 }, message: 'worker/ holds only worker entry points (*.worker.ts): put the rest where its floor is (a client in app/, shared code in io/ or rules/).' }) };
    }
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolveImport(file, node.source.value);
      const to = target && unitOf(target);
      if (!to || to === from) return;
      const [a, b] = [floorOf.get(from), floorOf.get(to)];
      const name = (unit) => (unit.includes('.') ? unit : `${unit}/`);
      const inside = relative(SRC, target).split(sep).join('/');
      const within = (parts) => (parts ?? []).find((part) => inside === part || inside.startsWith(`${part}/`));
      if (a === undefined || b === undefined) {
        const unknown = a === undefined ? from : to;
        context.report({ node, message: `src/${name(unknown)} is on no floor: add it to FLOORS in eslint.config.js and to docs/architecture.md.` });
      } else if (b >= a && !within(ALSO_ALLOWED[from])) {
        context.report({ node, message: `Arrows point down: ${name(from)} (floor ${a}) must not import ${name(to)} (floor ${b}). Move the shared code down (docs/architecture.md, layers of the code).` });
      } else {
        const banned = within(ALSO_FORBIDDEN[from]);
        if (banned) context.report({ node, message: `${name(from)} must not import ${banned}/ (docs/architecture.md, layers of the code).` });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

// ---- cycles: every import of src/, type-only ones too: a type that two files each take from the other ties
// them as tightly as a value (neither can be read, moved or tested alone), so it lives in a file both import ----
const IMPORT = /^\s*(import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The source files a file imports. */
function importsOf(file, text) {
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = resolveImport(file, m[2] ?? m[3]);
    if (target && /\.tsx?$/.test(target)) out.push(target);
  }
  return out;
}

let cycles = null;

/** Each file of src/ that lies on a cycle of imports, with the cycle's members (Tarjan's SCC), once per lint run. */
function cyclesOfSrc() {
  if (cycles) return cycles;
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) files.push(path);
    }
  };
  walk(SRC);
  const edges = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8')).filter((t) => existsSync(t))]));
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  cycles = new Map();
  const connect = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const members = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      members.push(w);
    } while (w !== v);
    const selfLoop = (edges.get(v) ?? []).includes(v);
    if (members.length > 1 || selfLoop) for (const m of members) cycles.set(m, members);
  };
  for (const f of files) if (!index.has(f)) connect(f);
  return cycles;
}

const noCycleRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'No circle of imports in src/, type-only ones included.' } },
  create(context) {
    const file = context.filename;
    if (unitOf(file) === null) return {};
    return {
      Program(node) {
        const members = cyclesOfSrc().get(file);
        if (!members) return;
        const names = members.map((m) => relative(SRC, m).split(sep).join('/')).sort();
        context.report({ node, loc: { line: 1, column: 0 }, message: `Import cycle: ${names.join(' → ')}. Move what they share into a file both import.` });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { floors: { rules: { floors: floorsRule, 'no-cycle': noCycleRule } } },
    rules: { 'floors/floors': 'error', 'floors/no-cycle': 'error' },
  },
  {
    files: PURE_DIRS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'Pure code must not import React.' },
            { group: ['maplibre-gl', 'maplibre-gl/*', 'terra-draw', 'terra-draw-*', 'pmtiles'], message: 'Pure code must not import the map.' },
            { group: ['idb', 'zustand', 'zustand/*'], message: 'Pure code must not import storage or stores.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB'],
    },
  },
);
