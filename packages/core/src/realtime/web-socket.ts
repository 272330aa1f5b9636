import { InvalidArgumentError } from '../errors.js';

/** The part of the WebSocket API pbxkit uses: met by browsers, Node 22+'s global and the `ws` package. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: never) => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** `WebSocket.OPEN`, the same in every implementation. */
export const OPEN = 1;

// Held in a variable so that bundlers for browsers, which always have a global WebSocket, leave it alone.
const nodePackage = 'ws';

/**
 * The WebSocket class to use: the one passed in, else the global one (browsers, Node 22+), else the `ws`
 * package (Node 20, where pbxkit depends on it).
 */
export async function resolveWebSocket(given: unknown): Promise<WebSocketConstructor> {
  if (given !== undefined) {
    if (typeof given !== 'function') throw new InvalidArgumentError('`WebSocket` must be a WebSocket class, e.g. the one from the `ws` package');
    return given as WebSocketConstructor;
  }
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (global) return global;
  try {
    const module = (await import(/* @vite-ignore */ nodePackage)) as { WebSocket?: WebSocketConstructor; default?: WebSocketConstructor };
    const found = module.WebSocket ?? module.default;
    if (found) return found;
  } catch {
    // fall through to the error below
  }
  throw new InvalidArgumentError('this runtime has no global WebSocket: pass the `WebSocket` option (e.g. `import { WebSocket } from "ws"`)');
}
