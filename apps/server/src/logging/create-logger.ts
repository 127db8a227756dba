import { pino, type DestinationStream, type Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';

/**
 * JSON logs (pino). Requests are logged without headers, so bearer tokens never reach a log;
 * the redaction list is a second wall for anything that logs an object carrying them.
 */
export function createLogger(config: Pick<ServerConfig, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    base: { service: 'inventory' },
    redact: {
      paths: ['authorization', '*.authorization', '*.headers.authorization', 'clientSecret', '*.clientSecret', '*.*.clientSecret', 'password', '*.password'],
      censor: '[redacted]',
    },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
