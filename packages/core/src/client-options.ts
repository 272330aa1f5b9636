import type { Logger, LogLevel } from './logger.js';
import type { RetryOptions } from './retry.js';
import type { TransportOptions } from './transport.js';

/** The options every pbxkit client takes beside its platform's own. */
export interface ClientOptions {
  /** Milliseconds each attempt may take. Default 60 000; 0 for no limit. */
  timeout?: number;
  /** Retry policy for calls that are safe to repeat; `false` turns retries off. Default: 2 retries. */
  retry?: Partial<RetryOptions> | false;
  /** Headers for every request. */
  headers?: Record<string, string>;
  /** A fetch to send with instead of `globalThis.fetch` (looked up at call time). */
  fetch?: TransportOptions['fetch'];
  /** Where to log each attempt (method, URL, status, time); secrets are redacted. */
  logger?: Logger;
  logLevel?: LogLevel;
}
