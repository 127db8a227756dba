export { KnexClientStore } from './knex-client-store.js';
export { KnexSigningKeyStore } from './knex-signing-key-store.js';
export { ATTEMPTS_TABLE, PgAttemptStore } from './pg-attempt-store.js';
