import {
  AuthenticationError,
  ConnectionError,
  DEFAULT_KEEP_ALIVE,
  InvalidArgumentError,
  Listeners,
  PbxkitError,
  ReconnectingSocket,
  TimeoutError,
  type SocketConnection,
  type SocketState,
  type SocketStatus,
  type SocketVerdict,
} from '@pbxkit/core';
import { isObject, type KazooSessionMethods } from '../client.js';
import {
  assertBinding,
  assertEventKey,
  familyOfEvent,
  patternsOfFamily,
  type KazooBinding,
  type KazooEvent,
  type KazooEventFor,
  type KazooEventKey,
} from './bindings.js';
import { BlackholeError, isTokenRefusal, tokenRefused, withoutToken } from './errors.js';
import { assertEventsOptions, type KazooEventsOptions } from './options.js';
import { errorsOf, isReply, PendingReplies, type BlackholeReply } from './replies.js';
import { CommandTokens } from './tokens.js';

/** One `subscribe()` call: its bindings and its listener. */
export interface KazooSubscription {
  readonly bindings: readonly string[];
  /** Removes the listener, and unsubscribes each binding no other subscription holds. */
  unsubscribe(): Promise<void>;
}

/** A client of Kazoo's blackhole: subscriptions that survive reconnections, typed events. */
export interface KazooEvents {
  /** Opens the connection (authenticating the REST client first when it has no token). */
  connect(): Promise<void>;
  /** Closes for good. */
  close(): Promise<void>;
  readonly state: SocketState | 'idle';
  /** The bindings subscribed now; each is subscribed again on every new connection. */
  readonly bindings: readonly string[];
  /**
   * Subscribes to each binding (one `subscribe` message per binding). Resolves when blackhole accepted every
   * one; otherwise rejects with `BlackholeError` (the server's `errors`), or `AuthenticationError` when the token
   * is refused and no other can be had, leaving none of them newly subscribed.
   */
  subscribe<const B extends KazooBinding>(bindings: B | readonly B[], listener?: (event: KazooEventFor<B>) => void): Promise<KazooSubscription>;
  /** Unsubscribes the bindings, whichever subscriptions hold them, and removes their subscriptions' listeners. */
  unsubscribe(bindings: KazooBinding | readonly KazooBinding[]): Promise<void>;
  /**
   * Listens to the events of a binding (`call.CHANNEL_CREATE.*`: what that subscription delivers) or of a
   * family (`call.CHANNEL_CREATE`, `call.*`: what every subscription delivers, once per subscription that
   * matches). Returns the function that removes the listener.
   */
  on<const K extends KazooEventKey>(key: K, listener: (event: KazooEventFor<K>) => void): () => void;
  /** Connection states: connecting, open, reconnecting (with the attempt and why), closed (with why, if not by `close()`). */
  onStatus(listener: (status: SocketStatus) => void): () => void;
}


/** A `subscribe()` call's hold on its bindings: the listener's removers, by binding. */
type Hold = Map<string, () => void>;

/** The connection in use and whether blackhole has taken a token on it. */
interface Current {
  connection: SocketConnection;
  authenticated: boolean;
}

/**
 * A client of Kazoo's blackhole WebSocket (`ws://host:5555`) for a Kazoo REST client, whose token every
 * command carries: `const events = createKazooEvents(kazoo, { url })`, `await events.connect()`,
 * `await events.subscribe('call.CHANNEL_CREATE.*', (event) => event.data.call_id)`.
 */
export function createKazooEvents(kazoo: KazooSessionMethods, options: KazooEventsOptions): KazooEvents {
  assertEventsOptions(kazoo, options);
  return new BlackholeClient(kazoo, options);
}

class BlackholeClient implements KazooEvents {
  readonly #kazoo: KazooSessionMethods;
  readonly #options: KazooEventsOptions;
  readonly #tokens: CommandTokens;
  readonly #replies: PendingReplies;
  readonly #socket: ReconnectingSocket;
  readonly #events: Listeners<Record<string, KazooEvent>>;
  readonly #statuses: Listeners<{ status: SocketStatus }>;
  /** Subscribed bindings and the subscriptions that hold them. */
  readonly #holds = new Map<string, Set<Hold>>();
  /** Woken at every state change, by commands waiting for an open connection. */
  readonly #waiters = new Set<() => void>();
  readonly #sink: (error: unknown) => void;
  #current: Current | undefined;
  #stopped: Error | undefined;

  constructor(kazoo: KazooSessionMethods, options: KazooEventsOptions) {
    this.#kazoo = kazoo;
    this.#options = options;
    this.#sink = options.onError ?? ((error: unknown) => console.error(error));
    this.#events = new Listeners(this.#sink);
    this.#statuses = new Listeners(this.#sink);
    this.#tokens = new CommandTokens(kazoo);
    this.#replies = new PendingReplies(options.requestTimeoutMs ?? 10_000);
    const keepAlive = options.keepAlive === false ? undefined : (options.keepAlive ?? DEFAULT_KEEP_ALIVE);
    this.#socket = new ReconnectingSocket({
      url: () => options.url,
      WebSocket: options.WebSocket,
      reconnect: options.reconnect,
      keepAlive: keepAlive && { ...keepAlive, ping: (connection) => this.#ping(connection) },
      handshake: (connection) => this.#resubscribe(connection),
      onMessage: (message, connection) => this.#receive(message, connection),
      // A refused token stays refused: reconnecting would only loop.
      judge: (end): SocketVerdict => ('error' in end && end.error instanceof AuthenticationError ? { reconnect: false, error: end.error } : { reconnect: true }),
      onStatus: (status) => this.#changed(status),
    });
  }

  get state(): SocketState | 'idle' {
    return this.#socket.state;
  }

  get bindings(): readonly string[] {
    return [...this.#holds.keys()];
  }

  async connect(): Promise<void> {
    // Credentials that do not work fail here, not at the first subscription.
    await this.#tokens.current();
    await this.#socket.connect();
  }

  close(): Promise<void> {
    return this.#socket.close();
  }

  async subscribe<const B extends KazooBinding>(given: B | readonly B[], listener?: (event: KazooEventFor<B>) => void): Promise<KazooSubscription> {
    const bindings = bindingList(given);
    if (listener !== undefined && typeof listener !== 'function') throw new InvalidArgumentError('the listener must be a function');
    for (;;) {
      const connection = await this.#openConnection();
      const results = await Promise.allSettled(bindings.map((binding) => this.#command(connection, 'subscribe', binding)));
      // The connection dropped meanwhile: the next one has not heard of these bindings.
      if (this.#current?.connection !== connection && !this.#stopped) continue;
      const refused = results.flatMap((result, i) => (result.status === 'rejected' ? [{ binding: bindings[i]!, error: result.reason as unknown }] : []));
      if (refused.length > 0) {
        const accepted = bindings.filter((binding, i) => results[i]!.status === 'fulfilled' && !this.#holds.has(binding));
        await Promise.allSettled(accepted.map((binding) => this.#command(connection, 'unsubscribe', binding)));
        throw combined(refused);
      }
      return this.#hold(bindings, listener as ((event: KazooEvent) => void) | undefined);
    }
  }

  async unsubscribe(given: KazooBinding | readonly KazooBinding[]): Promise<void> {
    const bindings = bindingList(given);
    for (const binding of bindings) {
      for (const hold of this.#holds.get(binding) ?? []) {
        hold.get(binding)?.();
        hold.delete(binding);
      }
    }
    await this.#release(bindings);
  }

  on<const K extends KazooEventKey>(key: K, listener: (event: KazooEventFor<K>) => void): () => void {
    assertEventKey(key);
    if (typeof listener !== 'function') throw new InvalidArgumentError('the listener must be a function');
    return this.#events.on(key, listener as (event: KazooEvent) => void);
  }

  onStatus(listener: (status: SocketStatus) => void): () => void {
    if (typeof listener !== 'function') throw new InvalidArgumentError('the listener must be a function');
    return this.#statuses.on('status', listener);
  }

  #hold(bindings: string[], listener: ((event: KazooEvent) => void) | undefined): KazooSubscription {
    const hold: Hold = new Map(bindings.map((binding) => [binding, listener ? this.#events.on(binding, listener) : () => {}]));
    for (const binding of bindings) this.#holds.set(binding, (this.#holds.get(binding) ?? new Set()).add(hold));
    return {
      bindings,
      unsubscribe: async () => {
        const held = [...hold.keys()];
        for (const off of hold.values()) off();
        hold.clear();
        for (const binding of held) this.#holds.get(binding)?.delete(hold);
        await this.#release(held.filter((binding) => this.#holds.get(binding)?.size === 0));
      },
    };
  }

  /** Forgets the bindings and tells blackhole when connected (a later connection will not subscribe them). */
  async #release(bindings: string[]): Promise<void> {
    for (const binding of bindings) this.#holds.delete(binding);
    const current = this.#socket.state === 'open' ? this.#current : undefined;
    if (current) await Promise.all(bindings.map((binding) => this.#command(current.connection, 'unsubscribe', binding)));
  }

  /** The handshake of every connection: subscribe again to everything subscribed. */
  async #resubscribe(connection: SocketConnection): Promise<void> {
    this.#current = { connection, authenticated: false };
    const bindings = [...this.#holds.keys()];
    const results = await Promise.allSettled(bindings.map((binding) => this.#command(connection, 'subscribe', binding)));
    const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    // A binding blackhole no longer accepts (the account moved, say) is dropped and reported; anything else ends the connection.
    const fatal = failures.find((error) => !(error instanceof BlackholeError));
    if (fatal !== undefined) throw fatal;
    for (const error of failures as BlackholeError[]) {
      for (const binding of error.bindings) this.#holds.delete(binding);
      this.#sink(error);
    }
  }

  /**
   * Sends one command with the current token and resolves on success. A refused token is replaced once
   * (the REST client's newer one, or a new authentication); refused again, it is an `AuthenticationError`.
   */
  async #command(connection: SocketConnection, action: 'subscribe' | 'unsubscribe', binding: string): Promise<BlackholeReply> {
    let token = await this.#tokens.current();
    const data = { account_id: this.#accountId(), binding };
    let reply = await this.#replies.request(connection, { action, auth_token: token, data });
    if (isTokenRefusal(errorsOf(reply))) {
      token = await this.#tokens.renewed(token, withoutToken(errorsOf(reply), token));
      reply = await this.#replies.request(connection, { action, auth_token: token, data });
    }
    const errors = withoutToken(errorsOf(reply), token);
    if (isTokenRefusal(errors)) throw tokenRefused(`${errors.join('; ')} (also after getting a new token)`, errors);
    if (errors.length > 0) throw new BlackholeError(action, [binding], errors);
    if (this.#current?.connection === connection) this.#current.authenticated = true;
    return reply;
  }

  #accountId(): string {
    const accountId = this.#options.accountId ?? this.#kazoo.session?.accountId;
    if (!accountId) throw new InvalidArgumentError('the session does not name its account: pass `accountId` to createKazooEvents()');
    return accountId;
  }

  /** Before blackhole has taken a token on this connection, the ping carries one so that it can answer "pong". */
  #ping(connection: SocketConnection): void {
    const token = this.#current?.authenticated ? undefined : this.#kazoo.session?.token;
    connection.send({ action: 'ping', request_id: 'keep-alive', ...(token && { auth_token: token }) });
  }

  /** The connection once open; waits (up to the request timeout) while connecting or reconnecting. */
  async #openConnection(): Promise<SocketConnection> {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.#wakeWaiters();
    }, this.#options.requestTimeoutMs ?? 10_000);
    try {
      for (;;) {
        const state = this.#socket.state;
        if (state === 'open' && this.#current) return this.#current.connection;
        if (state === 'idle') throw new PbxkitError('call connect() before subscribing');
        if (state === 'closed') throw this.#stopped ?? new ConnectionError('the events client is closed');
        if (timedOut) throw new TimeoutError('blackhole was not connected in time for the command');
        await new Promise<void>((resolve) => this.#waiters.add(resolve));
      }
    } finally {
      clearTimeout(timer);
    }
  }

  #wakeWaiters(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  #receive(message: unknown, connection: SocketConnection): void {
    // Frames of a superseded connection are never delivered (core drops those of ended sockets; this is the belt).
    if (!isObject(message) || this.#current?.connection !== connection) return;
    if (isReply(message)) return this.#replies.settle(connection, message);
    const { action, subscribed_key: binding, name, routing_key: routingKey, data } = message;
    if (action !== 'event' || typeof binding !== 'string' || !this.#holds.has(binding)) return;
    const family = familyOfEvent(binding, String(name));
    const event = { family, binding, name: String(name), routingKey: String(routingKey ?? ''), data } as KazooEvent;
    this.#events.emit(binding, event);
    for (const pattern of patternsOfFamily(family)) this.#events.emit(pattern, event);
  }

  #changed(status: SocketStatus): void {
    if (status.state === 'reconnecting' || status.state === 'closed') {
      const ended = this.#current;
      this.#current = undefined;
      if (status.state === 'closed') this.#stopped = status.error;
      if (ended) this.#replies.failAll(ended.connection, status.error ?? new ConnectionError('the connection to blackhole closed'));
    }
    this.#wakeWaiters();
    this.#statuses.emit('status', status);
  }
}

function bindingList<B extends string>(given: B | readonly B[]): B[] {
  const bindings = [...new Set(typeof given === 'string' ? [given] : Array.isArray(given) ? (given as readonly B[]) : [])];
  if (bindings.length === 0) throw new InvalidArgumentError('pass a binding or a non-empty array of bindings, e.g. `call.CHANNEL_CREATE.*`');
  bindings.forEach(assertBinding);
  return bindings;
}

/** One error for a subscribe call: a token refusal or a transport error as it is, else the server's errors together. */
function combined(refused: { binding: string; error: unknown }[]): Error {
  const other = refused.find(({ error }) => !(error instanceof BlackholeError));
  if (other) return other.error instanceof Error ? other.error : new PbxkitError(String(other.error));
  const errors = refused.map(({ error }) => error as BlackholeError);
  return new BlackholeError('subscribe', errors.flatMap((error) => error.bindings), errors.flatMap((error) => error.errors));
}
