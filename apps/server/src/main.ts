#!/usr/bin/env node
import { runClientsCli } from './auth/run-clients-cli.js';
import { runImportCommand } from './csv/import-command.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createLogger } from './logging/create-logger.js';
import { runMigrations } from './lifecycle/run-migrations.js';
import { startServer } from './lifecycle/start-server.js';

const USAGE = `usage: node apps/server/dist/main.js [serve | migrate | clients … | import …]
  serve     migrate the database, then serve HTTP until SIGTERM / SIGINT (default)
  migrate   bring the database schema up to date and exit
  clients   manage OAuth clients: create --tenant T --scopes S1,S2 | list | revoke ID | rotate-secret ID
  import    import a CSV file into a tenant: import <file.csv> --tenant T [--mappings '<json>'] [--dry-run]
Configuration comes from environment variables; see README "Configuration".`;

/** The process entry: validates the configuration, runs one command, maps failures to exit codes. */
async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0] ?? 'serve';
  if (command === '--help' || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'serve' && command !== 'migrate' && command !== 'clients' && command !== 'import') {
    console.error(`unknown command '${command}'\n${USAGE}`);
    return 2;
  }
  const config = loadConfig(process.env);
  if (command === 'clients') return runClientsCli(config, argv.slice(1));
  if (command === 'import') return runImportCommand(config, argv.slice(1));
  if (command === 'migrate') {
    await runMigrations(config);
    return 0;
  }
  const logger = createLogger(config);
  const server = await startServer(config, { logger });
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'shutting down');
      process.once(signal, () => process.exit(1));
      void server.close().then(resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
