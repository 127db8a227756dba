import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/** A catalog subgraph as another team would write it: it owns Product's other fields. */
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

/** Serves the catalog subgraph on an ephemeral loopback port. */
export async function startProductsSubgraph(): Promise<RunningSubgraph> {
  const authorizations: (string | undefined)[] = [];
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(PRODUCTS_SDL),
      resolvers: {
        Query: { products: () => CATALOG },
        Product: { __resolveReference: (reference: { id: number }) => CATALOG.find((product) => product.id === reference.id) },
      },
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: '127.0.0.1', port: 0 },
    context: ({ req }) => {
      authorizations.push(req.headers.authorization);
      return Promise.resolve({});
    },
  });
  return { url, authorizations, stop: () => server.stop() };
}
