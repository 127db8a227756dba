import { afterAll, beforeAll } from 'vitest';
import { DATABASE_FIXTURES } from './database-fixtures.js';
import { E2eServer, type E2eOptions } from './e2e-server.js';

/**
 * Defines the same end-to-end suite once per database: one real server per suite and database,
 * each test working in a tenant of its own.
 */
export function describeE2e(name: string, body: (server: () => E2eServer) => void, options: E2eOptions = {}): void {
  for (const fixture of DATABASE_FIXTURES) {
    fixture.describe(`${name} [${fixture.name}]`, () => {
      let server: E2eServer | undefined;
      beforeAll(async () => {
        server = await E2eServer.start(fixture, options);
      });
      afterAll(async () => {
        await server?.close();
      });
      body(() => {
        if (server === undefined) throw new Error('the e2e server did not start');
        return server;
      });
    });
  }
}
