export { aStoredClient, describeClientStoreContract } from './client-store-contract.js';
export { describeSigningKeyStoreContract } from './signing-key-store-contract.js';
export { aKeyRingFixture, TEST_RULES } from './key-ring-fixture.js';
export { listen } from './listen.js';
export { startLocalIssuer } from './local-issuer.js';
