import { SCOPES } from '@inventory/core';
import type { AuthSettings } from '../auth-settings.js';
import type { ClientAdmin, IssuedCredentials } from './client-admin.js';
import type { ClientStore } from '../ports/client-store.js';

/** A fixed id, so two processes starting on one fresh database create the first client only once. */
export const FIRST_CLIENT_ID = 'local-default';
export const FIRST_CLIENT_TENANT = 'default';

/**
 * On a fresh install of the built-in issuer (no static client, none in the database), creates one
 * client for tenant `default` with every scope. Answers its credentials only to the process that
 * created it, so they are shown once.
 */
export async function createFirstClientIfNone(settings: AuthSettings, store: ClientStore, admin: ClientAdmin): Promise<IssuedCredentials | undefined> {
  if (settings.jwksUrl !== undefined || settings.clients.length > 0) return undefined;
  if (!(await store.isEmpty())) return undefined;
  return admin.create(FIRST_CLIENT_TENANT, SCOPES, FIRST_CLIENT_ID);
}

/** The text printed once to the console (never to the logs) when the first client was created. */
export function firstClientNotice(credentials: IssuedCredentials, tokenUrl: string): string {
  return [
    '',
    `No OAuth client existed, so one was created for tenant "${FIRST_CLIENT_TENANT}" with inventory:read and inventory:write.`,
    'Its secret is shown only this once; store it now (new ones: `clients rotate-secret`).',
    `  client_id:     ${credentials.clientId}`,
    `  client_secret: ${credentials.clientSecret}`,
    'Get a token:',
    `  curl -s -u '${credentials.clientId}:${credentials.clientSecret}' -d grant_type=client_credentials ${tokenUrl}`,
    '',
  ].join('\n');
}
