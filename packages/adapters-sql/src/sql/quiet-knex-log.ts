import type { Knex } from 'knex';

const ignore = (): void => undefined;

/**
 * Knex would print warnings (such as every failed connection acquire) to the console, outside the
 * server's JSON logs; those failures already reach callers as errors, so knex stays quiet.
 */
export const quietKnexLog: Knex.Logger = { warn: ignore, error: ignore, deprecate: ignore, debug: ignore };
