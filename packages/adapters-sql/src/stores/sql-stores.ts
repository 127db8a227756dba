import type { InventoryRepository, ProductDirectory, Stores, UnitOfWork } from '@inventory/core';
import type { SqlExecutor } from '../sql/sql-executor.js';
import { SqlInventoryRepository } from './sql-inventory-repository.js';
import { SqlMovementLedger } from './sql-movement-ledger.js';
import { SqlProductDirectory } from './sql-product-directory.js';
import type { UpsertWriter } from './upsert-writer.js';

/** The stores of one executor: a transaction's, or the auto-commit reader's. */
export function sqlStores(executor: SqlExecutor, writer: UpsertWriter): Stores {
  return { inventory: new SqlInventoryRepository(executor, writer), products: new SqlProductDirectory(executor), movements: new SqlMovementLedger(executor) };
}

/**
 * Stores used outside `UnitOfWork.run`: reads go straight to the reader, and every write is its
 * own transaction, so a multi-statement write (putMany, upsertMany) stays atomic.
 */
export function autoCommitStores(reader: Stores, unitOfWork: UnitOfWork): Stores {
  const inventory: InventoryRepository = {
    get: (tenant, id) => reader.inventory.get(tenant, id),
    countForProduct: (tenant, productId) => reader.inventory.countForProduct(tenant, productId),
    create: (tenant, values, now, origin) => unitOfWork.run((stores) => stores.inventory.create(tenant, values, now, origin)),
    update: (tenant, id, changes, now, versions, origin) => unitOfWork.run((stores) => stores.inventory.update(tenant, id, changes, now, versions, origin)),
    delete: (tenant, id, versions, now, origin) => unitOfWork.run((stores) => stores.inventory.delete(tenant, id, versions, now, origin)),
    upsertMany: (tenant, rows, now, origin) => unitOfWork.run((stores) => stores.inventory.upsertMany(tenant, rows, now, origin)),
    adjustMany: (tenant, rows, now, origin) => unitOfWork.run((stores) => stores.inventory.adjustMany(tenant, rows, now, origin)),
  };
  const products: ProductDirectory = {
    get: (tenant, id) => reader.products.get(tenant, id),
    resolve: (tenant, kind, lookups) => reader.products.resolve(tenant, kind, lookups),
    sourceOwners: (tenant, sources) => reader.products.sourceOwners(tenant, sources),
    // A transaction of its own (locking rows is a write): the products are held only while it runs.
    holdExisting: (tenant, ids) => unitOfWork.run((stores) => stores.products.holdExisting(tenant, ids)),
    putMany: (tenant, list) => unitOfWork.run((stores) => stores.products.putMany(tenant, list)),
    delete: (tenant, id) => unitOfWork.run((stores) => stores.products.delete(tenant, id)),
  };
  return { inventory, products, movements: reader.movements };
}
