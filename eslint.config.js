// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer boundaries: dependencies point inward only (ui -> runtime/tracking -> core). A forbidden
 * import is a lint error, so the layering cannot erode silently (see src/boundaries.test.ts).
 */
const layer = (name) => [`**/${name}`, `**/${name}/**`, `@/${name}/**`];
const forbid = (message, groups, names = []) => [
  'error',
  {
    patterns: groups.length > 0 ? [{ group: groups, message }] : [],
    paths: names.map((name) => ({ name, message })),
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/report.md',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // noUncheckedIndexedAccess makes every array read optional; numeric code indexes arrays whose
      // bounds it has just checked, where `!` is the honest spelling.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'core is pure TypeScript: it must not import runtime, tracking, ui, or browser libraries.',
        [...layer('runtime'), ...layer('tracking'), ...layer('ui'), 'node:*'],
        ['react', 'react-dom', 'comlink', 'idb', 'recharts', 'fs', 'path'],
      ),
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core has no DOM.' },
        { name: 'document', message: 'core has no DOM.' },
        { name: 'Worker', message: 'core has no workers.' },
        { name: 'indexedDB', message: 'core has no storage.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'core draws from an injected seeded Rng.' },
      ],
    },
  },
  {
    files: ['src/runtime/**/*.ts'],
    ignores: ['src/runtime/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'runtime may import core only (not tracking or ui); idb belongs to tracking.',
        [...layer('tracking'), ...layer('ui')],
        ['react', 'react-dom', 'idb', 'recharts'],
      ),
    },
  },
  {
    files: ['src/tracking/**/*.ts'],
    ignores: ['src/tracking/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbid(
        'tracking may import core only (not runtime or ui); comlink belongs to runtime.',
        [...layer('runtime'), ...layer('ui')],
        ['react', 'react-dom', 'comlink', 'recharts'],
      ),
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    ignores: ['src/ui/**/*.test.ts', 'src/ui/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': forbid(
        'ui reaches workers and storage through runtime and tracking, never directly.',
        [],
        ['comlink', 'idb'],
      ),
    },
  },
);
