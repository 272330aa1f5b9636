import { ConnectionError } from './errors.js';
import type { OperationSpec } from './operation-spec.js';

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First backoff delay; doubles on every retry. */
  baseDelayMs: number;
  /** Longest backoff delay. */
  maxDelayMs: number;
  /** Longest `Retry-After` we honour; when the server asks for more, the call fails at once instead. */
  retryAfterCapMs: number;
  /** Response statuses worth another attempt. */
  statuses: readonly number[];
}

export const defaultRetry: RetryOptions = {
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  retryAfterCapMs: 60_000,
  statuses: [408, 429, 502, 503, 504],
};

/** Client options, then call options; `false` at either level turns retrying off for the call. */
export function retryPolicy(
  client: Partial<RetryOptions> | false | undefined,
  call: Partial<RetryOptions> | false | undefined,
): RetryOptions | undefined {
  return client === false || call === false ? undefined : { ...defaultRetry, ...client, ...call };
}

/**
 * Only calls that can be repeated without a second effect are retried, whatever the failure. PUT is not
 * among them by default: Kazoo creates resources with PUT. The spec marks the others `x-pbxkit-idempotent`.
 */
export const isRetryable = (spec: OperationSpec): boolean =>
  spec.idempotent || /^(GET|HEAD|OPTIONS|DELETE)$/.test(spec.method);

/** `Retry-After` in milliseconds from now: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isNaN(seconds) ? Date.parse(value) - now : seconds * 1000;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * How long to wait before retry number `retry` (0-based): the server's `Retry-After` when it sent one
 * (`undefined` when that exceeds the cap: do not retry), else exponential backoff with up to 25 % jitter.
 */
export function retryDelay(retry: number, response: Response | undefined, policy: RetryOptions): number | undefined {
  const asked = parseRetryAfter(response?.headers.get('retry-after'));
  if (asked !== undefined) return asked <= policy.retryAfterCapMs ? asked : undefined;
  return Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs) * (1 - Math.random() * 0.25);
}

/**
 * Runs `attempt` (given the 0-based attempt number) until it yields a response that is final under
 * `policy`, waiting with `wait` in between. Connection errors are retried; other errors end the call.
 * Without a policy the first outcome is final.
 */
export async function withRetries(
  attempt: (n: number) => Promise<Response>,
  policy: RetryOptions | undefined,
  wait: (ms: number, n: number) => Promise<void>,
): Promise<Response> {
  for (let n = 0; ; n++) {
    const last = !policy || n >= policy.maxRetries;
    let response: Response | undefined;
    try {
      response = await attempt(n);
    } catch (error) {
      if (last || !(error instanceof ConnectionError)) throw error;
    }
    if (response && (last || !policy.statuses.includes(response.status))) return response;
    const delay = retryDelay(n, response, policy!);
    if (delay === undefined) return response!;
    void response?.body?.cancel();
    await wait(delay, n);
  }
}
