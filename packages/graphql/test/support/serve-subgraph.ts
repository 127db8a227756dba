import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subgraph } from '@inventory/graphql';

/** Serves a subgraph over real HTTP on an ephemeral loopback port. */
export async function serveSubgraph(subgraph: Subgraph): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = createServer(subgraph.requestListener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error)))),
  };
}
