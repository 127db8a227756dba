import { describeHoldContract } from './hold-contract.js';
import { describeHoldModelContract } from './hold-model-contract.js';
import { describeIdempotencyStoreContract } from './idempotency-store-contract.js';
import { describeLedgerContract } from './ledger-contract.js';
import { describeInventoryRepositoryContract } from './inventory-repository-contract.js';
import { describeModelBasedContract } from './model-based-contract.js';
import type { PersistenceFixture } from './persistence-fixture.js';
import { describeProductDirectoryContract } from './product-directory-contract.js';
import { describeReadModelContract } from './read-model-contract.js';
import { describeUseCaseContract } from './use-case-contract.js';

export * from './builders.js';
export type * from './persistence-fixture.js';
export { describeInventoryRepositoryContract, expectCode, written } from './inventory-repository-contract.js';
export { describeProductDirectoryContract } from './product-directory-contract.js';
export { describeReadModelContract } from './read-model-contract.js';
export { describeUseCaseContract } from './use-case-contract.js';
export { describeModelBasedContract } from './model-based-contract.js';
export { serviceOver } from './service-over.js';
export { describeIdempotencyStoreContract, describeLedgerContract };
export { describeHoldContract, holdLine, holdOf } from './hold-contract.js';
export { describeHoldModelContract } from './hold-model-contract.js';

/** Every persistence contract suite, for one adapter. */
export function describePersistenceContract(name: string, fixture: PersistenceFixture, options: { modelRuns?: number } = {}): void {
  describeInventoryRepositoryContract(name, fixture);
  describeProductDirectoryContract(name, fixture);
  describeReadModelContract(name, fixture);
  describeUseCaseContract(name, fixture);
  describeModelBasedContract(name, fixture, options.modelRuns);
  describeIdempotencyStoreContract(name, fixture);
  describeLedgerContract(name, fixture);
  describeHoldContract(name, fixture);
  describeHoldModelContract(name, fixture, options.modelRuns);
}
