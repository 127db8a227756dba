import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, ROOT, ServerProcess } from '../reliability/support/server-process.js';
import { runBlock, shellBlocks, type ShellBlock } from './shell-blocks.js';

/**
 * What a newcomer types must work: every `sh` block of the README and of the docs (conventions in
 * shell-blocks.ts) runs in order, verbatim, against a freshly built server on a new SQLite file,
 * and exits 0. Blocks answering with an error envelope or GraphQL errors fail unless listed below
 * as failures on purpose; the key outputs listed below must appear.
 *
 * Sessions are what one reader types in one terminal: the README's quick tour on its own, and the
 * walk-through followed by the reference pages (which say they use `$B` and `$TOKEN` from it).
 */
const SESSIONS: readonly (readonly string[])[] = [
  ['README.md'],
  ['docs/walkthrough.md', 'docs/rest.md', 'docs/graphql.md', 'docs/csv-import.md', 'docs/authentication.md', 'docs/configuration.md', 'docs/operations.md'],
];

interface Expectation {
  /** Text that names the block (exactly one block of the file contains it). */
  readonly block: string;
  /** Its output must match. */
  readonly stdout: RegExp;
  /** The block shows an error envelope on purpose. */
  readonly failure?: true;
}

const EXPECTED: Readonly<Record<string, readonly Expectation[]>> = {
  'README.md': [
    { block: '/v2/products/bulk', stdout: /"index":1,"success":true,"action":"create","id":1002/ },
    { block: '/v2/inventory/bulk/sku/local', stdout: /"index":1,"success":true,"action":"create".*"messages":\["Completed"\]/ },
    { block: '/v2/products/sku/WIDGET-L-BLU/inventory', stdout: /"totalQuantity":150,/ },
  ],
  'docs/walkthrough.md': [
    { block: 'curl -s $B/v2/inventory/id/1', stdout: /"status":401,"type":"Unauthorized"/, failure: true },
    { block: '/v2/products/bulk', stdout: /"index":1,"success":true,"action":"create","id":1002/ },
    { block: 'products/sourceId/A-1001?source=erp"', stdout: /"id":1001,"sku":"WIDGET-L-BLU"/ },
    { block: 'bulk/sku/local', stdout: /"index":3,"success":false,"lookupKey":"sku","key":"NO-SUCH-SKU","error":\{"code":80006/ },
    { block: 'bulk/sku/supplier', stdout: /"success":true/ },
    { block: 'products/sku/WIDGET-L-BLU/inventory ', stdout: /"totalQuantity":650,"totalReservedQuantity":20,.*"nextDeliveryDate":"2030-08-01T00:00:00.000Z"/ },
    { block: 'inventory/warehouses/5', stdout: /"balance":\[\{.*"location":"Aisle-B-Shelf-3"/ },
    { block: 'search?offset=1', stdout: /"itemsFound":2,"pages":2,"start":1,"end":1/ },
    { block: 'RECORD=', stdout: /"messages":\["Inventory updated"\].*"messages":\["Inventory deleted"\]/s },
    { block: 'productInventory(lookupKey: sku', stdout: /"totalQuantity":650/ },
    { block: 'inventoryBulkUpsert', stdout: /"success":true,"action":"create"/ },
    { block: 'dryRun=true', stdout: /"importedCount":4,.*"rowNumber":5\}.*"importedCount":4,"createdCount":4,"updatedCount":0/s },
    { block: "-F 'mappings=<docs/examples/stock-mappings.json'", stdout: /"importedCount":2,"createdCount":2,"updatedCount":0,"errors":\[\]/ },
    { block: 'inventoryCsvImport', stdout: /"importedCount":2,"createdCount":0,"updatedCount":2,"errors":\[\]/ },
    { block: 'main.js import', stdout: /2 rows imported into tenant acme \(0 created, 2 updated\), 0 row errors/ },
  ],
};

const LOCAL_SERVER = /http:\/\/(?:127\.0\.0\.1|localhost):8080/g;
const ERROR_ENVELOPE = /"error":\{"code":\d+,"status":\d+|"errors":\[\{"message"/;

function blocksOf(file: string): ShellBlock[] {
  return shellBlocks(readFileSync(join(ROOT, file), 'utf8'), file);
}

describe('the shell examples of the README and docs run verbatim on a fresh install', () => {
  let folder = '';
  let server: ServerProcess | undefined;
  let env: Record<string, string> = {};

  beforeAll(async () => {
    await buildServer();
    folder = await mkdtemp(join(tmpdir(), 'inventory-docs-'));
    const databaseUrl = `sqlite:${join(folder, 'inventory.db')}`;
    server = await ServerProcess.start({ DATABASE_URL: databaseUrl });
    // Only what a fresh terminal has: no variable of this test run leaks into the examples.
    env = { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`, HOME: folder, DATABASE_URL: databaseUrl };
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('every expectation names exactly one block, and shell examples are fenced as sh', () => {
    for (const [file, expectations] of Object.entries(EXPECTED)) {
      const blocks = blocksOf(file);
      for (const { block } of expectations) expect(blocks.filter((each) => each.script.includes(block)).map((each) => each.where), `${file}: ${block}`).toHaveLength(1);
    }
  });

  SESSIONS.forEach((files, session) => {
    describe(`session ${files.join(' → ')}`, () => {
      const stateFile = (): string => join(folder, `session-${session}.sh`);
      for (const file of files) {
        for (const block of blocksOf(file)) {
          if (block.notRun !== undefined) continue;
          it(`${block.where} runs`, async () => {
            const script = block.script.replace(LOCAL_SERVER, server?.url ?? '');
            const run = await runBlock(script, { cwd: ROOT, env, stateFile: stateFile() });
            const shown = `${block.where}\n${block.script}\n--- exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
            expect(run.code, shown).toBe(0);
            const expectation = (EXPECTED[file] ?? []).find((each) => block.script.includes(each.block));
            if (expectation?.failure !== true) expect(run.stdout, shown).not.toMatch(ERROR_ENVELOPE);
            if (expectation !== undefined) expect(run.stdout, shown).toMatch(expectation.stdout);
          });
        }
      }
    });
  });
});
