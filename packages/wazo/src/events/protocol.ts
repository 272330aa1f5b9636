/** wazo-websocketd's protocol version 2: the client's commands, the server's frames and close codes. */
import { isObject } from '../errors.js';
import type { WebsocketdCommand } from '../generated/websocketd/models.js';
import { WebsocketdProtocolError } from './errors.js';

export const commands = {
  subscribe: (eventName: string) => ({ op: 'subscribe', data: { event_name: eventName } }),
  start: () => ({ op: 'start' }),
  /** Swaps the socket's token for a renewed one, before the old one expires (else 4003). */
  token: (token: string) => ({ op: 'token', data: { token } }),
  ping: () => ({ op: 'ping', data: { payload: 'pbxkit' } }),
} satisfies Record<string, (value: string) => WebsocketdCommand>;

/** A server frame: `{op, code, data}` (v2 never says `msg`). */
export interface ServerFrame {
  op: string;
  code: number;
  data: unknown;
}

export function readFrame(message: unknown): ServerFrame | undefined {
  if (!isObject(message) || typeof message.op !== 'string') return undefined;
  return { op: message.op, code: typeof message.code === 'number' ? message.code : 0, data: message.data };
}

/** The close codes that refuse the token: websocketd got none, could not authenticate it, or it expired. */
export const TOKEN_REFUSALS: Readonly<Record<number, string>> = {
  4001: 'no token',
  4002: 'authentication failed',
  4003: 'authentication expired',
};

/** An unknown op, a malformed frame or an unsupported protocol version. */
export const PROTOCOL_ERROR = 4004;

/**
 * The reply the handshake waits for (`init`, then `start`). One connection shakes hands at a time, and
 * frames of a connection that ended never arrive, so one waiter is enough.
 */
export class HandshakeReplies {
  #waiter: { op: string; resolve(): void; reject(error: Error): void } | undefined;

  /** Resolves when the server sends `op` with code 0; rejects with `WebsocketdProtocolError` on a failure code. */
  next(op: string): Promise<void> {
    return new Promise((resolve, reject) => (this.#waiter = { op, resolve, reject }));
  }

  /** Settles the wait that `frame` answers, if any. */
  settle(frame: ServerFrame): void {
    const waiter = this.#waiter;
    if (waiter?.op !== frame.op) return;
    this.#waiter = undefined;
    if (frame.code === 0) waiter.resolve();
    else waiter.reject(new WebsocketdProtocolError(`websocketd answered ${frame.op} with failure code ${frame.code}`));
  }
}
