import { AbortError, ConnectionError, PbxkitError } from '../errors.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { OPEN, resolveWebSocket, type WebSocketLike } from './web-socket.js';

export type SocketState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SocketClose {
  code: number;
  reason: string;
}

/** Why a connection ended: the server or network closed it, or the handshake failed. */
export type SocketEnd = { close: SocketClose } | { error: unknown };

/** What to do after a connection ended. */
export type SocketVerdict = { reconnect: true } | { reconnect: false; error: Error };

/** The open connection as a protocol sees it: JSON messages out. */
export interface SocketConnection {
  send(message: unknown): void;
}

export interface SocketStatus {
  state: SocketState;
  /** The reconnection attempt under way (from 1), while `reconnecting`. */
  attempt?: number;
  /** Why the socket is reconnecting, or why it stopped. */
  error?: Error;
}

export interface ReconnectOptions extends BackoffOptions {
  /** Reconnection attempts in a row before giving up (default: no limit). */
  maxAttempts?: number;
}

export interface KeepAliveOptions {
  /** Silence (no message received) after which a ping is sent, in ms. */
  intervalMs: number;
  /** How long to wait for any message after a ping before the connection counts as dead, in ms. */
  timeoutMs: number;
  ping(connection: SocketConnection): void;
}

export interface ReconnectingSocketOptions {
  /** Read before every connection, so that each one uses the current token. */
  url(): string | Promise<string>;
  /** A WebSocket class; default: the global one, else the `ws` package. */
  WebSocket?: unknown;
  /** The protocol's opening exchange, run on every new connection: authenticate, resubscribe. */
  handshake(connection: SocketConnection): Promise<void>;
  /**
   * Every JSON message received (text frames that are not JSON are ignored), with the connection it came on;
   * a connection that has ended (replaced, timed out, closed) delivers nothing more.
   */
  onMessage(message: unknown, connection: SocketConnection): void;
  /** Decides whether an ended connection is worth another; default: always reconnect. */
  judge?(end: SocketEnd): SocketVerdict | Promise<SocketVerdict>;
  onStatus?(status: SocketStatus): void;
  reconnect?: ReconnectOptions;
  keepAlive?: KeepAliveOptions;
  /** Time allowed for a connection to open and finish its handshake, in ms (default 10,000). */
  connectTimeoutMs?: number;
  random?: () => number;
}

/** A connection attempt ended before the socket opened, or the server closed it during the handshake. */
export class SocketConnectionError extends ConnectionError {
  override name = 'SocketConnectionError';
  declare readonly closeCode: number | undefined;
  constructor(message: string, closeCode?: number) {
    super(message);
    Object.defineProperty(this, 'closeCode', { value: closeCode, enumerable: true });
  }
}

/**
 * One logical connection over a sequence of WebSockets: opens one, runs the protocol's handshake, and when
 * it ends asks the protocol whether to go on, reconnecting with capped, jittered backoff. `connect()` fails
 * fast when the first socket cannot open at all; once connected, drops are retried until `close()`, a
 * verdict to stop, or `maxAttempts`.
 */
export class ReconnectingSocket {
  #options: ReconnectingSocketOptions;
  #state: SocketState | 'idle' = 'idle';
  #socket: WebSocketLike | undefined;
  #attempt = 0;
  #everOpened = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #firstConnect: { resolve(): void; reject(error: Error): void } | undefined;
  #closed: Promise<void> | undefined;
  #onClosed: (() => void) | undefined;

  constructor(options: ReconnectingSocketOptions) {
    this.#options = options;
  }

  get state(): SocketState | 'idle' {
    return this.#state;
  }

  /** Resolves once the first connection has opened and finished its handshake. */
  connect(): Promise<void> {
    if (this.#state !== 'idle') return Promise.reject(new PbxkitError('connect() was already called on this socket'));
    return new Promise<void>((resolve, reject) => {
      this.#firstConnect = { resolve, reject };
      this.#setStatus({ state: 'connecting' });
      void this.#open();
    });
  }

  /** Sends on the open connection; throws `ConnectionError` while there is none. */
  send(message: unknown): void {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) throw new ConnectionError('the socket is not connected');
    socket.send(JSON.stringify(message));
  }

  /** Closes for good (no reconnection); resolves when the socket has closed. */
  close(): Promise<void> {
    if (this.#state === 'closed') return this.#closed ?? Promise.resolve();
    clearTimeout(this.#retryTimer);
    const socket = this.#socket;
    this.#closed = socket ? new Promise<void>((resolve) => (this.#onClosed = resolve)) : Promise.resolve();
    this.#stop();
    socket?.close(1000, 'closed by the client');
    return this.#closed;
  }

  async #open(): Promise<void> {
    let socket: WebSocketLike;
    try {
      const WebSocket = await resolveWebSocket(this.#options.WebSocket);
      const url = await this.#options.url();
      if (this.#state === 'closed') return;
      socket = new WebSocket(url);
    } catch (error) {
      return void this.#ended({ error }, false);
    }
    this.#socket = socket;
    this.#watch(socket);
  }

  #watch(socket: WebSocketLike): void {
    const stops: (() => void)[] = [];
    let opened = false;
    let done = false;
    let heardAt = Date.now();
    // Bound to this socket: a superseded connection's late handshake must not write on its successor.
    const connection: SocketConnection = {
      send: (message) => {
        if (done || socket.readyState !== OPEN) throw new ConnectionError('the socket is not connected');
        socket.send(JSON.stringify(message));
      },
    };
    const finish = (end: SocketEnd) => {
      if (done) return;
      done = true;
      stops.forEach((stop) => stop());
      if (this.#socket === socket) this.#socket = undefined;
      if (this.#state === 'closed') return this.#onClosed?.();
      if (!('close' in end)) socket.close(1000, 'reconnecting');
      else if (!opened) end = { error: new SocketConnectionError('the WebSocket could not connect', end.close.code) };
      void this.#ended(end, opened);
    };
    const connectTimeout = after(this.#options.connectTimeoutMs ?? 10_000, () =>
      finish({ error: new SocketConnectionError(opened ? 'the handshake did not finish in time' : 'the WebSocket did not open in time') }),
    );
    stops.push(connectTimeout);

    socket.addEventListener('open', () => {
      opened = true;
      heardAt = Date.now();
      const keepAlive = this.#options.keepAlive;
      if (keepAlive) stops.push(watchLiveness(keepAlive, connection, () => heardAt, () => finish({ error: new SocketConnectionError('no answer to keep-alive pings') })));
      this.#options.handshake(connection).then(
        () => {
          if (done) return;
          connectTimeout();
          this.#attempt = 0;
          this.#everOpened = true;
          this.#setStatus({ state: 'open' });
          this.#firstConnect?.resolve();
          this.#firstConnect = undefined;
        },
        (error: unknown) => finish({ error }),
      );
    });
    socket.addEventListener('message', (event: { data: unknown }) => {
      heardAt = Date.now();
      if (done || typeof event.data !== 'string') return;
      let message: unknown;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // Neither platform sends non-JSON text; a stray frame must not break the stream.
      }
      this.#options.onMessage(message, connection);
    });
    socket.addEventListener('close', (event: { code: number; reason: string }) => finish({ close: { code: event.code, reason: event.reason } }));
    socket.addEventListener('error', () => {
      // A 'close' event always follows; it carries what there is to know.
    });
  }

  async #ended(end: SocketEnd, opened: boolean): Promise<void> {
    // Fail fast when the very first socket could not even open: a wrong URL should not hang connect().
    if (!opened && !this.#everOpened) return this.#stop(describe(end));
    const judge = this.#options.judge ?? (() => ({ reconnect: true as const }));
    const verdict = await Promise.resolve()
      .then(() => judge(end))
      .catch((error: unknown): SocketVerdict => ({ reconnect: false, error: asError(error) }));
    if (this.#state === 'closed') return;
    if (!verdict.reconnect) return this.#stop(verdict.error);
    const reason = describe(end);
    this.#attempt += 1;
    const maxAttempts = this.#options.reconnect?.maxAttempts ?? Infinity;
    if (this.#attempt > maxAttempts) return this.#stop(new ConnectionError(`gave up reconnecting after ${maxAttempts} attempts: ${reason.message}`));
    this.#setStatus({ state: 'reconnecting', attempt: this.#attempt, error: reason });
    this.#retryTimer = setTimeout(() => void this.#open(), backoffDelay(this.#attempt, this.#options.reconnect, this.#options.random));
  }

  #stop(error?: Error): void {
    this.#setStatus(error ? { state: 'closed', error } : { state: 'closed' });
    this.#firstConnect?.reject(error ?? new AbortError('the socket was closed before it connected'));
    this.#firstConnect = undefined;
  }

  #setStatus(status: SocketStatus): void {
    this.#state = status.state;
    this.#options.onStatus?.(status);
  }
}

function after(ms: number, run: () => void): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

/** Pings after `intervalMs` of silence; calls `dead` when nothing at all arrives within `timeoutMs` of a ping. */
function watchLiveness(options: KeepAliveOptions, connection: SocketConnection, heardAt: () => number, dead: () => void): () => void {
  let pingedAt: number | undefined;
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    const now = Date.now();
    if (pingedAt !== undefined && heardAt() < pingedAt) {
      if (now - pingedAt >= options.timeoutMs) return dead();
    } else if (now - heardAt() >= options.intervalMs) {
      pingedAt = now;
      try {
        options.ping(connection);
      } catch {
        return dead();
      }
    }
    timer = setTimeout(tick, Math.max(10, Math.min(options.intervalMs, options.timeoutMs) / 4));
  };
  timer = setTimeout(tick, options.intervalMs);
  return () => clearTimeout(timer);
}

function describe(end: SocketEnd): Error {
  if ('error' in end) return asError(end.error);
  const { code, reason } = end.close;
  return new SocketConnectionError(`the connection closed (${code}${reason ? ` ${reason}` : ''})`, code);
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new PbxkitError(String(value));
}
