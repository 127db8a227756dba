import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the hexagon as a lint rule', () => {
  it.each([
    ['packages/core/src/index.ts', "import knex from 'knex';\nexport const k = knex;\n"],
    ['packages/core/src/index.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['packages/core/src/index.ts', "export * from '@inventory/adapters-sql';\n"],
    ['packages/http-rest/src/index.ts', "export * from '@inventory/adapters-sql';\n"],
    ['packages/graphql/src/index.ts', "import pg from 'pg';\nexport const p = pg;\n"],
    ['packages/adapters-sql/src/index.ts', "import express from 'express';\nexport const e = express;\n"],
  ])('when %s imports against the direction, lint fails', async (filePath, code) => {
    expect(await restrictedImports(filePath, code)).not.toEqual([]);
  });

  it('when core imports only itself, lint has nothing to say about imports', async () => {
    expect(await restrictedImports('packages/core/src/index.ts', "export * from './domain/errors.js';\n")).toEqual([]);
  });
});
