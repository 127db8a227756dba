import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate, loadContext } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

describe('generated resolver and input types', () => {
  it('schema-types.generated.ts is what codegen makes of schema.graphql today (run `pnpm --filter @inventory/graphql codegen` if not)', async () => {
    const context = await loadContext(`${PACKAGE_DIR}codegen.yml`);
    context.cwd = PACKAGE_DIR;
    const outputs = (await generate(context, false)) as readonly { readonly filename: string; readonly content: string }[];
    expect(outputs.map((output) => output.filename)).toEqual(['src/schema/schema-types.generated.ts']);
    for (const output of outputs) {
      expect(readFileSync(`${PACKAGE_DIR}${output.filename}`, 'utf8'), `${output.filename} is stale`).toBe(output.content);
    }
  }, 30_000);
});
