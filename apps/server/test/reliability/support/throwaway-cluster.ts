import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, it } from 'vitest';

const run = promisify(execFile);
const VERSIONS_FOLDER = '/usr/lib/postgresql';

/** `/usr/lib/postgresql/<newest>/bin` when it holds initdb and pg_ctl. */
function binaries(): string | undefined {
  if (!existsSync(VERSIONS_FOLDER)) return undefined;
  const versions = readdirSync(VERSIONS_FOLDER).sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => join(VERSIONS_FOLDER, version, 'bin')).find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
}

/** Clusters not destroyed yet; destroyed after the test file, so a failed test leaks none. */
const living = new Set<ThrowawayCluster>();
afterAll(async () => {
  await Promise.all([...living].map((cluster) => cluster.destroy()));
});

/**
 * A PostgreSQL cluster of a test's own: `initdb` into a temporary folder, its own port and
 * socket folder, stopped and started at will — never the shared server other suites use.
 * PostgreSQL refuses to run as root, so as root every command runs as the `postgres` user.
 */
export class ThrowawayCluster {
  private constructor(
    private readonly bin: string,
    private readonly folder: string,
    readonly port: number,
  ) {}

  static async create(): Promise<ThrowawayCluster> {
    const bin = binaries();
    if (bin === undefined) throw new Error(`no PostgreSQL binaries under ${VERSIONS_FOLDER}`);
    const folder = await mkdtemp(join(tmpdir(), 'inventory-pg-'));
    if (process.getuid?.() === 0) {
      const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
      await chown(folder, Number(uid.stdout), Number(gid.stdout));
    }
    const cluster = new ThrowawayCluster(bin, folder, await freePort());
    living.add(cluster);
    await cluster.as('initdb', ['-D', cluster.data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    await cluster.start();
    return cluster;
  }

  /** The `postgres` database of this cluster. */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=16MB -c max_connections=40`;
    await this.as('pg_ctl', ['-D', this.data, '-l', join(this.folder, 'server.log'), '-o', options, '-w', '-t', '30', 'start']);
  }

  /** `fast` rolls back sessions and stops; `immediate` stops without a clean shutdown, like a crash. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.as('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  /**
   * Stops every process of the cluster with SIGSTOP: connections stay open and connects are
   * accepted by the kernel, but nothing answers — a database that hangs rather than fails.
   */
  async freeze(): Promise<void> {
    await this.signalAll('SIGSTOP');
  }

  async thaw(): Promise<void> {
    await this.signalAll('SIGCONT');
  }

  async destroy(): Promise<void> {
    living.delete(this);
    await this.thaw().catch(() => undefined);
    await this.stop('immediate').catch(() => undefined);
    await rm(this.folder, { recursive: true, force: true });
  }

  /** The postmaster (first line of postmaster.pid) and its children, by process id. */
  private async signalAll(signal: NodeJS.Signals): Promise<void> {
    const postmaster = Number((await readFile(join(this.data, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const children = (await run('ps', ['-o', 'pid=', '--ppid', String(postmaster)])).stdout.split('\n').map(Number).filter((pid) => pid > 0);
    for (const pid of [postmaster, ...children]) process.kill(pid, signal);
  }

  private get data(): string {
    return join(this.folder, 'data');
  }

  private async as(tool: string, args: readonly string[]): Promise<void> {
    const command = join(this.bin, tool);
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await run(command, args);
  }
}

/**
 * `describe` for suites that need a throwaway cluster. Without PostgreSQL binaries the suite
 * fails under CI (where PostgreSQL is installed) and is otherwise skipped with a loud line.
 */
export function describeWithCluster(name: string, suite: () => void): void {
  describe(name, () => {
    if (binaries() !== undefined) {
      suite();
      return;
    }
    if (isCi()) {
      it('has the PostgreSQL binaries that CI requires', () => {
        throw new Error(`no initdb / pg_ctl under ${VERSIONS_FOLDER}: the throwaway-cluster fault tests are required in CI`);
      });
      return;
    }
    console.warn(`⚠ no PostgreSQL binaries under ${VERSIONS_FOLDER} — throwaway-cluster fault tests SKIPPED`);
    it.skip('needs initdb and pg_ctl', () => undefined);
  });
}

function isCi(): boolean {
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
