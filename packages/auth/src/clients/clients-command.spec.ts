import { ManualClock } from '@inventory/core';
import { describe, expect, it } from 'vitest';
import { ClientAdmin } from './client-admin.js';
import { ClientVerifier } from './client-verifier.js';
import { runClientsCommand } from './clients-command.js';
import { MemoryClientStore } from '../memory/memory-client-store.js';

function setup() {
  const store = new MemoryClientStore();
  const admin = new ClientAdmin(store, new ManualClock('2025-06-01T12:00:00.000Z'));
  const printed: string[] = [];
  const run = (...args: string[]) => runClientsCommand(args, admin, (text) => printed.push(text));
  const credentialsIn = (text: string | undefined) => ({
    clientId: /client_id: +(\S+)/.exec(text ?? '')?.[1] ?? '',
    clientSecret: /client_secret: +(\S+)/.exec(text ?? '')?.[1] ?? '',
  });
  return { store, printed, run, credentialsIn, verifier: new ClientVerifier([], store) };
}

describe('clients command', () => {
  it('create prints working credentials once', async () => {
    const { printed, run, credentialsIn, verifier } = setup();
    expect(await run('create', '--tenant', 'acme', '--scopes', 'inventory:read,inventory:write')).toBe(0);
    const { clientId, clientSecret } = credentialsIn(printed[0]);
    expect(await verifier.verify(clientId, clientSecret)).toEqual({ clientId, tenant: 'acme', scopes: ['inventory:read', 'inventory:write'] });
  });

  it('list shows ids, tenants and scopes but no secret', async () => {
    const { printed, run, credentialsIn } = setup();
    await run('create', '--tenant', 'acme', '--scopes', 'inventory:read');
    const { clientId, clientSecret } = credentialsIn(printed[0]);
    expect(await run('list')).toBe(0);
    expect(printed[1]).toContain(`${clientId}\tacme\tinventory:read\t2025-06-01T12:00:00.000Z\tactive`);
    expect(printed[1]).not.toContain(clientSecret);
  });

  it('revoke stops a client and reports an unknown one', async () => {
    const { printed, run, credentialsIn, verifier } = setup();
    await run('create', '--tenant', 'acme', '--scopes', 'inventory:read');
    const { clientId, clientSecret } = credentialsIn(printed[0]);
    expect(await run('revoke', clientId)).toBe(0);
    expect(await verifier.verify(clientId, clientSecret)).toBeUndefined();
    expect(await run('revoke', clientId)).toBe(1);
    expect(await run('list')).toBe(0);
    expect(printed.at(-1)).toContain('revoked 2025-06-01T12:00:00.000Z');
  });

  it('rotate-secret prints a new secret that replaces the old one', async () => {
    const { printed, run, credentialsIn, verifier } = setup();
    await run('create', '--tenant', 'acme', '--scopes', 'inventory:read');
    const first = credentialsIn(printed[0]);
    expect(await run('rotate-secret', first.clientId)).toBe(0);
    const second = credentialsIn(printed[1]);
    expect(second.clientId).toBe(first.clientId);
    expect(await verifier.verify(first.clientId, first.clientSecret)).toBeUndefined();
    expect(await verifier.verify(second.clientId, second.clientSecret)).toBeDefined();
    expect(await run('rotate-secret', 'nobody')).toBe(1);
  });

  it.each([
    ['no action', []],
    ['an unknown action', ['delete', 'x']],
    ['create without tenant', ['create', '--scopes', 'inventory:read']],
    ['create without scopes', ['create', '--tenant', 'acme']],
    ['create with an unknown scope', ['create', '--tenant', 'acme', '--scopes', 'inventory:read,admin']],
    ['create with an unknown option', ['create', '--tenant', 'acme', '--scopes', 'inventory:read', '--secret', 'x']],
    ['revoke without id', ['revoke']],
    ['rotate-secret with two ids', ['rotate-secret', 'a', 'b']],
  ])('answers usage and exit code 2 for %s, changing nothing', async (_name, args) => {
    const { printed, run, store } = setup();
    expect(await run(...args)).toBe(2);
    expect(printed.join('\n')).toContain('Usage:');
    expect(await store.isEmpty()).toBe(true);
  });
});
