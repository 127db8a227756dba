import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { ConnectionDrain } from '../../src/lifecycle/connection-drain.js';
import { getOnNewConnection } from './support/fresh-connection.js';

/** Sends `count` requests on new connections when told to, then prints each status or error code. */
const CLIENTS = `
const http = require('node:http');
const [port, count] = process.argv.slice(1).map(Number);
process.stdout.write('ready\\n');
process.stdin.once('data', async () => {
  const answers = await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => { response.resume(); resolve(response.statusCode); });
    request.on('error', (error) => resolve(error.code));
    request.end();
  })));
  process.stdout.write(JSON.stringify(answers) + '\\n');
  process.exit(0);
});
`;

function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // the event loop is blocked, as by a long synchronous SQLite write
  }
}

it('connections that queued while the event loop was blocked are answered during the drain, not reset; afterwards new ones are refused', async () => {
  const draining = { now: false };
  const server = createServer((_req, res) => {
    res.statusCode = draining.now ? 503 : 200;
    res.end();
  });
  const connections = new ConnectionDrain(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const clients = spawn(process.execPath, ['-e', CLIENTS, String(port), '10']);
  const lines = createInterface({ input: clients.stdout })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('ready');
  clients.stdin.write('go\n');
  busyFor(400);
  draining.now = true;
  await connections.drain(5000);

  const answers = JSON.parse(String((await lines.next()).value)) as unknown[];
  expect(answers).toHaveLength(10);
  for (const answer of answers) expect([200, 503]).toContain(answer);
  expect(await getOnNewConnection(`http://127.0.0.1:${port}/`)).toBe('ECONNREFUSED');
});
