import type { RetryOptions } from './retry.js';

/** Options every client method accepts beside its `path`, `query` and `body`. */
export interface RequestOptions {
  /** Abort the call (and any retry wait) with this signal; the call rejects with `AbortError`. */
  signal?: AbortSignal;
  /** Milliseconds each attempt may take before it fails with `TimeoutError` (0: no limit); overrides the client's. */
  timeout?: number;
  /** Retry policy for this call; `false` turns retries off; overrides the client's. */
  retry?: Partial<RetryOptions> | false;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** What the transport receives for one call: the method's input object. */
export interface CallInput extends RequestOptions {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}
