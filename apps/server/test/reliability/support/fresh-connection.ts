import { request } from 'node:http';

/**
 * A GET on a brand-new TCP connection (no keep-alive pool), resolving with the status or the
 * socket error code, e.g. `ECONNREFUSED`.
 */
export function getOnNewConnection(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const outgoing = request(url, { agent: false, timeout: 5000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    outgoing.end();
  });
}
