import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { listen, type RunningServer } from '../../src/framework/server.js';

const app = { fetch: () => new Response('plain http') };
let server: RunningServer | undefined;
afterEach(() => server?.close());

const echo = {
  matches: (url: URL) => url.pathname === '/echo',
  refuse: (_request: unknown, url: URL) => (url.searchParams.has('deny') ? 403 : undefined),
  accept: (socket: WebSocket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)),
};

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

describe('WebSocket endpoints beside the HTTP app', () => {
  it('serves both on one port and routes upgrades by URL', async () => {
    server = await listen(app, { websockets: [echo] });
    expect(await (await fetch(server.url)).text()).toBe('plain http');
    const socket = await open(`${server.url.replace('http', 'ws')}/echo`);
    const reply = new Promise((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send('hi');
    expect(await reply).toBe('echo hi');
  });

  it('answers 404 for unknown paths and the endpoint’s status when it refuses', async () => {
    server = await listen(app, { websockets: [echo] });
    const ws = server.url.replace('http', 'ws');
    await expect(open(`${ws}/elsewhere`)).rejects.toThrow('HTTP 404');
    await expect(open(`${ws}/echo?deny`)).rejects.toThrow('HTTP 403');
  });

  it('close() cuts open sockets', async () => {
    server = await listen(app, { websockets: [echo] });
    const socket = await open(`${server.url.replace('http', 'ws')}/echo`);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    await server.close();
    server = undefined;
    await closed;
    expect(socket.readyState).toBe(WebSocket.CLOSED);
  });
});
