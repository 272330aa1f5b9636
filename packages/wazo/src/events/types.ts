import type { SocketOptions, SocketState, SocketStatus } from '@pbxkit/core';
import type { WazoWebsocketdEvents } from '../generated/events.js';
import type { BusEvent } from '../generated/websocketd/models.js';

/** The names of the events whose bodies the websocketd spec documents. */
export type WazoEventName = keyof WazoWebsocketdEvents;

/** The body (`data`) of an event: typed for the documented names, `unknown` for any other. */
export type WazoEventBody<Name extends string> = Name extends WazoEventName ? WazoWebsocketdEvents[Name] : unknown;

/**
 * An event as wazo-bus publishes it: the body in `data`, the bus headers beside it (routing headers such
 * as `user_uuid:<uuid>: true` included).
 */
export type WazoBusEvent<Name extends string = string> = Pick<BusEvent, 'origin_uuid' | 'timestamp' | 'tenant_uuid' | 'required_acl' | 'required_access'> & {
  name: Name;
  data: WazoEventBody<Name>;
  [header: string]: unknown;
};

/** Gets an event's body, and the whole bus message for its headers (`tenant_uuid`, `timestamp`, ...). */
export type WazoEventListener<Name extends string = string> = (data: WazoEventBody<Name>, event: WazoBusEvent<Name>) => void;

export interface WazoEventsOptions extends SocketOptions {
  /** websocketd's URL (`ws:` or `wss:`); default: the client's stack, `wss://<host>/api/websocketd/`. */
  url?: string;
  /** Connection state changes; a `closed` status with an `error` says why the client stopped for good. */
  onStatus?(status: SocketStatus): void;
  /**
   * Errors no caller awaits: a listener that threw, a failed early token refresh, the reason the client
   * stopped after `connect()` had resolved. Default: `console.error`.
   */
  onError?(error: unknown): void;
}

/** The events of one Wazo session over websocketd (protocol v2), on one socket that reconnects. */
export interface WazoEvents {
  /**
   * Calls `listener` for every event of this name (or every event, with `*`); returns the function that
   * removes it. A name registered after `connect()` is subscribed to on the open socket.
   */
  on<Name extends WazoEventName>(name: Name, listener: WazoEventListener<Name>): () => void;
  on(name: '*' | (string & {}), listener: WazoEventListener): () => void;
  /**
   * Opens the socket with the session's token and subscribes; resolves once websocketd has acknowledged
   * `start`. Drops are reconnected until `close()`, an authentication that fails even after a refresh
   * (`WebsocketdAuthenticationError`, `AuthenticationError`) or a protocol error (`WebsocketdProtocolError`).
   */
  connect(): Promise<void>;
  /** Stops for good: no reconnection after it, even when called while connecting or reconnecting. */
  close(): Promise<void>;
  readonly state: SocketState | 'idle';
}
