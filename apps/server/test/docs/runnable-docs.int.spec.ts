import { readdirSync, readFileSync } from 'node:fs';
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
 * walk-through followed by every other page of docs/ in name order (they say they use `$B` and
 * `$TOKEN` from the walk-through), so a new page's examples are run too.
 */
const REFERENCE_PAGES = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md') && name !== 'walkthrough.md')
  .sort()
  .map((name) => `docs/${name}`);
const SESSIONS: readonly (readonly string[])[] = [['README.md'], ['docs/walkthrough.md', ...REFERENCE_PAGES]];

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
  'docs/rest.md': [
    { block: 'products/name/WIDGET-L-BLU', stdout: /"code":10006,"status":400,"type":"InvalidLookupKey"/, failure: true },
    { block: 'search?page=2&offset=1', stdout: /"data":\[\{"productId":1002,"totalQuantity":0,.*"page":2,"offset":1,"itemsFound":2,"pages":2,"start":2,"end":2/ },
    { block: '-X PUT', stdout: /"messages":\["Product updated"\].*"data":\{"id":1001,.*"supplierCode":"AC-99821"/ },
    { block: '-X DELETE $B/v2/products/id/1001', stdout: /"code":80010,"status":409,"type":"ProductHasInventory"/, failure: true },
  ],
  'docs/graphql.md': [
    { block: 'inventorySearch', stdout: /"itemsFound":1,.*"productId":1001,"totalQuantity":150,"totalReservedQuantity":20/ },
    { block: 'sku: \\"NOPE\\"', stdout: /"success":false,"error":\{"code":"PRODUCT_NOT_FOUND","type":"ProductNotFound"/ },
    { block: 'inventory(id: 2147483647)', stdout: /"extensions":\{"code":"INVENTORY_NOT_FOUND"/, failure: true },
    { block: 'dryRun: true', stdout: /"importedCount":4,"createdCount":0,"updatedCount":4/ },
  ],
  'docs/csv-import.md': [
    { block: '--data-binary @docs/examples/stock.csv', stdout: /"importedCount":4,"createdCount":0,"updatedCount":4,.*"rowNumber":5/ },
    { block: '-F dryRun=true', stdout: /"importedCount":2,"createdCount":0,"updatedCount":2,"errors":\[\]/ },
    { block: 'main.js import', stdout: /Dry run \(nothing written\): 4 rows imported into tenant acme \(0 created, 4 updated\), 1 row errors.*\n {2}row 5: VALIDATION quantity: must be an integer/ },
  ],
  'docs/authentication.md': [
    { block: 'READ_TOKEN=', stdout: /"code":10002,"status":403,"type":"Forbidden"/, failure: true },
    { block: 'clients list', stdout: /\tacme-reports\tinventory:read\t.*client_secret: .*Revoked /s },
  ],
  'docs/holds.md': [
    { block: 'cart-123-hold-1', stdout: /"status":"active",.*"lines":\[\{"productId":1001,"warehouseId":null,"quantity":2\}\]/ },
    { block: 'cart-124', stdout: /"code":13010,"status":409,"type":"InsufficientStock",.*"path":"lines.0","message":"requested 1000000, available \d+"/, failure: true },
    { block: 'status=active', stdout: /"messages":\["Hold extended"\].*"status":"committed"/s },
    { block: '"$B/v2/holds/$HOLD_ID/commit"', stdout: /"code":13021,"status":409,"type":"HoldNotActive"/, failure: true },
    { block: 'holdCreate', stdout: /"holdCreate":\{"id":"\d+","status":"active"\}.*"heldQuantity":1,/s },
  ],
  'docs/ledger.md': [
    { block: 'order-5522', stdout: /"action":"create","changed":true,"id":\d+,"quantity":40,"version":1,.*"quantity":28,"version":2,.*"success":false,.*"code":13010,"type":"InsufficientStock"/ },
    { block: 'inventoryAdjust', stdout: /"success":true,"action":"update","quantity":25,"version":3/ },
    { block: 'productId=4001&limit=1000', stdout: /\{ '\d+': 25 \}/ },
  ],
  'docs/configuration.md': [{ block: 'PORT=http', stdout: /PORT: must be an integer from 0 to 65535\nexit code 1/ }],
  'docs/operations.md': [{ block: '/healthz', stdout: /\{"status":"ok"\}\{"status":"ready"\}http_requests_total\{/ }],
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
            const serverState = server?.running === true ? 'running' : `exited; its last lines:\n${server?.logs.slice(-20).join('\n') ?? ''}`;
            const shown = `${block.where}\n${block.script}\n--- exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}\n--- server ${serverState}`;
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
