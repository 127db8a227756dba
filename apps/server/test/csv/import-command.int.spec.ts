import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createSqlPersistence } from '@inventory/adapters-sql';
import { DEFAULT_LIMITS, InventoryService, systemClock, tenantId } from '@inventory/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText } from './csv-requests.js';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const MAIN = join(ROOT, 'apps/server/dist/main.js');

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const HEADER = ['lookupKey', 'inventoryType', 'quantity', 'productId', 'warehouseId', 'notes'];

describe('main.js import (child process on SQLite)', () => {
  let folder: string;
  let env: Record<string, string>;

  async function run(...args: string[]): Promise<Exit> {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [MAIN, 'import', ...args], { env, cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  async function file(name: string, text: string): Promise<string> {
    const path = join(folder, name);
    await writeFile(path, text);
    return path;
  }

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'inventory-import-cli-'));
    env = { PATH: process.env['PATH'] ?? '', DATABASE_URL: `sqlite:${join(folder, 'inventory.db')}`, LOG_LEVEL: 'warn' };
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('imports a file into the tenant, shows progress on stderr and a summary with the row errors; exit 0', async () => {
    // The directory of a fresh database is empty, so the first import registers no products:
    // the rows are unknown products (row errors), which proves exit 0 with row errors.
    const csv = await file('unknown.csv', csvText([HEADER, ['id', 'local', '1', '7', '1', ''], ['id', 'local', 'x', '7', '2', '']]));
    const result = await run(csv, '--tenant', 'acme');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 rows imported into tenant acme \(0 created, 0 updated\), 2 row errors/);
    expect(result.stdout).toMatch(/row 1: VALIDATION .*not found/);
    expect(result.stdout).toMatch(/row 2: VALIDATION quantity: must be an integer/);
    expect(result.stderr).toMatch(/importing \[.*\] 100% \| 2 rows \| [\d,]+ rows\/s \| 2 errors/);
  });

  it('a dry run writes nothing and a real run then creates, and a second real run updates', async () => {
    const products = await file('products.csv', csvText([HEADER, ...Array.from({ length: 3 }, (_, index) => ['id', 'local', String(index), '1', String(index), 'n'])]));
    await registerProduct(env['DATABASE_URL'] ?? '', 'acme', 1);
    const mappings = JSON.stringify(HEADER.map((header) => ({ csvHeader: header, fieldName: FIELD_OF[header] })));
    const dry = await run(products, '--tenant', 'acme', '--dry-run', '--mappings', mappings);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run \(nothing written\): 3 rows imported into tenant acme \(3 created, 0 updated\), 0 row errors/);
    const first = await run(products, '--tenant', 'acme');
    expect(first.stdout).toMatch(/3 rows imported into tenant acme \(3 created, 0 updated\)/);
    const second = await run(products, '--tenant', 'acme');
    expect(second.stdout).toMatch(/3 rows imported into tenant acme \(0 created, 3 updated\)/);
    const otherTenant = await run(products, '--tenant', 'globex');
    expect(otherTenant.stdout).toMatch(/0 rows imported into tenant globex .* 3 row errors/);
  });

  it.each([
    ['a mapping to a missing header', ['--mappings', '[{"csvHeader":"Menge","fieldName":"QUANTITY"}]'], /import failed: The CSV file does not fit the mappings\n\s+mappings\.0\.csvHeader: the file has no column "Menge"/],
    ['mappings that are not JSON', ['--mappings', '{'], /mappings: must be JSON/],
    ['an unclosed quote', [], /import failed: The CSV file is malformed/],
  ])('%s is refused with a clear message: exit 1 for the file, 2 for bad options', async (_case, args, message) => {
    const csv = await file('bad.csv', 'lookupKey,inventoryType,quantity,productId,notes\nid,local,1,1,"open\n');
    const result = await run(csv, '--tenant', 'acme', ...args);
    expect(result.code).toBe(args[1] === '{' ? 2 : 1);
    expect(result.stderr).toMatch(message);
  });

  it('a missing file exits 1 naming it; missing --tenant or file exits 2 with the usage', async () => {
    const missing = await run(join(folder, 'nope.csv'), '--tenant', 'acme');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read');
    const noTenant = await run(join(folder, 'nope.csv'));
    expect(noTenant.code).toBe(2);
    expect(noTenant.stderr).toMatch(/--tenant is required\nusage: .*import <file\.csv> --tenant T/);
    expect((await run('--tenant', 'acme')).code).toBe(2);
  });
});

/** Puts a product reference straight into the database the command imports into. */
async function registerProduct(url: string, tenant: string, id: number): Promise<void> {
  const persistence = await createSqlPersistence({ url });
  try {
    await persistence.migrate();
    const service = new InventoryService({ ...persistence, clock: systemClock, limits: DEFAULT_LIMITS });
    await service.putProduct(tenantId(tenant), { id });
  } finally {
    await persistence.close();
  }
}

const FIELD_OF: Record<string, string> = { lookupKey: 'LOOKUP_KEY', inventoryType: 'INVENTORY_TYPE', quantity: 'QUANTITY', productId: 'PRODUCT_ID', warehouseId: 'WAREHOUSE_ID', notes: 'NOTES' };
