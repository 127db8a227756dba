import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './server-process.js';

/** better-sqlite3 as the SQL adapter resolves it (the server package does not depend on it). */
const BETTER_SQLITE3 = createRequire(join(ROOT, 'packages/adapters-sql/package.json')).resolve('better-sqlite3');

/** Takes SQLite's write lock with BEGIN IMMEDIATE, says so, and commits when a line arrives. */
const HOLDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.once('data', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
`;

/** A second writer: another process holding the write lock of an SQLite file until released. */
export class SqliteLockHolder {
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  static hold(file: string): Promise<SqliteLockHolder> {
    const child = spawn(process.execPath, ['-e', HOLDER, BETTER_SQLITE3, file]);
    return new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', () => resolve(new SqliteLockHolder(child)));
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}: ${errors}`)));
    });
  }

  /** Commits and waits for the process to end. */
  async release(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.stdin.write('release\n');
    await exited;
  }
}
