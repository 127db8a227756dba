import { DEFAULT_TOKEN_ATTEMPT_LIMITS, MIN_STATIC_SECRET_LENGTH, REGISTERED_CLAIMS } from '@inventory/auth';
import { SCOPES } from '@inventory/core';
import { z } from 'zod';

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be an integer from ${min} to ${max}`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `must be an integer from ${min} to ${max}`);

const staticClients = z.array(
  z.strictObject({
    clientId: z.string().min(1),
    clientSecret: z.string().min(MIN_STATIC_SECRET_LENGTH, `must be at least ${MIN_STATIC_SECRET_LENGTH} characters`),
    tenant: z.string().min(1).max(128),
    scopes: z.array(z.enum(SCOPES)).min(1),
  }),
);

/** AUTH_CLIENTS is JSON text; its values (secrets) never appear in an error message. */
const jsonClients = z.string().transform((text, context) => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    context.addIssue({ code: 'custom', message: 'must be a JSON array of {"clientId","clientSecret","tenant","scopes"}' });
    return z.NEVER;
  }
  const parsed = staticClients.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    const short = parsed.error.issues.some((issue) => issue.path.at(-1) === 'clientSecret' && issue.code === 'too_small');
    const hint = short ? `; each clientSecret needs at least ${MIN_STATIC_SECRET_LENGTH} characters` : '';
    context.addIssue({ code: 'custom', message: `must be a JSON array of {"clientId","clientSecret","tenant","scopes"} (bad: ${where})${hint}` });
    return z.NEVER;
  }
  return parsed.data;
});

/** PUBLIC_URL: where clients reach the service; a base URL, so no query, fragment or credentials. */
const publicUrl = z
  .url({ protocol: /^https?$/ })
  .refine((text) => {
    if (!URL.canParse(text)) return true;
    const url = new URL(text);
    return url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, 'must be an http(s) base URL without query, fragment or credentials');

const origin = z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin must look like https://host[:port]');

/**
 * The environment variables of docs/configuration.md (PUBLIC_URL, the token endpoint's throttling,
 * BODY_LIMIT, LOG_LEVEL, CORS_ORIGINS, the search page size, the CSV import and GraphQL document
 * limits, the database pool and timeouts, the request timeout, idempotency and the shutdown drain
 * time among them), each with its default. Unknown variables are ignored: the environment
 * holds much else. An external issuer (AUTH_JWKS_URL) needs its AUTH_ISSUER and AUTH_AUDIENCE
 * spelled out; the built-in one defaults them.
 */
export const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65_535).default(8080),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<file> or postgres://…')
    .default('sqlite:./data/inventory.db'),
  PUBLIC_URL: publicUrl.optional(),
  AUTH_CLIENTS: jsonClients.optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_TENANT_CLAIM: z
    .string()
    .min(1)
    .default('tenant')
    .refine((claim) => !REGISTERED_CLAIMS.includes(claim), `must not be one of the claims the issuer sets (${REGISTERED_CLAIMS.join(', ')})`),
  AUTH_TOKEN_FAILURES_PER_ADDRESS: integer(1, 1_000_000).default(DEFAULT_TOKEN_ATTEMPT_LIMITS.perAddress),
  AUTH_TOKEN_FAILURES_PER_CLIENT: integer(1, 1_000_000).default(DEFAULT_TOKEN_ATTEMPT_LIMITS.perClient),
  AUTH_TOKEN_FAILURE_WINDOW_SECONDS: integer(1, 86_400).default(DEFAULT_TOKEN_ATTEMPT_LIMITS.windowSeconds),
  BULK_MAX_ITEMS: integer(1, 1_000_000).default(10_000),
  BODY_LIMIT: integer(1024, 1_073_741_824).default(4 * 1024 * 1024),
  SEARCH_MAX_PAGE_SIZE: integer(1, 1000).default(1000),
  CSV_MAX_BYTES: integer(1, 1_099_511_627_776).default(100 * 1024 * 1024),
  CSV_MAX_ROWS: integer(1, 1_000_000_000).default(1_000_000),
  // Capped at 1 MiB: one row of that size already costs fast-csv about a second of event loop.
  CSV_MAX_ROW_BYTES: integer(256, 1_048_576).default(64 * 1024),
  GRAPHQL_MAX_DEPTH: integer(2, 100).default(10),
  GRAPHQL_MAX_ALIASES: integer(0, 1000).default(30),
  GRAPHQL_MAX_COST: integer(1, 1_000_000).default(5000),
  DATABASE_POOL_MAX: integer(1, 1000).default(10),
  DATABASE_ACQUIRE_TIMEOUT_MS: integer(50, 600_000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: integer(50, 3_600_000).default(15_000),
  SQLITE_BUSY_TIMEOUT_MS: integer(0, 600_000).default(5000),
  SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(10_000),
  IDEMPOTENCY_TTL_SECONDS: integer(1, 31_536_000).default(86_400),
  HOLD_MAX_SECONDS: integer(1, 31_536_000).default(604_800),
  REQUEST_TIMEOUT_MS: integer(100, 3_600_000).default(300_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
    .pipe(z.array(origin)),
  NODE_ENV: z.string().optional(),
}).superRefine((env, context) => {
  if (env.AUTH_JWKS_URL === undefined) return;
  for (const name of ['AUTH_ISSUER', 'AUTH_AUDIENCE'] as const) {
    if (env[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: 'is required when AUTH_JWKS_URL is set: it must equal the external tokens’ claim' });
  }
});

export type Env = z.output<typeof envSchema>;
