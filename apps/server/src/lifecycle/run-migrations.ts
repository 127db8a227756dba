import type { ServerConfig } from '../config/server-config.js';
import { openPersistence } from '../persistence/open-persistence.js';

/** `main.js migrate`: brings the schema of `DATABASE_URL` up to date, then closes the database. */
export async function runMigrations(config: Pick<ServerConfig, 'databaseUrl'>): Promise<void> {
  const persistence = await openPersistence(config);
  try {
    await persistence.migrate();
  } finally {
    await persistence.close();
  }
}
