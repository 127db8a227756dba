import type { Env } from './env-schema.js';

/** The server's validated configuration, grouped by concern. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly auth: {
    readonly clients: NonNullable<Env['AUTH_CLIENTS']>;
    readonly issuer: string;
    readonly audience: string;
    readonly jwksUrl: string | undefined;
    readonly tenantClaim: string;
  };
  readonly limits: { readonly bulkMaxItems: number; readonly bodyLimitBytes: number };
  readonly logLevel: Env['LOG_LEVEL'];
  readonly corsOrigins: readonly string[];
  readonly production: boolean;
}

/** The built-in issuer's `iss` and `aud` unless AUTH_ISSUER / AUTH_AUDIENCE say otherwise. */
const DEFAULT_ISSUER = 'inventory-service';
const DEFAULT_AUDIENCE = 'inventory-api';

export function toServerConfig(env: Env): ServerConfig {
  return {
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    auth: {
      clients: env.AUTH_CLIENTS ?? [],
      issuer: env.AUTH_ISSUER ?? DEFAULT_ISSUER,
      audience: env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE,
      jwksUrl: env.AUTH_JWKS_URL,
      tenantClaim: env.AUTH_TENANT_CLAIM,
    },
    limits: { bulkMaxItems: env.BULK_MAX_ITEMS, bodyLimitBytes: env.BODY_LIMIT },
    logLevel: env.LOG_LEVEL,
    corsOrigins: env.CORS_ORIGINS,
    production: env.NODE_ENV === 'production',
  };
}
