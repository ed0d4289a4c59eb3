// Lint: TypeScript rules plus the one architectural fence (architecture.md): domain, geo, rules and
// commands import nothing from React, the DOM-bound map library, IndexedDB or the app layers above them,
// so the same code runs in the browser, the worker, Node and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const PURE_DIRS = ['src/domain/**', 'src/geo/**', 'src/rules/**', 'src/commands/**'];

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
    files: PURE_DIRS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'Pure code must not import React.' },
            { group: ['maplibre-gl', 'maplibre-gl/*', 'terra-draw', 'terra-draw-*', 'pmtiles'], message: 'Pure code must not import the map.' },
            { group: ['idb', 'zustand', 'zustand/*'], message: 'Pure code must not import storage or stores.' },
            { group: ['**/ui/**', '**/map/**', '**/store/**', '**/persist/**', '**/worker/**'], message: 'Arrows point down: pure code must not import app layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB'],
    },
  },
);
