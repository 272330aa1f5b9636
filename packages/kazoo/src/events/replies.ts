import { ConnectionError, TimeoutError, type SocketConnection } from '@pbxkit/core';
import { isObject } from '../client.js';

/** `{action: 'reply', request_id, status, data}`: blackhole's answer to a command. */
export interface BlackholeReply {
  request_id: string;
  status: 'success' | 'error';
  data: Record<string, unknown>;
}

interface Waiting {
  connection: SocketConnection;
  settle(reply: BlackholeReply): void;
  fail(error: Error): void;
}


/** Whether a frame is a reply (anything else is an event or noise). */
export const isReply = (message: Record<string, unknown>): boolean => message.action === 'reply' && typeof message.request_id === 'string';

/** The server's error strings of a reply (none for a success). */
export function errorsOf(reply: BlackholeReply): string[] {
  if (reply.status === 'success') return [];
  const errors = reply.data?.errors;
  return Array.isArray(errors) && errors.length > 0 ? errors.map(String) : ['blackhole answered with an error and no message'];
}

/**
 * Commands waiting for their reply, matched by `request_id` on the connection they were sent on. A reply
 * that does not come within the timeout rejects with `TimeoutError`; the end of a connection rejects what
 * waits on it.
 */
export class PendingReplies {
  readonly #waiting = new Map<string, Waiting>();
  readonly #timeoutMs: number;
  #lastId = 0;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  /** Sends `message` with a new `request_id` and resolves with the reply (whatever its status). */
  request(connection: SocketConnection, message: Record<string, unknown> & { action: string }): Promise<BlackholeReply> {
    const requestId = String(++this.#lastId);
    return new Promise<BlackholeReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(requestId);
        reject(new TimeoutError(`blackhole did not reply to ${message.action} within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.#waiting.delete(requestId);
      };
      this.#waiting.set(requestId, {
        connection,
        settle: (reply) => (done(), resolve(reply)),
        fail: (error) => (done(), reject(error)),
      });
      try {
        connection.send({ ...message, request_id: requestId });
      } catch (error) {
        this.#waiting.get(requestId)?.fail(error instanceof Error ? error : new ConnectionError(String(error)));
      }
    });
  }

  /** Hands a reply frame to the command that waits for it on that connection; others are ignored. */
  settle(connection: SocketConnection, message: Record<string, unknown>): void {
    const waiting = this.#waiting.get(String(message.request_id));
    if (waiting?.connection !== connection) return;
    const status = message.status === 'success' ? 'success' : 'error';
    waiting.settle({ request_id: String(message.request_id), status, data: isObject(message.data) ? message.data : {} });
  }

  /** Rejects every command waiting on `connection`. */
  failAll(connection: SocketConnection, error: Error): void {
    for (const waiting of [...this.#waiting.values()]) if (waiting.connection === connection) waiting.fail(error);
  }
}
