import { MemoryClientStore } from './memory-client-store.js';
import { MemorySigningKeyStore } from './memory-signing-key-store.js';
import { describeClientStoreContract } from '../testing/client-store-contract.js';
import { describeSigningKeyStoreContract } from '../testing/signing-key-store-contract.js';

describeClientStoreContract('in-memory', () => Promise.resolve(new MemoryClientStore()));
describeSigningKeyStoreContract('in-memory', () => Promise.resolve(new MemorySigningKeyStore()));
