import { KnexClientStore, KnexSigningKeyStore, type SqlPersistence } from '@inventory/adapters-sql';
import type { ServerPersistence } from '../persistence/server-persistence.js';

/**
 * Gives an SQL persistence the issuer's stores over the same database, so signing keys and
 * registered clients are shared by every process that shares the data.
 */
export function withAuthStores(persistence: SqlPersistence): SqlPersistence & ServerPersistence {
  return Object.assign(persistence, {
    authStores: { signingKeys: new KnexSigningKeyStore(persistence.knex), clients: new KnexClientStore(persistence.knex) },
  });
}
