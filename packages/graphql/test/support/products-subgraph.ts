import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { buildFederatedSchema } from '../../src/schema/federation-schema.js';

/**
 * A catalog subgraph as another team would write it: it owns Product's other fields and declares
 * the key exactly as this subgraph does (`id: Int!`), which composition requires.
 */
export const PRODUCTS_SDL = /* GraphQL */ `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

type Product @key(fields: "id") {
  id: Int!
  name: String!
}

type Query {
  products: [Product!]!
}
`;

const CATALOG = [
  { id: 1, name: 'Widget' },
  { id: 2, name: 'Gadget' },
  { id: 3, name: 'Gizmo' },
];

export interface RunningSubgraph {
  readonly url: string;
  /** The Authorization headers the subgraph received, in order. */
  readonly authorizations: (string | undefined)[];
  stop(): Promise<void>;
}

/** Serves the catalog subgraph on an ephemeral loopback port (built like ours, served by yoga). */
export async function startProductsSubgraph(): Promise<RunningSubgraph> {
  const authorizations: (string | undefined)[] = [];
  const schema = buildFederatedSchema({
    typeDefs: PRODUCTS_SDL,
    resolvers: { Query: { products: () => CATALOG } },
    references: { Product: (representation) => CATALOG.find((product) => product.id === representation['id']) },
    maxEntities: 1000,
  });
  const yoga = createYoga({
    schema,
    logging: false,
    context: ({ request }) => {
      authorizations.push(request.headers.get('authorization') ?? undefined);
      return {};
    },
  });
  const server = createServer(yoga.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    authorizations,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error)))),
  };
}
