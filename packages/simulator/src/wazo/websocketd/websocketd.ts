import type { IncomingMessage } from 'node:http';
import { InvalidArgumentError } from '@pbxkit/wazo';
import type { WebSocket } from 'ws';
import { isSendableCloseCode, type WebSocketEndpoint } from '../../framework/websocket.js';
import type { WazoWebsocketdEvents } from '../generated.js';
import type { WazoStore } from '../store.js';
import type { AccessToken, Tokens } from '../tokens.js';
import { busMessage, reaches, type BusMessage, type BusTarget } from './bus.js';
import { CLOSE, type CloseReason } from './close-codes.js';
import { Session, type WebsocketdFrame } from './session.js';

/** The public path nginx forwards to wazo-websocketd. */
export const WEBSOCKETD_PATH = '/api/websocketd/';

/** wazo-auth warns a session this long before it expires (`auth_session_expire_soon`). */
const EXPIRE_SOON_MS = 60_000;
/** setTimeout's longest delay; a later deadline is re-armed when this one fires. */
const MAX_TIMER_MS = 2_147_483_647;

export interface PublishOptions {
  /** The tenant of the event; defaults to each target user's tenant, else to `data.tenant_uuid`. */
  tenantUuid?: string;
  /** One message per user (header `user_uuid:<uuid>`); omitted, one message for everyone (`user_uuid:*`). */
  userUuids?: readonly string[];
  /** Overrides the event's `required_acl`; `{user_uuid}` stands for the target user. */
  requiredAcl?: string;
}

/** The body of an event: typed for the names the websocketd spec documents. */
export type WebsocketdEventData<Name extends string> = Name extends keyof WazoWebsocketdEvents ? WazoWebsocketdEvents[Name] : unknown;

/** The simulator's handle on websocketd, for tests (`sim.websocketd`). */
export interface WebsocketdControl {
  /**
   * Publishes an event as the daemon owning it would: to `userUuids` (one message each) or, without
   * them, to every user of the tenant. Sockets get it (on a later turn of the event loop, in publishing
   * order with the events REST changes emit) once started, subscribed and routed to.
   */
  publish<Name extends string>(name: Name, data: WebsocketdEventData<Name>, options?: PublishOptions): void;
  /** Ends every socket: without a code abruptly (no close frame), with one cleanly (e.g. 1011, 4003). */
  dropConnections(code?: number): number;
  /** Open (authenticated) sockets. */
  readonly connectionCount: number;
  /** Who is connected and what each socket subscribed to. */
  subscriptions(): WebsocketdSubscription[];
  /** Runs the token expiry check now (4003 for expired or revoked tokens, `auth_session_expire_soon` warnings). */
  checkExpiry(): void;
}

/** One open socket as `subscriptions()` lists it. */
export interface WebsocketdSubscription {
  userUuid: string;
  tenantUuid: string;
  sessionUuid: string;
  /** Event names subscribed to, `*` included. */
  events: string[];
  started: boolean;
}

export interface WebsocketdDeps {
  store: WazoStore;
  tokens: Tokens;
  now: () => number;
  /** Checks a frame about to be sent against the websocketd spec. */
  check(frame: WebsocketdFrame): void;
}

/**
 * wazo-websocketd, protocol version 2 only: authenticates sockets (close 4001/4002/4004), closes them with
 * 4003 when their token expires, and forwards bus events to the sockets they are routed to.
 */
export class Websocketd implements WebSocketEndpoint, WebsocketdControl {
  readonly #deps: WebsocketdDeps;
  readonly #sessions = new Set<Session>();
  readonly #timers = new Map<Session, NodeJS.Timeout>();
  /** Sessions already warned with `auth_session_expire_soon`. */
  readonly #warned = new Set<string>();

  constructor(deps: WebsocketdDeps) {
    this.#deps = deps;
  }

  matches(url: URL): boolean {
    return url.pathname === WEBSOCKETD_PATH || url.pathname === WEBSOCKETD_PATH.slice(0, -1);
  }

  accept(socket: WebSocket, request: IncomingMessage, url: URL): void {
    // A malformed frame makes ws close the socket itself (1002/1007); its error event needs no more.
    socket.on('error', () => socket.terminate());
    if (url.searchParams.get('version') !== '2') return socket.close(CLOSE.protocolError.code, 'the simulator serves protocol version 2 only');
    const header = request.headers['x-auth-token'];
    const tokenText = url.searchParams.get('token') ?? (Array.isArray(header) ? header[0] : header);
    if (!tokenText) return socket.close(CLOSE.noToken.code, CLOSE.noToken.reason);
    const token = this.#authenticate(tokenText);
    if ('code' in token) return socket.close(token.code, token.reason);
    const session = new Session(socket, token, {
      authenticate: (text) => this.#authenticate(text),
      reaches: (candidate, message) => reaches(this.#deps.store, candidate, message),
      check: this.#deps.check,
      tokenChanged: (changed) => this.#watchExpiry(changed),
      closed: (closed) => this.#forget(closed),
    });
    this.#sessions.add(session);
    this.#watchExpiry(session);
  }

  get connectionCount(): number {
    return this.#sessions.size;
  }

  subscriptions(): WebsocketdSubscription[] {
    return [...this.#sessions].map((session) => ({
      userUuid: session.token.userUuid,
      tenantUuid: session.token.tenantUuid,
      sessionUuid: session.token.sessionUuid,
      events: session.events,
      started: session.started,
    }));
  }

  publish<Name extends string>(name: Name, data: WebsocketdEventData<Name>, options: PublishOptions = {}): void {
    if (typeof name !== 'string' || !/^[a-z0-9_]+$/.test(name)) throw new InvalidArgumentError('publish() takes an event name in snake_case, e.g. call_created');
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('publish(): options are { tenantUuid?, userUuids?, requiredAcl? }');
    const { userUuids, requiredAcl } = options;
    if (userUuids !== undefined && (!Array.isArray(userUuids) || userUuids.some((uuid) => typeof uuid !== 'string'))) {
      throw new InvalidArgumentError('publish(): userUuids is a list of user UUIDs');
    }
    if (requiredAcl !== undefined && typeof requiredAcl !== 'string') throw new InvalidArgumentError('publish(): requiredAcl is an access string');
    const targets = (userUuids ?? ['*']).map((userUuid): BusTarget => ({
      tenantUuid: this.#tenantOf(userUuid, options.tenantUuid, data),
      userUuid,
      ...(requiredAcl === undefined ? {} : { requiredAcl }),
    }));
    const now = this.#deps.now();
    this.deliverLater(targets.map((target) => busMessage(this.#deps.store, now, name, data, target)));
  }

  /**
   * Sends bus messages to every socket they are routed to on a later turn of the event loop (after the
   * current request's reply), in the order they were published, as a bus would.
   */
  deliverLater(messages: BusMessage[]): void {
    if (messages.length > 0) setImmediate(() => this.#deliver(messages));
  }

  dropConnections(code?: number): number {
    if (code !== undefined && !isSendableCloseCode(code)) {
      throw new InvalidArgumentError('dropConnections() takes a close code a server may send: 1000-1014 but 1004-1006, or 3000-4999');
    }
    const dropped = this.#sessions.size;
    for (const session of [...this.#sessions]) {
      if (code === undefined) session.terminate();
      else session.close({ code, reason: code === CLOSE.authenticationExpired.code ? CLOSE.authenticationExpired.reason : 'closed by the simulator' });
    }
    return dropped;
  }

  /**
   * What websocketd's expiry timers do, run now: sockets whose token expired (or was revoked) close with
   * 4003, sessions about to expire get `auth_session_expire_soon`. Timers call it at the deadlines on
   * the real clock; a test with an injected clock calls it after moving the clock.
   */
  checkExpiry(): void {
    const now = this.#deps.now();
    for (const session of [...this.#sessions]) {
      const { token } = session;
      if (!this.#deps.tokens.find(token.token)) {
        session.close(CLOSE.authenticationExpired);
      } else if (token.expiresAt - now <= EXPIRE_SOON_MS && !this.#warned.has(token.sessionUuid)) {
        this.#warned.add(token.sessionUuid);
        const data = { uuid: token.sessionUuid, user_uuid: token.userUuid, tenant_uuid: token.tenantUuid };
        this.#deliver([busMessage(this.#deps.store, now, 'auth_session_expire_soon', data, { tenantUuid: token.tenantUuid, userUuid: token.userUuid })]);
      }
    }
  }

  #authenticate(tokenText: string): AccessToken | CloseReason {
    const token = this.#deps.tokens.find(tokenText);
    return token && token.access.grants('websocketd') ? token : CLOSE.authenticationFailed;
  }

  #deliver(messages: BusMessage[]): void {
    for (const message of messages) for (const session of this.#sessions) session.deliver(message);
  }

  #tenantOf(userUuid: string, tenantUuid: string | undefined, data: unknown): string {
    const tenant = tenantUuid ?? this.#deps.store.authUsers.get(userUuid)?.tenant_uuid ?? (data as { tenant_uuid?: unknown } | null)?.tenant_uuid;
    if (typeof tenant !== 'string') throw new InvalidArgumentError(`publish(): no tenant for ${userUuid === '*' ? 'a tenant-wide event' : `user ${userUuid}`}: give tenantUuid`);
    return tenant;
  }

  /** Arms a timer for the session's next deadline: its warning, then its expiry. */
  #watchExpiry(session: Session): void {
    clearTimeout(this.#timers.get(session));
    const { expiresAt, sessionUuid } = session.token;
    const deadline = this.#warned.has(sessionUuid) ? expiresAt : expiresAt - EXPIRE_SOON_MS;
    const timer = setTimeout(() => {
      this.checkExpiry();
      if (this.#sessions.has(session)) this.#watchExpiry(session);
    }, Math.min(MAX_TIMER_MS, Math.max(0, deadline - this.#deps.now())));
    timer.unref();
    this.#timers.set(session, timer);
  }

  #forget(session: Session): void {
    clearTimeout(this.#timers.get(session));
    this.#timers.delete(session);
    this.#sessions.delete(session);
  }
}
