import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachWebSockets, type WebSocketEndpoint } from './websocket.js';

export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface ServeOptions extends ListenOptions {
  /** WebSocket services answered on the same port. */
  websockets?: readonly WebSocketEndpoint[];
}

export interface RunningServer {
  /** `http://host:port`, without a trailing slash. */
  url: string;
  port: number;
  /** Stops listening and closes every open socket, keep-alive and WebSocket ones included. */
  close(): Promise<void>;
}

/** Serves a fetch-standard app (a simulator's `app`) over real HTTP. */
export function listen(app: { fetch(request: Request, env?: unknown): Response | Promise<Response> }, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({
      fetch: (request, env) => app.fetch(request, env),
      port: options.port ?? 0,
      hostname: host,
      // Otherwise @hono/node-server swaps the process-wide Request/Response for its own classes.
      overrideGlobalObjects: false,
    }) as Server;
    const sockets = attachWebSockets(server, options.websockets ?? []);
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${urlHost}:${port}`,
        port,
        close: () =>
          new Promise<void>((done, fail) => {
            sockets.close();
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
