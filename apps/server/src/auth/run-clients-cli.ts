import { ClientAdmin, runClientsCommand, type CommandExit } from '@inventory/auth';
import { systemClock } from '@inventory/core';
import type { ServerConfig } from '../config/server-config.js';
import { openPersistence } from '../persistence/open-persistence.js';

/**
 * `main.js clients …`: opens `DATABASE_URL` (migrating it, so the command works on a fresh
 * database), runs the command, closes the database. Output goes to the terminal only.
 */
export async function runClientsCli(config: Pick<ServerConfig, 'databaseUrl' | 'auth'>, args: readonly string[], print: (text: string) => void = console.log): Promise<CommandExit> {
  const persistence = await openPersistence(config);
  try {
    await persistence.migrate();
    if (persistence.authStores === undefined) throw new Error('this database keeps no OAuth clients');
    if (config.auth.jwksUrl !== undefined) print('Note: AUTH_JWKS_URL is set, so the built-in issuer is off and registered clients get no tokens.');
    return await runClientsCommand(args, new ClientAdmin(persistence.authStores.clients, systemClock), print);
  } finally {
    await persistence.close();
  }
}
