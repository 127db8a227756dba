// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The hexagon's direction: core knows no adapter or framework; transports know no database. */
const frameworks = ['knex', 'better-sqlite3', 'pg', 'express', 'graphql', 'graphql-*', '@graphql-*', 'inversify', 'zod', 'jose', 'pino', 'prom-client', 'fast-csv', 'node:*', 'fs', 'http'];
const adapters = ['@inventory/adapters-sql', '@inventory/http-rest', '@inventory/graphql', '@inventory/csv', '@inventory/server', '@inventory/auth', '@inventory/auth/*'];
/** What only the SQL adapter and the composition root may import. */
const databases = ['@inventory/adapters-sql', '@inventory/adapters-sql/*', '@inventory/server', 'knex', 'pg', 'better-sqlite3'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'bench/**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/testing/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...frameworks, ...adapters, 'vitest', 'fast-check'], message: 'core is pure: it imports no adapter, framework or I/O module' }] }],
    },
  },
  {
    files: ['packages/core/src/testing/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...frameworks, ...adapters], message: 'core testing helpers run against any adapter and import none' }] }] },
  },
  {
    files: ['packages/adapters-sql/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@inventory/http-rest', '@inventory/graphql', '@inventory/csv', '@inventory/server', 'express', 'graphql'], message: 'the SQL adapter depends on core only' }] }] },
  },
  {
    files: ['packages/http-rest/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...databases, '@inventory/graphql', '@inventory/graphql/*'], message: 'transports depend on core only, never on each other; the server wires adapters' }] }] },
  },
  {
    files: ['packages/graphql/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...databases, '@inventory/http-rest', '@inventory/http-rest/*'], message: 'transports depend on core only, never on each other; the server wires adapters' }] }] },
  },
  {
    files: ['packages/auth/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: [...databases, '@inventory/http-rest', '@inventory/http-rest/*', '@inventory/graphql', '@inventory/graphql/*'], message: 'auth depends on core only; the server binds its store ports to adapters' }] }] },
  },
  {
    files: ['packages/csv/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@inventory/adapters-sql', '@inventory/http-rest', '@inventory/graphql', '@inventory/server', 'knex', 'pg', 'better-sqlite3', 'express', 'graphql', 'graphql-*', '@graphql-*', 'inversify'], message: 'CSV reading depends on core only: both transports and the server call it' }] }],
    },
  },
);
