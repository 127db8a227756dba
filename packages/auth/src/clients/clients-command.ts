import { SCOPES, type Scope } from '@inventory/core';
import { parseArgs } from 'node:util';
import type { ClientAdmin, ClientSummary, IssuedCredentials } from './client-admin.js';

export const CLIENTS_USAGE = `Usage:
  clients create --tenant <tenant> --scopes inventory:read[,inventory:write]
  clients list
  clients revoke <client-id>
  clients rotate-secret <client-id>
Manages the clients registered in the database; clients from AUTH_CLIENTS are configured, not listed.`;

/** Exit codes: 0 done, 1 no such (active) client, 2 bad usage. */
export type CommandExit = 0 | 1 | 2;

/**
 * The `clients` server command: `args` are the words after `clients`. Secrets go to `print` once
 * (the operator's terminal), never to a log.
 */
export async function runClientsCommand(args: readonly string[], admin: ClientAdmin, print: (text: string) => void): Promise<CommandExit> {
  const [action, ...rest] = args;
  switch (action) {
    case 'create':
      return create(rest, admin, print);
    case 'list':
      print(listing(await admin.list()));
      return 0;
    case 'revoke':
      return withClientId(rest, print, async (clientId) => {
        const revoked = await admin.revoke(clientId);
        print(revoked ? `Revoked ${clientId}; its tokens stay valid until they expire (30 minutes at most).` : `No active client ${clientId}.`);
        return revoked ? 0 : 1;
      });
    case 'rotate-secret':
      return withClientId(rest, print, async (clientId) => {
        const credentials = await admin.rotateSecret(clientId);
        print(credentials === undefined ? `No active client ${clientId}.` : credentialsText(credentials));
        return credentials === undefined ? 1 : 0;
      });
    case undefined:
    default:
      print(CLIENTS_USAGE);
      return 2;
  }
}

async function create(args: readonly string[], admin: ClientAdmin, print: (text: string) => void): Promise<CommandExit> {
  const values = createOptions(args);
  if (values === undefined) {
    print(CLIENTS_USAGE);
    return 2;
  }
  const scopes = (values.scopes ?? '').split(',').filter((word) => word.length > 0);
  const unknown = scopes.filter((word) => !(SCOPES as readonly string[]).includes(word));
  if (values.tenant === undefined || values.tenant.length === 0 || values.tenant.length > 128 || scopes.length === 0 || unknown.length > 0) {
    print(`${unknown.length > 0 ? `Unknown scope: ${unknown.join(', ')}\n` : ''}${CLIENTS_USAGE}`);
    return 2;
  }
  const credentials = await admin.create(values.tenant, scopes as Scope[]);
  if (credentials === undefined) throw new Error('a freshly generated client id was already taken');
  print(credentialsText(credentials));
  return 0;
}

function createOptions(args: readonly string[]): { tenant?: string | undefined; scopes?: string | undefined } | undefined {
  try {
    return parseArgs({ args: [...args], options: { tenant: { type: 'string' }, scopes: { type: 'string' } }, strict: true }).values;
  } catch {
    return undefined;
  }
}

async function withClientId(args: readonly string[], print: (text: string) => void, act: (clientId: string) => Promise<CommandExit>): Promise<CommandExit> {
  const [clientId, ...extra] = args;
  if (clientId === undefined || extra.length > 0) {
    print(CLIENTS_USAGE);
    return 2;
  }
  return act(clientId);
}

function credentialsText({ clientId, clientSecret }: IssuedCredentials): string {
  return `client_id:     ${clientId}\nclient_secret: ${clientSecret}\nThe secret is shown only this once.`;
}

function listing(clients: readonly ClientSummary[]): string {
  if (clients.length === 0) return 'No registered clients.';
  return clients
    .map((client) => [client.clientId, client.tenant, client.scopes.join(','), client.createdAt, client.revokedAt === null ? 'active' : `revoked ${client.revokedAt}`].join('\t'))
    .join('\n');
}
