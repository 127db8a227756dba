import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, waitFor } from './ports.mjs';

const MAIN = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));
export const BENCH_CLIENT = { clientId: 'bench', clientSecret: 'bench-secret-0123456789abcdef0123', tenant: 'bench', scopes: ['inventory:read', 'inventory:write'] };

/** A client-credentials token from the server's built-in issuer. */
export async function fetchToken(url, client) {
  const response = await fetch(`${url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
  });
  if (!response.ok) throw new Error(`token for ${client.clientId}: ${response.status} ${await response.text()}`);
  return (await response.json()).access_token;
}

/** Starts the real server (built) as a child process and fetches a token from its issuer. */
export async function startService(databaseUrl, extraEnv = {}, nodeArgs = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, MAIN, 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, AUTH_CLIENTS: JSON.stringify([BENCH_CLIENT]), LOG_LEVEL: 'warn', BULK_MAX_ITEMS: '10000', BODY_LIMIT: String(64 * 1024 * 1024), CSV_MAX_BYTES: String(1024 * 1024 * 1024), CSV_MAX_ROWS: String(5_000_000), ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exitedEarly = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`the server exited with code ${code} before it was ready`))));
  exitedEarly.catch(() => undefined);
  await Promise.race([waitFor(`${url}/healthz`), exitedEarly]);
  const token = await fetchToken(url, BENCH_CLIENT);
  return {
    url,
    token,
    pid: child.pid,
    /** Peak resident memory of the server process so far, in MiB (Linux VmHWM). */
    peakRssMiB() {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : Number.NaN;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** JSON request against the service with its bearer token; throws on a non-2xx answer. */
export async function call(service, method, path, body) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
