import { AbortError, InvalidArgumentError, Listeners, ReconnectingSocket, type SocketConnection } from '@pbxkit/core';
import { isObject } from '../errors.js';
import { checkEventsArguments, connectionUrl, type WazoEventsSession } from './options.js';
import { commands, HandshakeReplies, readFrame } from './protocol.js';
import type { WazoBusEvent, WazoEventListener, WazoEvents, WazoEventsOptions } from './types.js';
import { createJudge } from './verdict.js';

const eventName = /^(\*|[\w.:-]+)$/;

/**
 * The events of a Wazo client's session from wazo-websocketd (protocol v2):
 *
 * ```ts
 * const events = createWazoEvents(wazo);
 * events.on('call_created', (call) => console.log(call.call_id, call.peer_caller_id_number));
 * await events.connect();
 * ```
 *
 * Every connection uses the session's current token; token refreshes are pushed to the open socket
 * (`op: token`), so it outlives the token it opened with. One socket at a time; after a drop it
 * reconnects with jittered backoff and subscribes again to every name.
 */
export function createWazoEvents(wazo: WazoEventsSession, options?: WazoEventsOptions): WazoEvents {
  const o = checkEventsArguments(wazo, options);
  const report = o.onError ?? ((error: unknown) => console.error(error));
  const listeners = new Listeners<Record<string, WazoBusEvent>>(report);
  const names = new Set<string>();
  const replies = new HandshakeReplies();
  /** What the connection in use subscribed to; `undefined` until its `init`. */
  let subscribed: Set<string> | undefined;
  /** The token the connection in use authenticates with. */
  let socketToken: string | undefined;
  /** A token refreshed while a connection was opening, to push once it is ready. */
  let pendingToken: string | undefined;
  let connecting: Promise<void> | undefined;
  let connected = false;
  /** Why the client stopped for good, unless close() stopped it. */
  let stopped: Error | undefined;

  const judge = createJudge((rejected) => wazo.renewToken(rejected), () => socketToken);
  const socket = new ReconnectingSocket({
    async url() {
      socketToken = await wazo.currentToken();
      pendingToken = undefined;
      return connectionUrl(o.url, socketToken);
    },
    WebSocket: o.WebSocket,
    handshake,
    onMessage(message) {
      const frame = readFrame(message);
      if (frame?.op === 'event') dispatch(frame.data);
      else if (frame) replies.settle(frame);
    },
    judge: judge.judge,
    onStatus(status) {
      o.onStatus?.(status);
      if (status.state !== 'closed') return;
      stopped = status.error;
      // Before connect() resolved, its rejection carries the reason.
      if (stopped && connected) report(stopped);
    },
    ...(o.reconnect && { reconnect: o.reconnect }),
    ...(o.keepAlive && { keepAlive: { ...o.keepAlive, ping: (connection: SocketConnection) => connection.send(commands.ping()) } }),
  });

  /** On every new connection: wait for `init`, subscribe to every name listened to, `start`. */
  async function handshake(connection: SocketConnection): Promise<void> {
    subscribed = undefined;
    await replies.next('init');
    subscribed = new Set(listeners.has('*') ? ['*'] : [...names].filter((name) => listeners.has(name)));
    for (const name of subscribed) connection.send(commands.subscribe(name));
    const started = replies.next('start');
    connection.send(commands.start());
    await started;
    judge.accepted();
    if (pendingToken) pushToken(pendingToken);
  }

  function dispatch(data: unknown): void {
    if (!isObject(data) || typeof data.name !== 'string') return;
    const event = data as WazoBusEvent;
    listeners.emit(event.name, event);
    listeners.emit('*', event);
  }

  /** Sends on the connection in use once it said `init`; false when there is none (the next one catches up). */
  function sendReady(command: object): boolean {
    if (!subscribed) return false;
    try {
      socket.send(command);
      return true;
    } catch {
      return false;
    }
  }

  function subscribe(name: string): void {
    if (subscribed && !subscribed.has('*') && !subscribed.has(name) && sendReady(commands.subscribe(name))) subscribed.add(name);
  }

  function pushToken(token: string): void {
    if (token === socketToken) return;
    if (sendReady(commands.token(token))) [socketToken, pendingToken] = [token, undefined];
    else pendingToken = token;
  }

  const offRefresh = wazo.onTokenRefresh((session) => pushToken(session.token));

  function on(name: string, listener: WazoEventListener): () => void {
    if (typeof name !== 'string' || !eventName.test(name)) throw new InvalidArgumentError('on() takes an event name such as `call_created`, or `*` for every event');
    if (typeof listener !== 'function') throw new InvalidArgumentError(`on('${name}') takes a listener function`);
    names.add(name);
    const off = listeners.on(name, (event) => listener(event.data, event));
    subscribe(name);
    return off;
  }

  // Renew ahead of websocketd's 4003 when wazo-auth warns that our session is about to expire.
  on('auth_session_expire_soon', (data) => {
    if (!isObject(data) || data.uuid !== wazo.session?.sessionUuid) return;
    wazo.renewToken(socketToken).then(pushToken, report);
  });

  return {
    on: on as WazoEvents['on'],
    connect() {
      if (socket.state === 'closed') return Promise.reject(stopped ?? new AbortError('this events client was closed: create another one'));
      connecting ??= socket.connect().then(() => void (connected = true));
      return connecting;
    },
    close() {
      offRefresh();
      return socket.close();
    },
    get state() {
      return socket.state;
    },
  };
}
