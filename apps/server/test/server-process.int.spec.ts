import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api-client.js';
import { expectError } from './support/expectations.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = join(ROOT, 'apps/server/dist/main.js');
const CLIENT = { clientId: 'process-test', clientSecret: 'process-test-secret-0123456789abcdef', tenant: 'process', scopes: ['inventory:read', 'inventory:write'] };

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `main.js` to completion with only the given environment (plus PATH). */
async function run(args: readonly string[], env: Record<string, string>): Promise<Exit> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [MAIN, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Starts `main.js serve` and resolves with its URL once it logs that it listens. */
function serve(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; logs: string[] }> {
  const child = spawn(process.execPath, [MAIN, 'serve'], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  return new Promise((done, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      logs.push(line);
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url !== undefined) done({ child, url: entry.url, logs });
    });
    child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${logs.join('\n')}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

describe('the server as a child process (node apps/server/dist/main.js)', () => {
  let folder = '';

  beforeAll(async () => {
    await promisify(execFile)('npx', ['tsc', '-b', 'apps/server'], { cwd: ROOT });
    folder = await mkdtemp(join(tmpdir(), 'inventory-process-'));
  }, 180_000);

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('migrates on its own with the migrate command, creating the SQLite folder', async () => {
    const file = join(folder, 'fresh', 'inventory.db');
    const result = await run(['migrate'], { DATABASE_URL: `sqlite:${file}` });
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(existsSync(file)).toBe(true);
  });

  it('refuses to start on a bad variable, naming it', async () => {
    const result = await run(['serve'], { PORT: 'eighty', DATABASE_URL: `sqlite:${join(folder, 'unused.db')}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });

  it('rejects an unknown command with usage', async () => {
    const result = await run(['launch'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage');
  });

  it('serves with real tokens, then stops on SIGTERM with exit code 0', async () => {
    const { child, url, logs } = await serve({
      PORT: '0',
      DATABASE_URL: `sqlite:${join(folder, 'serve', 'inventory.db')}`,
      AUTH_CLIENTS: JSON.stringify([CLIENT]),
    });
    const exited = exitOf(child);
    try {
      const anonymous = new ApiClient(url, undefined);
      expect((await anonymous.get('/healthz')).status).toBe(200);
      expect((await anonymous.get('/readyz')).status).toBe(200);
      expectError(await anonymous.get('/v2/inventory/id/1'), 'UNAUTHORIZED');

      const token = await fetch(`${url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }),
      });
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      const api = new ApiClient(url, accessToken);
      expect((await api.put('/v2/products/id/1', { sku: 'W-1' })).status).toBe(201);
      const bulk = await api.post('/v2/inventory/bulk/sku/local', { inventory: [{ sku: 'W-1', quantity: 4 }] });
      expect(bulk.status).toBe(200);
      expect((await api.get('/v2/products/sku/W-1/inventory')).body.data).toEqual([expect.objectContaining({ localQuantity: 4 })]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    const output = logs.join('\n');
    expect(output).toContain('"msg":"stopped"');
    expect(output).not.toContain(CLIENT.clientSecret);
  });
});
