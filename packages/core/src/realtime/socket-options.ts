import type { ReconnectOptions } from './reconnecting-socket.js';

/** A protocol ping after `intervalMs` of silence, the connection replaced when nothing answers within `timeoutMs`; `false`: no pings. */
export type KeepAliveSetting = { intervalMs: number; timeoutMs: number } | false;

/** The socket options every events client takes. */
export interface SocketOptions {
  /** A WebSocket class; default: the global one (browsers, Node 22+), else the `ws` package (Node 20). */
  WebSocket?: unknown;
  /** Backoff between reconnections (equal jitter, default 0.5 s doubling up to 30 s) and how many in a row. */
  reconnect?: ReconnectOptions;
  /** Default `{ intervalMs: 30_000, timeoutMs: 10_000 }`; `false` relies on the server's own pings. */
  keepAlive?: KeepAliveSetting;
}

export const DEFAULT_KEEP_ALIVE = { intervalMs: 30_000, timeoutMs: 10_000 };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const positive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;
const notNegative = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const attempts = (value: unknown) => value === Infinity || (Number.isInteger(value) && (value as number) >= 0);

/** What is wrong with the socket options: one message per bad option, each naming it; empty when all is well. */
export function socketOptionProblems({ WebSocket, reconnect, keepAlive }: SocketOptions): string[] {
  const backoffFine =
    reconnect === undefined ||
    (isRecord(reconnect) && optional(reconnect.initialDelayMs, notNegative) && optional(reconnect.maxDelayMs, notNegative) && optional(reconnect.maxAttempts, attempts));
  const keepAliveFine = optional(keepAlive, (value) => value === false || (isRecord(value) && positive(value.intervalMs) && positive(value.timeoutMs)));
  return [
    optional(WebSocket, (value) => typeof value === 'function') || '`WebSocket` must be a WebSocket class, e.g. the one from the `ws` package',
    backoffFine || '`reconnect` is { initialDelayMs?, maxDelayMs? } (0 or more ms) and { maxAttempts? } (a whole number or Infinity)',
    keepAliveFine || '`keepAlive` is false or { intervalMs, timeoutMs } in ms, both more than 0',
  ].filter((problem): problem is string => problem !== true);
}
