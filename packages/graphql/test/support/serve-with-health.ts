import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Subgraph } from '@inventory/graphql';

/** The subgraph at /graphql and a cheap /healthz beside it, over real HTTP on a loopback port. */
export async function serveWithHealth(subgraph: Subgraph): Promise<{ readonly base: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url === '/healthz') response.end('ok');
    else subgraph.requestListener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error === undefined ? resolve() : reject(error)))),
  };
}

/** Polls `url` back to back until `during` settles; answers the result and the longest wait for one poll. */
export async function pollWhile<T>(url: string, during: Promise<T>): Promise<{ readonly result: T; readonly longestPollMs: number; readonly polls: number }> {
  const state = { settled: false };
  let longestPollMs = 0;
  let polls = 0;
  const poller = (async () => {
    while (!state.settled) {
      const started = performance.now();
      await (await fetch(url)).text();
      longestPollMs = Math.max(longestPollMs, performance.now() - started);
      polls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    return { result: await during, longestPollMs, polls };
  } finally {
    state.settled = true;
    await poller;
  }
}
