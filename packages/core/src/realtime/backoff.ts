/** How long to wait before reconnecting; `attempt` counts from 1. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms (default 500). */
  initialDelayMs?: number;
  /** The cap of the growing delay, in ms (default 30,000). */
  maxDelayMs?: number;
}

/**
 * Exponential backoff with "equal jitter": half the capped delay, plus a random share of the other half, so
 * that clients cut off together do not come back together.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const initial = options.initialDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  const delay = Math.min(cap, initial * 2 ** Math.min(attempt - 1, 30));
  return delay / 2 + random() * (delay / 2);
}
