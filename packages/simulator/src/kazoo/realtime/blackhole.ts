import type { IncomingMessage } from 'node:http';
import { InvalidArgumentError } from '@pbxkit/kazoo';
import type { RawData, WebSocket } from 'ws';
import { isSendableCloseCode, type WebSocketEndpoint } from '../../framework/websocket.js';
import { isJsonObject, type Json } from '../documents.js';
import type { KazooStore } from '../store.js';
import { gregorianSeconds } from '../time.js';
import type { Tokens } from '../tokens.js';
import { amqpKey, bindingMatches, familyOf } from './bindings.js';
import { BlackholeSession, type Subscription } from './blackhole-session.js';
import type { EventContract } from './event-contract.js';

/** An event to deliver to the matching subscriptions. */
export interface BlackholePublication {
  /** The account the event belongs to. */
  accountId: string;
  /** The published binding, without wildcards: `call.CHANNEL_CREATE.<call id>`, `object.doc_created.user`. */
  binding: string;
  /** The frame's `name`: `CHANNEL_CREATE`, `doc_created`, ... */
  name: string;
  /** The frame's `data` (lower_snake keys). */
  data: Json;
}

/** A connected socket, for assertions. */
export interface BlackholeSocketInfo {
  socketId: string;
  /** The account of the token that authenticated it; undefined before the first valid token. */
  accountId: string | undefined;
  subscriptions: Subscription[];
}

/** What tests drive the blackhole with (`sim.blackhole`). */
export interface BlackholeControl {
  /** Sends the event to every socket subscription whose account and binding match it. */
  publish(publication: BlackholePublication): void;
  /** Cuts every socket without a close frame, as a network drop does; with a code, closes them cleanly with it. Returns how many there were. */
  dropConnections(code?: number): number;
  readonly connectionCount: number;
  subscriptions(): BlackholeSocketInfo[];
}

interface Connection {
  socket: WebSocket;
  session: BlackholeSession;
  source: string;
}

/** Where blackhole says it runs (`destination` of `GET /websockets` rows). */
const DESTINATION = 'blackhole@sim.pbxkit.test';

/**
 * Kazoo's blackhole on the simulator's port: every path outside the REST base path and `/__sim` (Kazoo
 * routes `'_'`). Connected sockets appear in `GET /accounts/{A}/websockets` once subscribed.
 */
export class Blackhole implements BlackholeControl {
  readonly #connections = new Set<Connection>();
  readonly #store: KazooStore;
  readonly #tokens: Tokens;
  readonly #contract: EventContract;
  readonly #now: () => number;

  constructor(store: KazooStore, tokens: Tokens, contract: EventContract, now: () => number) {
    this.#store = store;
    this.#tokens = tokens;
    this.#contract = contract;
    this.#now = now;
  }

  /** The WebSocket endpoint for `listen()`; `ownPaths` are the prefixes that stay HTTP-only. */
  endpoint(ownPaths: readonly string[]): WebSocketEndpoint {
    return {
      matches: (url) => !ownPaths.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`)),
      // Blackhole supports no sub-protocols (`blackhole_socket_handler:init/2`).
      refuse: (request) => (request.headers['sec-websocket-protocol'] === undefined ? undefined : 400),
      accept: (socket, request) => this.#accept(socket, request),
    };
  }

  get connectionCount(): number {
    return this.#connections.size;
  }

  subscriptions(): BlackholeSocketInfo[] {
    return [...this.#connections].map(({ session }) => ({ socketId: session.id, accountId: session.accountId, subscriptions: session.subscriptions.map((s) => ({ ...s })) }));
  }

  dropConnections(code?: number): number {
    if (code !== undefined && !isSendableCloseCode(code)) {
      throw new InvalidArgumentError('dropConnections() takes a close code a server may send: 1000-1014 but 1004-1006, or 3000-4999');
    }
    const dropped = this.#connections.size;
    for (const { socket } of [...this.#connections]) {
      if (code === undefined) socket.terminate();
      else socket.close(code, 'closed by the simulator');
    }
    return dropped;
  }

  publish(publication: BlackholePublication): void {
    assertPublication(publication);
    const { accountId, binding, name, data } = publication;
    this.#contract.blackholeData(familyOf(binding), data);
    const routingKey = amqpKey(accountId, binding, typeof data.id === 'string' ? data.id : undefined);
    for (const { socket, session } of this.#connections) {
      for (const subscription of session.subscriptions) {
        if ((subscription.accountId !== accountId && subscription.accountId !== '*') || !bindingMatches(subscription.binding, binding)) continue;
        const frame = {
          action: 'event',
          subscribed_key: subscription.binding,
          subscription_key: amqpKey(accountId, subscription.binding),
          name,
          routing_key: routingKey,
          data,
        };
        this.#contract.frame('BlackholeEvent', frame);
        send(socket, frame);
      }
    }
  }

  #accept(socket: WebSocket, request: IncomingMessage): void {
    const connection: Connection = { socket, session: new BlackholeSession(this.#store, this.#tokens), source: request.socket.remoteAddress ?? '' };
    this.#connections.add(connection);
    socket.on('message', (data: RawData) => {
      try {
        const reply = connection.session.receive(textOf(data));
        this.#contract.frame('BlackholeReply', reply);
        send(socket, reply);
        this.#list(connection);
      } catch (error) {
        this.#contract.failure('blackhole message', error);
      }
    });
    // A client that vanishes mid-frame is a normal end of the connection.
    socket.on('error', () => socket.terminate());
    socket.on('close', () => {
      this.#connections.delete(connection);
      this.#unlist(connection.session.id);
    });
  }

  /** Keeps the socket's row of `GET /accounts/{A}/websockets` current (listed under its token's account). */
  #list({ session, source }: Connection): void {
    this.#unlist(session.id);
    if (session.accountId === undefined || session.subscriptions.length === 0) return;
    this.#store.websockets.push({ websocket_session_id: session.id, account_id: session.accountId, bindings: session.bindings(), source, destination: DESTINATION, timestamp: gregorianSeconds(this.#now()) });
  }

  #unlist(sessionId: string): void {
    const index = this.#store.websockets.findIndex((row) => row.websocket_session_id === sessionId);
    if (index >= 0) this.#store.websockets.splice(index, 1);
  }
}

function send(socket: WebSocket, frame: object): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function textOf(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function assertPublication(publication: BlackholePublication): void {
  const input: unknown = publication;
  if (!isJsonObject(input)) throw new InvalidArgumentError('blackhole.publish() takes { accountId, binding, name, data }');
  for (const key of ['accountId', 'binding', 'name'] as const) {
    if (typeof input[key] !== 'string' || input[key] === '') throw new InvalidArgumentError(`blackhole.publish(): ${key} must be a non-empty string`);
  }
  if (publication.binding.split('.').includes('*')) throw new InvalidArgumentError('blackhole.publish(): binding is the published key, without * segments');
  if (!isJsonObject(input.data)) throw new InvalidArgumentError('blackhole.publish(): data must be an object');
}
