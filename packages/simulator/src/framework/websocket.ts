import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** A WebSocket service a simulator serves beside its HTTP API (Kazoo blackhole, Wazo websocketd). */
export interface WebSocketEndpoint {
  /** Whether upgrades to this URL belong to this endpoint. */
  matches(url: URL): boolean;
  /** An HTTP status to refuse the upgrade with, as the real server would (e.g. 400), or undefined to accept. */
  refuse?(request: IncomingMessage, url: URL): number | undefined;
  /** Takes over an accepted connection. */
  accept(socket: WebSocket, request: IncomingMessage, url: URL): void;
}

/** Routes the HTTP server's upgrade requests to the endpoints; `close()` cuts every open socket. */
export function attachWebSockets(server: Server, endpoints: readonly WebSocketEndpoint[]): { close(): void } {
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const endpoint = endpoints.find((candidate) => candidate.matches(url));
    const status = endpoint ? endpoint.refuse?.(request, url) : 404;
    if (!endpoint || status !== undefined) {
      socket.end(`HTTP/1.1 ${status ?? 404} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => endpoint.accept(ws, request, url));
  };
  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** Close codes a server may put in a close frame (the others are reserved or never sent). */
export function isSendableCloseCode(code: unknown): code is number {
  if (typeof code !== 'number' || !Number.isInteger(code)) return false;
  return (code >= 1000 && code <= 1014 && ![1004, 1005, 1006].includes(code)) || (code >= 3000 && code <= 4999);
}
