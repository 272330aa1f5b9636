/** createWazoEvents(): its arguments, the URL it opens and its keep-alive, over real sockets. */
import { resolveWebSocket, type WebSocketConstructor } from '@pbxkit/core';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, createWazoClient, createWazoEvents, InvalidArgumentError, type WazoEventsOptions } from '../../src/index.js';
import { rejectionOf, until, useWebsocketd } from './harness.js';

const e2e = useWebsocketd();

/** The `ws` package's class (Node 20 has no global WebSocket), recording the URLs it opens and the frames it sends. */
async function recordingWebSocket() {
  const Base = (await resolveWebSocket(undefined)) as unknown as new (url: string) => { send(data: string): void };
  const urls: string[] = [];
  const sent: { op: string }[] = [];
  class Recording extends Base {
    constructor(url: string) {
      urls.push(url);
      super(url);
    }
    override send(data: string) {
      sent.push(JSON.parse(data));
      super.send(data);
    }
  }
  return { WebSocket: Recording as unknown as WebSocketConstructor, urls, sent };
}

describe('arguments', () => {
  it('anything but a Wazo client is an InvalidArgumentError', () => {
    for (const wazo of [undefined, null, {}, { baseUrl: 'http://x' }, 'wazo']) {
      expect(() => createWazoEvents(wazo as never)).toThrow(InvalidArgumentError);
    }
  });

  it('bad options are named, every one of them', () => {
    const wazo = createWazoClient({ host: 'stack.example.com' });
    const bad: WazoEventsOptions = {
      url: 'https://stack.example.com/api/websocketd/',
      WebSocket: 'ws',
      reconnect: { maxAttempts: -1 },
      keepAlive: { intervalMs: 0, timeoutMs: 10 },
      onError: 'log' as never,
    };
    const error = (() => {
      try {
        createWazoEvents(wazo, bad);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(InvalidArgumentError);
    for (const name of ['`url`', '`WebSocket`', '`reconnect`', '`keepAlive`', '`onError`']) expect(error!.message).toContain(name);
    expect(() => createWazoEvents(wazo, { url: 'wss://stack.example.com/api/websocketd/?token=abc' })).toThrow(/without a token/);
    expect(() => createWazoEvents(wazo, 'fast' as never)).toThrow(InvalidArgumentError);
  });

  it('on() takes an event name and a function', () => {
    const events = createWazoEvents(createWazoClient({ host: 'stack.example.com' }));
    expect(() => events.on('', () => {})).toThrow(InvalidArgumentError);
    expect(() => events.on('call created', () => {})).toThrow(InvalidArgumentError);
    expect(() => events.on('call_created', 'listener' as never)).toThrow(InvalidArgumentError);
  });
});

describe('connection', () => {
  it('opens websocketd on the client stack with the current token and protocol version 2', async () => {
    const wazo = await e2e.logIn();
    const recording = await recordingWebSocket();
    const { events } = e2e.events(wazo, { WebSocket: recording.WebSocket });
    events.on('call_created', () => {});
    await events.connect();

    const url = new URL(recording.urls[0]!);
    expect(url.origin + url.pathname).toBe(`${e2e.baseUrl.replace('http', 'ws')}/api/websocketd/`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ token: wazo.session!.token, version: '2' });
    expect(recording.sent).toEqual([
      { op: 'subscribe', data: { event_name: 'auth_session_expire_soon' } },
      { op: 'subscribe', data: { event_name: 'call_created' } },
      { op: 'start' },
    ]);
  });

  it('a `host` client defaults to wss://<host>/api/websocketd/', async () => {
    const wazo = createWazoClient({ host: 'stack.example.com:8443', token: 'a-token' });
    const urls: string[] = [];
    const { events } = e2e.events(wazo, {
      WebSocket: class {
        constructor(url: string) {
          urls.push(url);
          throw new Error('no network in this test');
        }
      },
    });
    await rejectionOf(events.connect());
    expect(urls).toEqual(['wss://stack.example.com:8443/api/websocketd/?token=a-token&version=2']);
  });

  it('not logged in: connect() rejects with AuthenticationError and opens nothing', async () => {
    const wazo = createWazoClient({ baseUrl: e2e.baseUrl });
    const { events } = e2e.events(wazo);
    expect(await rejectionOf(events.connect())).toBeInstanceOf(AuthenticationError);
    expect(e2e.accepted()).toBe(0);
  });

  it('keep-alive: a quiet socket is pinged, websocketd answers, and the socket stays open', async () => {
    const wazo = await e2e.logIn();
    const recording = await recordingWebSocket();
    const { events, statuses } = e2e.events(wazo, { WebSocket: recording.WebSocket, keepAlive: { intervalMs: 10, timeoutMs: 5_000 } });
    await events.connect();

    // A ping follows the previous one only once something (its pong) was heard since.
    await until(() => recording.sent.filter((frame) => frame.op === 'ping').length >= 5);

    expect(recording.sent.find((frame) => frame.op === 'ping')).toEqual({ op: 'ping', data: { payload: 'pbxkit' } });
    expect(statuses.map((status) => status.state)).toEqual(['connecting', 'open']);
    expect(e2e.accepted()).toBe(1);
  });
});
