import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** Tests run against the TypeScript sources of every workspace package, no build needed. */
const alias = {
  '@inventory/core/testing': source('./packages/core/src/testing/index.ts'),
  '@inventory/core': source('./packages/core/src/index.ts'),
  '@inventory/auth/testing': source('./packages/auth/src/testing/index.ts'),
  '@inventory/auth': source('./packages/auth/src/index.ts'),
  '@inventory/adapters-sql/testing': source('./packages/adapters-sql/src/testing/index.ts'),
  '@inventory/adapters-sql': source('./packages/adapters-sql/src/index.ts'),
  '@inventory/http-rest/testing': source('./packages/http-rest/src/testing/index.ts'),
  '@inventory/http-rest': source('./packages/http-rest/src/index.ts'),
  '@inventory/graphql': source('./packages/graphql/src/index.ts'),
  '@inventory/csv': source('./packages/csv/src/index.ts'),
};

const roots = ['packages/*/{src,test}/**', 'apps/*/{src,test}/**'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: roots.map((root) => `${root}/*.spec.ts`),
          exclude: ['**/*.int.spec.ts', '**/node_modules/**', '**/dist/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: roots.map((root) => `${root}/*.int.spec.ts`),
          exclude: ['**/node_modules/**', '**/dist/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
