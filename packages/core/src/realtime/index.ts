export { backoffDelay, type BackoffOptions } from './backoff.js';
export { Listeners, type ListenerErrorSink } from './listeners.js';
export {
  ReconnectingSocket,
  SocketConnectionError,
  type KeepAliveOptions,
  type ReconnectingSocketOptions,
  type ReconnectOptions,
  type SocketConnection,
  type SocketEnd,
  type SocketState,
  type SocketStatus,
  type SocketVerdict,
} from './reconnecting-socket.js';
export { DEFAULT_KEEP_ALIVE, socketOptionProblems, type KeepAliveSetting, type SocketOptions } from './socket-options.js';
export { resolveWebSocket, type WebSocketConstructor, type WebSocketLike } from './web-socket.js';
