export { KnexClientStore, type ClientRecord } from './knex-client-store.js';
export { KnexSigningKeyStore, type SigningKeyRecord } from './knex-signing-key-store.js';
