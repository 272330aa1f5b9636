import { InvalidArgumentError, socketOptionProblems, type SocketOptions } from '@pbxkit/core';
import type { KazooSessionMethods } from '../client.js';

export interface KazooEventsOptions extends SocketOptions {
  /** Blackhole's WebSocket URL, e.g. `wss://kazoo.example.com:5556` (Kazoo's default ports: 5555 plain, 5556 TLS). */
  url: string;
  /** The account whose events to subscribe to (it or a descendant of the token's). Default: the session's account. */
  accountId?: string;
  /** How long a command waits for its reply (and for a connection), in ms (default 10,000). */
  requestTimeoutMs?: number;
  /** Where errors of listeners and of resubscriptions go (default `console.error`). */
  onError?: (error: unknown) => void;
}

const positive = (value: unknown): boolean => typeof value === 'number' && value > 0;
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

/** Throws `InvalidArgumentError` naming what is wrong with the client or the options. */
export function assertEventsOptions(kazoo: KazooSessionMethods, options: KazooEventsOptions): void {
  if (typeof kazoo !== 'object' || kazoo === null || typeof kazoo.authenticate !== 'function') {
    throw new InvalidArgumentError('createKazooEvents() takes a Kazoo client (from createKazooClient or composeKazooClient) first');
  }
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('createKazooEvents() needs options with a `url`');
  const { url, accountId, requestTimeoutMs, onError } = options;
  if (typeof url !== 'string' || !URL.canParse(url) || !/^wss?:$/.test(new URL(url).protocol)) {
    throw new InvalidArgumentError('`url` must be a ws:// or wss:// URL, e.g. ws://kazoo.example.com:5555');
  }
  if (!optional(accountId, (id) => typeof id === 'string' && id !== '')) throw new InvalidArgumentError('`accountId` must be a non-empty string');
  const [socketProblem] = socketOptionProblems(options);
  if (socketProblem) throw new InvalidArgumentError(socketProblem);
  if (!optional(requestTimeoutMs, positive)) throw new InvalidArgumentError('`requestTimeoutMs` must be a positive number');
  if (!optional(onError, (value) => typeof value === 'function')) throw new InvalidArgumentError('`onError` must be a function');
}
