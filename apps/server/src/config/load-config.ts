import { envSchema } from './env-schema.js';
import { toServerConfig, type ServerConfig } from './server-config.js';

/** A configuration problem; its message names every bad variable and never echoes a value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates the environment at start (docs/configuration.md). Empty variables count as unset, so
 * `PORT= pnpm start` means the default rather than an error.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return toServerConfig(parsed.data);
}
