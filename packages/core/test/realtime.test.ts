import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { until } from '../../../scripts/test-support/until.js';
import { AbortError } from '../src/errors.js';
import { Listeners } from '../src/realtime/listeners.js';
import { backoffDelay } from '../src/realtime/backoff.js';
import { resolveWebSocket } from '../src/realtime/web-socket.js';
import { ReconnectingSocket, SocketConnectionError, type ReconnectingSocketOptions, type SocketConnection, type SocketStatus } from '../src/realtime/reconnecting-socket.js';

/** A real WebSocket server: greets each connection, answers `hello` with `welcome`, echoes the rest. */
let server: WebSocketServer;
let url: string;
let connections: ServerSocket[];
let silent: boolean;
beforeEach(async () => {
  connections = [];
  silent = false;
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as { port: number }).port}/`;
  server.on('connection', (socket) => {
    connections.push(socket);
    socket.on('message', (data) => {
      if (silent) return;
      const message = JSON.parse(String(data)) as { op: string };
      socket.send(JSON.stringify(message.op === 'hello' ? { op: 'welcome', n: connections.length } : message));
    });
  });
});
let sockets: ReconnectingSocket[] = [];
afterEach(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  sockets = [];
  await new Promise((resolve) => server.close(resolve));
});


/** A client whose handshake says hello and waits for the welcome. */
function client(overrides: Partial<ReconnectingSocketOptions> = {}) {
  const received: unknown[] = [];
  const statuses: SocketStatus[] = [];
  let welcomed: (() => void) | undefined;
  const socket: ReconnectingSocket = new ReconnectingSocket({
    url: () => url,
    WebSocket,
    handshake: (connection) =>
      new Promise<void>((resolve) => {
        welcomed = resolve;
        connection.send({ op: 'hello' });
      }),
    onMessage: (message) => ((message as { op: string }).op === 'welcome' ? welcomed?.() : received.push(message)),
    onStatus: (status) => statuses.push(status),
    reconnect: { initialDelayMs: 1, maxDelayMs: 5 },
    ...overrides,
  });
  sockets.push(socket);
  return { socket, received, statuses };
}

describe('ReconnectingSocket over a real WebSocket server', () => {
  it('connects, runs the handshake and passes JSON messages both ways', async () => {
    const { socket, received, statuses } = client();
    await socket.connect();
    expect(socket.state).toBe('open');
    socket.send({ op: 'echo', text: 'hi' });
    await until(() => received.length === 1);
    expect(received).toEqual([{ op: 'echo', text: 'hi' }]);
    expect(statuses.map((status) => status.state)).toEqual(['connecting', 'open']);
  });

  it('reconnects after abrupt drops and reruns the handshake each time', async () => {
    const { socket, statuses } = client();
    await socket.connect();
    for (let drop = 1; drop <= 5; drop++) {
      connections.at(-1)!.terminate();
      await until(() => statuses.filter((status) => status.state === 'open').length === drop + 1);
    }
    expect(connections).toHaveLength(6);
    expect(statuses.filter((status) => status.state === 'reconnecting').every((status) => status.attempt === 1)).toBe(true);
    socket.send({ op: 'still-there' });
  });

  it('tells which connection a message came on; a replaced connection neither delivers nor sends any more', async () => {
    const opened: SocketConnection[] = [];
    const from: SocketConnection[] = [];
    const { socket, statuses } = client({
      handshake: async (connection) => void opened.push(connection),
      onMessage: (_, connection) => from.push(connection),
    });
    await socket.connect();
    socket.send({ op: 'echo' });
    await until(() => from.length === 1);
    connections[0]!.terminate();
    await until(() => statuses.filter((status) => status.state === 'open').length === 2);
    expect(from).toEqual([opened[0]]);
    expect(() => opened[0]!.send({ op: 'late' })).toThrow('the socket is not connected');
    opened[1]!.send({ op: 'echo' });
    await until(() => from.length === 2);
    expect(from[1]).toBe(opened[1]);
  });

  it('stops when the protocol judges a close fatal, and says why', async () => {
    const fatal = new Error('token refused');
    const { socket, statuses } = client({ judge: (end) => ('close' in end && end.close.code === 4002 ? { reconnect: false, error: fatal } : { reconnect: true }) });
    await socket.connect();
    connections[0]!.close(4002, 'authentication failed');
    await until(() => socket.state === 'closed');
    expect(statuses.at(-1)).toEqual({ state: 'closed', error: fatal });
    expect(connections).toHaveLength(1);
  });

  it('fails fast when the first socket cannot open', async () => {
    const { socket } = client({ url: () => 'ws://127.0.0.1:1/' });
    await expect(socket.connect()).rejects.toBeInstanceOf(SocketConnectionError);
    expect(socket.state).toBe('closed');
  });

  it('treats a failed handshake like a drop and retries it', async () => {
    let tries = 0;
    const { socket } = client({ handshake: async () => {
        if (tries++ < 2) throw new Error('not yet');
      },
    });
    await socket.connect();
    expect(tries).toBe(3);
    expect(connections).toHaveLength(3);
  });

  it('gives up after maxAttempts failed reconnections', async () => {
    const { socket, statuses } = client({ reconnect: { initialDelayMs: 1, maxDelayMs: 2, maxAttempts: 3 }, handshake: async () => Promise.reject(new Error('refused')) });
    await expect(socket.connect()).rejects.toThrow('gave up reconnecting after 3 attempts: refused');
    expect(statuses.filter((status) => status.state === 'reconnecting')).toHaveLength(3);
  });

  it('pings after silence and replaces a connection that stops answering', async () => {
    const pings: number[] = [];
    const { socket, statuses } = client({ connectTimeoutMs: 200, keepAlive: { intervalMs: 30, timeoutMs: 60, ping: (connection) => (pings.push(Date.now()), connection.send({ op: 'ping' })) } });
    await socket.connect();
    await until(() => pings.length >= 2); // answered pings keep the connection
    expect(connections).toHaveLength(1);
    silent = true;
    await until(() => statuses.some((status) => status.state === 'reconnecting'));
    expect(statuses.find((status) => status.state === 'reconnecting')?.error?.message).toContain('no answer to keep-alive pings');
    silent = false;
    await until(() => socket.state === 'open');
  });

  it('close() ends it for good and rejects a connect() still under way', async () => {
    const { socket } = client({ handshake: () => new Promise(() => {}) });
    const connecting = expect(socket.connect()).rejects.toBeInstanceOf(AbortError);
    await until(() => connections.length === 1);
    await socket.close();
    await connecting;
    await until(() => connections[0]!.readyState === WebSocket.CLOSED);
    expect(() => socket.send({})).toThrow('not connected');
  });

  it('never shows the URL (it carries a token) in its errors', async () => {
    const { socket } = client({ url: () => 'ws://127.0.0.1:1/?token=secret-token-value' });
    const error = (await socket.connect().catch((reason: unknown) => reason)) as Error;
    expect(error).toBeInstanceOf(SocketConnectionError);
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('secret-token-value');
  });
});

describe('resolveWebSocket', () => {
  // The node matrix runs this on Node 20 (no global: the ws package) and on Node 22 and 24 (the global).
  it(`picks the global WebSocket where there is one, else ws (Node ${process.versions.node})`, async () => {
    const global = (globalThis as { WebSocket?: unknown }).WebSocket;
    expect(await resolveWebSocket(undefined)).toBe(global ?? WebSocket);
    expect(await resolveWebSocket(WebSocket)).toBe(WebSocket);
    await expect(resolveWebSocket('ws')).rejects.toThrow('must be a WebSocket class');
  });

  it('connects with whichever it picked', async () => {
    const { socket } = client({ WebSocket: undefined });
    await socket.connect();
    expect(socket.state).toBe('open');
  });
});

describe('backoffDelay', () => {
  it('grows exponentially to its cap with jitter in the upper half', () => {
    const options = { initialDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
    expect(backoffDelay(3, options, () => 1)).toBe(400);
    expect(backoffDelay(1000, options, () => 0.5)).toBe(750);
  });
});

describe('Listeners', () => {
  it('calls every listener of a name, isolates one that throws and removes on demand', () => {
    const failures: unknown[] = [];
    const listeners = new Listeners<{ event: number; other: string }>((error) => failures.push(error));
    const seen: number[] = [];
    listeners.on('event', () => {
      throw new Error('listener bug');
    });
    const off = listeners.on('event', (value) => seen.push(value));
    listeners.emit('event', 1);
    off();
    listeners.emit('event', 2);
    expect(seen).toEqual([1]);
    expect(failures.map((error) => (error as Error).message)).toEqual(['listener bug', 'listener bug']);
    expect(listeners.has('other')).toBe(false);
  });
});
