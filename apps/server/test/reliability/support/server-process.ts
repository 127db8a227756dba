import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';
import { ApiClient } from '../../support/api-client.js';

export const ROOT = fileURLToPath(new URL('../../../../..', import.meta.url));
const MAIN = join(ROOT, 'apps/server/dist/main.js');
const BUILD_LOCK = join(tmpdir(), 'inventory-server-build.lock');

/** A static client of AUTH_CLIENTS with both scopes. */
export interface TestClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenant: string;
  readonly scopes: readonly string[];
}

export function aClient(tenant: string): TestClient {
  return { clientId: `${tenant}-app`, clientSecret: `${tenant}-secret-0123456789abcdef0123456789`, tenant, scopes: ['inventory:read', 'inventory:write'] };
}

/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 180_000;

/**
 * Builds the server (`tsc -b apps/server`) once for every test file that runs it as a child
 * process; a lock folder keeps parallel files from building into `dist` at the same time.
 */
export async function buildServer(): Promise<void> {
  for (;;) {
    try {
      await mkdir(BUILD_LOCK);
      break;
    } catch {
      const held = await stat(BUILD_LOCK).then((lock) => Date.now() - lock.mtimeMs, () => 0);
      if (held > STALE_LOCK_MS) await rmdir(BUILD_LOCK).catch(() => undefined);
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await promisify(execFile)('npx', ['tsc', '-b', 'apps/server'], { cwd: ROOT });
  } finally {
    await rmdir(BUILD_LOCK);
  }
}

/** Servers still running; killed after the test file, so a failed test leaks none. */
const started = new Set<ChildProcess>();
afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
});

/** `node apps/server/dist/main.js serve` as a child process, with its JSON log lines. */
export class ServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly logs: readonly string[],
    /** The exit code (null when killed by a signal). */
    readonly exited: Promise<number | null>,
  ) {}

  /**
   * Starts the server with only `env` (plus PATH; LOG_LEVEL must stay at info or below) and
   * resolves once it logs that it listens; kills it if that takes longer than `timeoutMs`.
   */
  static start(env: Readonly<Record<string, string>>, timeoutMs = 30_000): Promise<ServerProcess> {
    const child = spawn(process.execPath, [MAIN, 'serve'], {
      env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.add(child);
    const logs: string[] = [];
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => {
        started.delete(child);
        resolve(code);
      }),
    );
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      createInterface({ input: child.stdout }).on('line', (line) => {
        logs.push(line);
        const url = listeningUrl(line);
        if (url === undefined) return;
        // Listening in time: the server lives until the test stops it, however long that takes.
        clearTimeout(timer);
        resolve(new ServerProcess(child, url, logs, exited));
      });
      child.stderr.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
      void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${logs.join('\n')}`)));
      void exited.finally(() => clearTimeout(timer));
    });
  }

  /** A client whose token comes from this server's token endpoint. */
  async client(credentials: TestClient): Promise<ApiClient> {
    return new ApiClient(this.url, await requestToken(this.url, credentials));
  }

  /** Sends a signal and waits for the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** Resident memory of the process in KiB (Linux). */
  async rssKiB(): Promise<number> {
    const status = await readFile(`/proc/${String(this.child.pid)}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  }

  /** Log entries (parsed JSON lines) with this message. */
  logged(message: string): Record<string, unknown>[] {
    return this.logs.flatMap((line) => {
      const entry = parse(line);
      return entry?.['msg'] === message ? [entry] : [];
    });
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

export async function requestToken(baseUrl: string, client: TestClient): Promise<string> {
  const response = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (response.status !== 200 || body.access_token === undefined) throw new Error(`token request for ${client.clientId} failed with ${response.status}`);
  return body.access_token;
}

function listeningUrl(line: string): string | undefined {
  const entry = parse(line);
  return entry?.['msg'] === 'listening' && typeof entry['url'] === 'string' ? entry['url'] : undefined;
}

function parse(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
