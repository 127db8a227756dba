// The bare baseline for reads: Express 5, jose verification of an ES256 bearer token on every
// request (no cache), and one raw SQL statement per request over the same database the service
// used. `/graphql` answers the federation `_entities` query with graphql-js itself (parse,
// validate, execute over a minimal schema) and one batched statement for all representations.
// Run as a child process by read.mjs with BASELINE_DATABASE_URL, BASELINE_PORT and BASELINE_JWK
// (public key) set.
import Database from 'better-sqlite3';
import express from 'express';
import { buildSchema, graphql } from 'graphql';
import { importJWK, jwtVerify } from 'jose';
import pg from 'pg';

const AGGREGATE = `select product_id,
  sum(case when supplier = 'INTERN' and company_id = 0 then quantity else 0 end) as local_quantity,
  sum(case when supplier = 'INTERN' and company_id <> 0 then quantity else 0 end) as local_reserved,
  sum(case when supplier <> 'INTERN' and company_id = 0 then quantity else 0 end) as supplier_quantity,
  sum(case when supplier <> 'INTERN' and company_id <> 0 then quantity else 0 end) as supplier_reserved,
  min(case when next_delivery_date >= $today then next_delivery_date end) as next_delivery_date
  from inventory where tenant = $tenant`;

const url = process.env.BASELINE_DATABASE_URL;
const key = await importJWK(JSON.parse(process.env.BASELINE_JWK), 'ES256');
const query = url.startsWith('sqlite:') ? sqliteQueries(url.slice('sqlite:'.length)) : postgresQueries(url);

const app = express();
app.use(express.json());
app.use(async (req, res, next) => {
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  try {
    const { payload } = await jwtVerify(token ?? '', key, { algorithms: ['ES256'], issuer: 'bench', audience: 'bench' });
    req.tenant = payload.tenant;
    next();
  } catch {
    res.status(401).json({ error: { code: 10001, status: 401, type: 'Unauthorized', messages: ['invalid token'] } });
  }
});
app.get('/v2/products/id/:id/inventory', async (req, res) => {
  const row = await query.aggregate(req.tenant, Number(req.params.id));
  res.json({ data: [present(Number(req.params.id), row)], messages: [], total: 1 });
});
app.post('/v2/inventory/search', async (req, res) => {
  const page = Number(req.query.page ?? 1);
  const size = Number(req.query.offset ?? 12);
  const { rows, count } = await query.search(req.tenant, page, size);
  res.json({ data: rows.map((row) => present(row.product_id, row)), messages: ['Completed'], total: rows.length, page, offset: size, itemsFound: count, pages: Math.ceil(count / size) });
});
const schema = buildSchema(`
  scalar _Any
  type ProductInventory { productId: Int! totalQuantity: Int! totalReservedQuantity: Int! localQuantity: Int! localReservedQuantity: Int! supplierQuantity: Int! supplierReservedQuantity: Int! nextDeliveryDate: String }
  type Product { id: Int! inventory: ProductInventory! }
  union _Entity = Product
  type Query { _entities(representations: [_Any!]!): [_Entity]! }
`);
const root = {
  // One statement for every representation of the request, like the service's per-request batch.
  async _entities({ representations }, request) {
    const ids = representations.map((representation) => representation.id);
    const rows = new Map((await query.aggregates(request.tenant, ids)).map((row) => [Number(row.product_id), row]));
    return ids.map((id) => ({ __typename: 'Product', id, inventory: present(id, rows.get(id)) }));
  },
};
app.post('/graphql', async (req, res) => {
  res.json(await graphql({ schema, source: req.body.query, variableValues: req.body.variables, rootValue: root, contextValue: req }));
});
const server = app.listen(Number(process.env.BASELINE_PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));

function present(productId, row) {
  const local = Number(row?.local_quantity ?? 0);
  const supplier = Number(row?.supplier_quantity ?? 0);
  const localReserved = Number(row?.local_reserved ?? 0);
  const supplierReserved = Number(row?.supplier_reserved ?? 0);
  const date = row?.next_delivery_date ?? null;
  return { productId, totalQuantity: local + supplier, totalReservedQuantity: localReserved + supplierReserved, localQuantity: local, localReservedQuantity: localReserved, supplierQuantity: supplier, supplierReservedQuantity: supplierReserved, nextDeliveryDate: date instanceof Date ? date.toISOString() : date };
}

function today() {
  return `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
}

function sqliteQueries(file) {
  const db = new Database(file, { readonly: true });
  const aggregate = db.prepare(`${AGGREGATE.replaceAll('$today', '@today').replaceAll('$tenant', '@tenant')} and product_id = @id group by product_id`);
  const page = db.prepare(`${AGGREGATE.replaceAll('$today', '@today').replaceAll('$tenant', '@tenant')} group by product_id order by product_id limit @limit offset @skip`);
  const many = db.prepare(`${AGGREGATE.replaceAll('$today', '@today').replaceAll('$tenant', '@tenant')} and product_id in (select value from json_each(@ids)) group by product_id`);
  const count = db.prepare('select count(distinct product_id) as n from inventory where tenant = ?');
  return {
    aggregate: async (tenant, id) => aggregate.get({ tenant, id, today: today() }),
    aggregates: async (tenant, ids) => many.all({ tenant, ids: JSON.stringify(ids), today: today() }),
    search: async (tenant, pageNumber, size) => ({ rows: page.all({ tenant, today: today(), limit: size, skip: (pageNumber - 1) * size }), count: count.get(tenant).n }),
  };
}

function postgresQueries(connectionString) {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const sql = AGGREGATE.replaceAll('$today', '$1::timestamptz').replaceAll('$tenant', '$2');
  return {
    aggregate: async (tenant, id) => (await pool.query(`${sql} and product_id = $3 group by product_id`, [today(), tenant, id])).rows[0],
    aggregates: async (tenant, ids) => (await pool.query(`${sql} and product_id = any($3::int[]) group by product_id`, [today(), tenant, ids])).rows,
    search: async (tenant, pageNumber, size) => {
      const [rows, count] = await Promise.all([
        pool.query(`${sql} group by product_id order by product_id limit $3 offset $4`, [today(), tenant, size, (pageNumber - 1) * size]),
        pool.query('select count(distinct product_id)::int as n from inventory where tenant = $1', [tenant]),
      ]);
      return { rows: rows.rows, count: count.rows[0].n };
    },
  };
}
