import { inventoryMigration } from './001-inventory.js';
import { authMigration } from './002-auth.js';
import { trustworthyWritesMigration } from './003-trustworthy-writes.js';
import { authTokenAttemptsMigration } from './004-auth-token-attempts.js';
import { ledgerMigration } from './005-ledger.js';
import { holdsMigration } from './006-holds.js';
import type { SqlMigration } from './sql-migration.js';

export { migrationSource, type DialectName, type SqlMigration } from './sql-migration.js';

/** Every migration in the order it runs; append new ones at the end, never reorder. */
export const migrations: readonly SqlMigration[] = [inventoryMigration, authMigration, trustworthyWritesMigration, authTokenAttemptsMigration, ledgerMigration, holdsMigration];
