import type { RawData, WebSocket } from 'ws';
import type { AccessToken } from '../tokens.js';
import type { BusMessage } from './bus.js';
import { CLOSE, type CloseReason } from './close-codes.js';

/** A server → client frame of protocol v2. */
export interface WebsocketdFrame {
  op: 'init' | 'subscribe' | 'start' | 'token' | 'pong' | 'event';
  code: number;
  data: unknown;
}

/** What a session needs from the service that accepted it. */
export interface SessionHost {
  /** The live token that may use the socket (ACL `websocketd`), or the reason to close. */
  authenticate(tokenText: string): AccessToken | CloseReason;
  /** Whether a bus message is for this token (tenant, user and ACL routing). */
  reaches(token: AccessToken, message: BusMessage): boolean;
  /** Checks a frame against the spec before it is sent (violations are recorded, the frame still goes). */
  check(frame: WebsocketdFrame): void;
  /** The token in use changed: its expiry must be watched. */
  tokenChanged(session: Session): void;
  closed(session: Session): void;
}

/** One websocketd v2 connection: its token, subscriptions and whether `start` came. */
export class Session {
  readonly #socket: WebSocket;
  readonly #host: SessionHost;
  readonly #events = new Set<string>();
  #token: AccessToken;
  #started = false;

  constructor(socket: WebSocket, token: AccessToken, host: SessionHost) {
    this.#socket = socket;
    this.#token = token;
    this.#host = host;
    socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
    socket.once('close', () => host.closed(this));
    this.#send({ op: 'init', code: 0, data: { version: 2 } });
  }

  get token(): AccessToken {
    return this.#token;
  }

  get started(): boolean {
    return this.#started;
  }

  /** Event names subscribed to, `*` included. */
  get events(): string[] {
    return [...this.#events];
  }

  /** Forwards a bus message once started, when subscribed to it and routed to this token. */
  deliver(message: BusMessage): void {
    if (!this.#started || !(this.#events.has('*') || this.#events.has(message.name))) return;
    if (this.#host.reaches(this.#token, message)) this.#send({ op: 'event', code: 0, data: message });
  }

  /** Closes with a close frame; the session is gone at once, whatever the closing handshake does. */
  close({ code, reason }: { code: number; reason: string }): void {
    this.#host.closed(this);
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.close(code, reason);
  }

  /** Cuts the connection without a close frame, as a crashed server or a lost network would. */
  terminate(): void {
    this.#host.closed(this);
    this.#socket.terminate();
  }

  #send(frame: WebsocketdFrame): void {
    this.#host.check(frame);
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.send(JSON.stringify(frame));
  }

  #receive(raw: RawData, isBinary: boolean): void {
    const frame = isBinary ? undefined : parseFrame(String(raw));
    if (!frame) return this.close(CLOSE.protocolError);
    const { op, data } = frame;
    if (op === 'subscribe' && typeof data?.event_name === 'string') {
      this.#events.add(data.event_name);
      return this.#send({ op: 'subscribe', code: 0, data: null });
    }
    if (op === 'start') {
      this.#started = true;
      return this.#send({ op: 'start', code: 0, data: null });
    }
    if (op === 'token' && typeof data?.token === 'string') return this.#swapToken(data.token);
    if (op === 'ping' && typeof data?.payload === 'string') return this.#send({ op: 'pong', code: 0, data: { payload: data.payload } });
    this.close(CLOSE.protocolError);
  }

  /** `op: token` replaces the token without reconnecting; the new one is checked like the first. */
  #swapToken(tokenText: string): void {
    const token = this.#host.authenticate(tokenText);
    if ('code' in token) return this.close(token);
    this.#token = token;
    this.#host.tokenChanged(this);
    this.#send({ op: 'token', code: 0, data: null });
  }
}

interface ClientFrame {
  op: unknown;
  data?: Record<string, unknown>;
}

/** A JSON object with an `op`, or undefined for anything else (which closes the socket with 4004). */
function parseFrame(text: string): ClientFrame | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !('op' in value)) return undefined;
    const { data } = value as { data?: unknown };
    if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) return undefined;
    return value as ClientFrame;
  } catch {
    return undefined;
  }
}
