export { createSqlPersistence } from './create-sql-persistence.js';
export { parseDatabaseUrl, type DatabaseLocation } from './database-url.js';
export { migrations, type DialectName, type SqlMigration } from './migrations/index.js';
export type { SqlPersistence, SqlPersistenceOptions } from './sql-persistence.js';
export * from './auth/index.js';
