import type { AggregateJson } from '@inventory/http-rest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, importText } from './csv/csv-requests.js';
import { aClient, buildServer, ServerProcess } from './reliability/support/server-process.js';
import type { AnyEnvelope, ApiClient, ApiResponse } from './support/api-client.js';
import { balanceOf, bulkUpsert, type ItemResult, registerProducts } from './support/api-steps.js';
import { describeE2e } from './support/describe-e2e.js';
import { expectData, expectError } from './support/expectations.js';
import { aProduct, anItem } from './support/request-builders.js';

const ROUNDS = 30;
/** A product every write also names; it is never deleted, so its items must always succeed. */
const NEIGHBOUR = 1;
const PRODUCT_NOT_FOUND = 80006;
/**
 * Neighbour items each bulk request carries, in warehouses of their own: validating and merging
 * them takes a few milliseconds between resolving the products and writing, the window a delete
 * has to slip into.
 */
const FILLER = 1500;

/** The clients of one race: four writers (bulk by id, bulk by sku, single create, CSV import), the deleter, a reader. */
interface RaceClients {
  readonly writers: readonly [ApiClient, ApiClient, ApiClient, ApiClient];
  /** The client that deletes in a round; several, so deletes come through every server of the race. */
  readonly deleters: readonly ApiClient[];
  readonly reader: ApiClient;
}

/** How one write request of a round ended for the raced product: written, or refused as not found. */
type Outcome = 'written' | 'not-found';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `request` after a random pause of 0–3 ms, so the requests of a round interleave differently every time. */
async function jittered<T>(request: () => Promise<T>): Promise<T> {
  await pause(Math.floor(Math.random() * 4));
  return request();
}

/** The writes of one round, each naming the raced product and the neighbour; a neighbour item must always succeed. */
function writesOf({ writers }: RaceClients, product: number, sku: string, round: number): (() => Promise<Outcome>)[] {
  const [byId, bySku, creator, importer] = writers;
  const bulk = (api: ApiClient, path: string, raced: Record<string, unknown>, neighbour: Record<string, unknown>, warehouses: number) => async (): Promise<Outcome> => {
    const fillers = Array.from({ length: FILLER }, (_, index) => anItem().with(neighbour).withQuantity(round).inWarehouse(warehouses + index).json());
    const results = expectData(await bulkUpsert(api, path, [anItem().with(raced).withQuantity(round).inWarehouse(warehouses).json(), ...fillers]));
    const failed = results.slice(1).filter((result) => !result.success);
    expect(failed, JSON.stringify(failed.slice(0, 3))).toEqual([]);
    return bulkOutcome(results[0]);
  };
  const create = async (): Promise<Outcome> => {
    const response = await creator.post(`/v2/products/id/${product}/inventory/local`, anItem().withQuantity(round).inWarehouse(3).json());
    if (response.status === 201) return 'written';
    expectError(response, 'PRODUCT_NOT_FOUND');
    return 'not-found';
  };
  const csv = async (): Promise<Outcome> => {
    const header = ['lookupKey', 'inventoryType', 'quantity', 'productId', 'warehouseId'];
    const rows = [header, ['id', 'local', String(round), String(product), '4'], ['id', 'local', String(round), String(NEIGHBOUR), '4']];
    const data = expectData(await importText(importer, csvText(rows)));
    if (data.importedCount === 2) return 'written';
    expect(data, 'only the raced row fails').toMatchObject({ importedCount: 1, errors: [{ code: 'VALIDATION', rowNumber: 1 }] });
    return 'not-found';
  };
  return [
    bulk(byId, 'id/local', { productId: product }, { productId: NEIGHBOUR }, 10_000),
    bulk(bySku, 'sku/local', { sku }, { sku: `SKU-${NEIGHBOUR}` }, 20_000),
    create,
    csv,
  ];
}

function bulkOutcome(result: ItemResult | undefined): Outcome {
  if (result?.success === true) return 'written';
  expect(result?.error?.code, JSON.stringify(result)).toBe(PRODUCT_NOT_FOUND);
  return 'not-found';
}

/** How many records name the product, read by search with `productIds`, which answers even for a deleted product. */
async function recordCount(api: ApiClient, product: number): Promise<number> {
  const response: ApiResponse<AnyEnvelope<AggregateJson[]>> = await api.post('/v2/inventory/search', { productIds: [product], expands: 'inventoryBalance' });
  return expectData(response)[0]?.balance?.length ?? 0;
}

/**
 * Rounds of one product delete against four writes naming that product (and a neighbour), all
 * at once. After each: the delete answered 200 and no record of the product exists, or it
 * answered 409 and every write that succeeded left its record beside its product — never both.
 */
async function raceRounds(clients: RaceClients): Promise<void> {
  const { writers, deleters, reader } = clients;
  await registerProducts(writers[0], aProduct(NEIGHBOUR));
  const tally = { deleted: 0, refused: 0 };
  for (let round = 1; round <= ROUNDS; round += 1) {
    const product = 100 + round;
    const sku = `RACE-${round}`;
    await registerProducts(writers[0], aProduct(product).withSku(sku));
    const deleter = deleters[round % deleters.length] as ApiClient;
    const [deleted, ...outcomes] = await Promise.all([jittered<unknown>(() => deleter.delete(`/v2/products/id/${product}`)), ...writesOf(clients, product, sku, round).map((write) => jittered<unknown>(write))]);
    const answer = deleted as ApiResponse;
    const records = await recordCount(reader, product);
    const context = `round ${round}: delete ${answer.status}, writes ${outcomes.join(', ')}, records ${records}`;
    if (answer.status === 200) {
      tally.deleted += 1;
      expect(outcomes.every((outcome) => outcome === 'not-found'), context).toBe(true);
      expect(records, context).toBe(0);
      expectError(await reader.get(`/v2/products/id/${product}`), 'PRODUCT_NOT_FOUND');
    } else {
      tally.refused += 1;
      expectError(answer, 'PRODUCT_HAS_INVENTORY');
      expect(records, context).toBe(outcomes.filter((outcome) => outcome === 'written').length);
      expect(records, context).toBeGreaterThan(0);
      expectData(await reader.get(`/v2/products/id/${product}`));
    }
  }
  // Every product search shows still exists, and the neighbour holds the last round's writes.
  const listed: ApiResponse<AnyEnvelope<AggregateJson[]>> = await reader.post('/v2/inventory/search', { offset: 1000 });
  for (const { productId } of expectData(listed)) expectData(await reader.get(`/v2/products/id/${productId}`));
  const neighbour = await balanceOf(reader, NEIGHBOUR);
  expect(neighbour).toHaveLength(2 * FILLER + 1);
  expect(neighbour.filter((record) => record.quantity !== ROUNDS)).toEqual([]);
  // Both sides must have won some rounds, or nothing raced.
  expect(tally.deleted, JSON.stringify(tally)).toBeGreaterThan(0);
  expect(tally.refused, JSON.stringify(tally)).toBeGreaterThan(0);
}

describeE2e('deleting a product while writes name it', (server) => {
  it('in every round either the delete wins and leaves no record, or a write wins and the delete answers 409', async () => {
    const { writer, writeOnly, reader } = server().tenant();
    await raceRounds({ writers: [writer, writeOnly, writer, writeOnly], deleters: [writer], reader });
  });
});

/**
 * One server process serialises its own SQLite writes in memory, so the race needs two processes
 * over one file: one resolves a product while the other deletes it.
 */
describe('deleting a product while writes name it, two server processes over one SQLite file', () => {
  const client = aClient('racer');
  let folder: string;
  let servers: ServerProcess[] = [];

  beforeAll(async () => {
    await buildServer();
    folder = await mkdtemp(join(tmpdir(), 'inventory-product-race-'));
    const env = { DATABASE_URL: `sqlite:${join(folder, 'inventory.db')}`, AUTH_CLIENTS: JSON.stringify([client]) };
    servers.push(await ServerProcess.start(env));
    servers.push(await ServerProcess.start(env));
  }, 180_000);

  afterAll(async () => {
    const codes = await Promise.all(servers.map((server) => server.stop()));
    servers = [];
    await rm(folder, { recursive: true, force: true });
    expect(codes).toEqual([0, 0]);
  });

  it('in every round either the delete wins and leaves no record, or a write wins and the delete answers 409', async () => {
    const [one, two] = await Promise.all(servers.map((server) => server.client(client)));
    if (one === undefined || two === undefined) throw new Error('two servers expected');
    await raceRounds({ writers: [one, two, one, two], deleters: [one, two], reader: one });
  });
});
