export { loadConfig, ConfigError } from './config/load-config.js';
export type { ServerConfig } from './config/server-config.js';
export { startServer, type RunningServer } from './lifecycle/start-server.js';
export { createServerContainer, type ServerOverrides } from './container/create-server-container.js';
export { createApp, type AppDeps } from './http/create-app.js';
export type { ServerPersistence } from './persistence/server-persistence.js';
