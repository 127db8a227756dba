export { createPgTestPersistence, describePg, dropSchema, pgAvailable, pgTestUrl, randomSchemaName, type PgTestPersistence } from './pg-test-database.js';
