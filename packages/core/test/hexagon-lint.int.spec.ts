import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Imports against the direction: each must fail lint. */
const REFUSED: readonly (readonly [string, string])[] = [
  ['packages/core/src/index.ts', "import knex from 'knex';\nexport const k = knex;\n"],
  ['packages/core/src/index.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
  ['packages/core/src/index.ts', "export * from '@inventory/adapters-sql';\n"],
  ['packages/core/src/index.ts', "export * from '@inventory/auth';\n"],
  ['packages/http-rest/src/index.ts', "export * from '@inventory/adapters-sql';\n"],
  ['packages/http-rest/src/index.ts', "export * from '@inventory/graphql';\n"],
  ['packages/graphql/src/index.ts', "import pg from 'pg';\nexport const p = pg;\n"],
  ['packages/graphql/src/index.ts', "export * from '@inventory/http-rest';\n"],
  ['packages/adapters-sql/src/index.ts', "import express from 'express';\nexport const e = express;\n"],
  ['packages/core/src/index.ts', "export * from '@inventory/csv';\n"],
  ['packages/csv/src/index.ts', "export * from '@inventory/http-rest';\n"],
  ['packages/csv/src/index.ts', "import { createSubgraph } from '@inventory/graphql';\nexport const s = createSubgraph;\n"],
  ['packages/csv/src/index.ts', "export * from '@inventory/adapters-sql';\n"],
  ['packages/auth/src/index.ts', "export * from '@inventory/adapters-sql';\n"],
  ['packages/auth/src/index.ts', "import knex from 'knex';\nexport const k = knex;\n"],
  ['packages/auth/src/index.ts', "export * from '@inventory/http-rest';\n"],
  ['packages/auth/src/index.ts', "export * from '@inventory/graphql';\n"],
  ['packages/auth/src/index.ts', "export * from '@inventory/server';\n"],
];

/** Imports along the direction: lint has nothing to say about them. */
const ALLOWED: readonly (readonly [string, string])[] = [
  ['packages/core/src/index.ts', "export * from './domain/errors.js';\n"],
  ['packages/auth/src/index.ts', "export * from '@inventory/core';\n"],
  ['packages/adapters-sql/src/index.ts', "export type * from '@inventory/auth';\n"],
];

const CASES = [...REFUSED, ...ALLOWED];

/**
 * Lints every case with the project's own ESLint configuration, only the no-restricted-imports rule
 * and no type information (the type-aware parser answered some cases with nothing under a loaded
 * full run), in a plain Node process; returns each case's restricted-import and fatal messages.
 */
function lintCases(): string[][] {
  const script = `
    const { ESLint } = await import(${JSON.stringify(`${root}node_modules/eslint/lib/api.js`)});
    const eslint = new ESLint({ cwd: ${JSON.stringify(root)}, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports', overrideConfig: { languageOptions: { parserOptions: { project: null, projectService: false } } } });
    const cases = ${JSON.stringify(CASES)};
    const out = [];
    for (const [file, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath: ${JSON.stringify(root)} + file });
      out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal).map((m) => (m.fatal ? 'FATAL ' : '') + m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`eslint run failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

describe('the hexagon as a lint rule', () => {
  let messages: string[][] = [];
  beforeAll(() => {
    messages = lintCases();
  }, 120_000);

  it('when a package imports against the direction, lint fails with no-restricted-imports', () => {
    const refused = REFUSED.map(([file, code], index) => ({ file, code, refused: (messages[index] ?? []).some((message) => !message.startsWith('FATAL')), messages: messages[index] }));
    expect(refused.filter((entry) => !entry.refused)).toEqual([]);
    expect(refused).toHaveLength(18);
  });

  it('when a package imports itself or what lies inward (core, auth), lint has nothing to say about imports', () => {
    expect(messages.slice(REFUSED.length)).toEqual(ALLOWED.map(() => []));
  });
});
