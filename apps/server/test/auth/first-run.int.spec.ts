import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const MAIN = join(ROOT, 'apps/server/dist/main.js');

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  /** Every stdout line so far: JSON log lines and, on a fresh install, the plain-text notice. */
  readonly stdout: string[];
  stop(): Promise<number | null>;
}

/** A port free right now: the first-client notice names the configured port, so it cannot be 0. */
function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** `main.js serve` as a child process, resolved once it logs that it listens. */
async function serve(env: Record<string, string>): Promise<Served> {
  const port = String(await freePort());
  const child = spawn(process.execPath, [MAIN, 'serve'], { env: { PATH: process.env['PATH'] ?? '', PORT: port, ...env }, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return new Promise((done, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      const url = /"msg":"listening"/.test(line) ? (JSON.parse(line) as { url: string }).url : undefined;
      if (url !== undefined) done({ child, url, stdout, stop });
    });
    child.stderr.on('data', (chunk: Buffer) => stdout.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${stdout.join('\n')}`)));
  });
}

async function clients(env: Record<string, string>, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [MAIN, 'clients', ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, cwd: ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

function credentialsIn(text: string): { clientId: string; clientSecret: string } {
  const clientId = /client_id: +(\S+)/.exec(text)?.[1];
  const clientSecret = /client_secret: +(\S+)/.exec(text)?.[1];
  if (clientId === undefined || clientSecret === undefined) throw new Error(`no credentials in: ${text}`);
  return { clientId, clientSecret };
}

async function tokenStatus(url: string, { clientId, clientSecret }: { clientId: string; clientSecret: string }): Promise<{ status: number; token?: string }> {
  const response = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await response.json()) as { access_token?: string };
  return { status: response.status, ...(body.access_token !== undefined && { token: body.access_token }) };
}

describe('first run and the clients command (node apps/server/dist/main.js)', () => {
  let folder = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    await promisify(execFile)('npx', ['tsc', '-b', 'apps/server'], { cwd: ROOT });
    folder = await mkdtemp(join(tmpdir(), 'inventory-first-run-'));
    env = { DATABASE_URL: `sqlite:${join(folder, 'data', 'inventory.db')}` };
  }, 180_000);
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('a fresh install prints working credentials once, outside the JSON logs, and never again', async () => {
    const first = await serve(env);
    const notice = first.stdout.filter((line) => !line.startsWith('{')).join('\n');
    const credentials = credentialsIn(notice);
    expect(credentials.clientId).toBe('local-default');
    const curl = /curl -s -u '([^']+)' -d grant_type=client_credentials (\S+)/.exec(notice);
    expect(curl?.[1]).toBe(`${credentials.clientId}:${credentials.clientSecret}`);
    expect(curl?.[2]).toBe(`${first.url}/oauth2/token`);
    const { token } = await tokenStatus(first.url, credentials);
    const put = await fetch(`${first.url}/v2/products/id/1`, { method: 'PUT', headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/json' }, body: '{"sku":"A"}' });
    expect(put.status).toBe(201);
    expect(await first.stop()).toBe(0);
    for (const line of first.stdout.filter((text) => text.startsWith('{'))) expect(line).not.toContain(credentials.clientSecret);

    const second = await serve(env);
    try {
      expect(second.stdout.join('\n')).not.toContain('client_secret');
      expect((await tokenStatus(second.url, credentials)).status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('clients create, list, rotate-secret and revoke manage who gets tokens from a running server', async () => {
    const server = await serve(env);
    try {
      const created = await clients(env, 'create', '--tenant', 'acme', '--scopes', 'inventory:read,inventory:write');
      expect(created.code).toBe(0);
      const acme = credentialsIn(created.output);
      expect((await tokenStatus(server.url, acme)).status).toBe(200);

      const listed = await clients(env, 'list');
      expect(listed.output).toContain(`${acme.clientId}\tacme\tinventory:read,inventory:write\t`);
      expect(listed.output).toContain('local-default\tdefault\t');
      expect(listed.output).not.toContain(acme.clientSecret);

      const rotated = credentialsIn((await clients(env, 'rotate-secret', acme.clientId)).output);
      expect(rotated.clientId).toBe(acme.clientId);
      expect((await tokenStatus(server.url, acme)).status).toBe(401);
      expect((await tokenStatus(server.url, rotated)).status).toBe(200);

      expect((await clients(env, 'revoke', acme.clientId)).code).toBe(0);
      expect((await tokenStatus(server.url, rotated)).status).toBe(401);
      expect((await clients(env, 'revoke', acme.clientId)).code).toBe(1);
      expect((await clients(env, 'list')).output).toMatch(new RegExp(`${acme.clientId}\\tacme\\t.*\\trevoked `));
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('answers usage with exit code 2 for a bad clients command', async () => {
    for (const args of [[], ['create', '--tenant', 'acme'], ['create', '--tenant', 'acme', '--scopes', 'root'], ['drop', 'x']]) {
      const result = await clients(env, ...args);
      expect(result.code).toBe(2);
      expect(result.output).toContain('Usage:');
    }
  });
});
