import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createKazooSimulator, createVoipstudioSimulator, createWazoSimulator } from '../../src/index.js';

const kazoo = await createKazooSimulator().listen();
const voipstudio = await createVoipstudioSimulator().listen();
afterAll(() => Promise.all([kazoo.close(), voipstudio.close()]));

function open(url: string): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));
    socket.once('open', () => resolve({ socket, closed }));
    socket.once('error', reject);
  });
}
const drop = (origin: string, query = '') => fetch(`${origin}/__sim/sockets/drop${query}`, { method: 'POST' });

describe('POST /__sim/sockets/drop', () => {
  it('cuts every open socket without a close frame, and says how many', async () => {
    const first = await open(kazoo.websocketUrl);
    const second = await open(kazoo.websocketUrl);
    const reply = await drop(kazoo.url);
    expect(await reply.json()).toEqual({ dropped: 2 });
    expect(await Promise.all([first.closed, second.closed])).toEqual([1006, 1006]);
  });

  it('closes cleanly with a given code', async () => {
    const { closed } = await open(kazoo.websocketUrl);
    expect((await drop(kazoo.url, '?code=4000')).status).toBe(200);
    expect(await closed).toBe(4000);
  });

  it('refuses a code a server may not send, and a simulator without sockets', async () => {
    expect((await drop(kazoo.url, '?code=1006')).status).toBe(400);
    expect((await drop(kazoo.url, '?code=abc')).status).toBe(400);
    expect((await drop(voipstudio.url)).status).toBe(404);
  });

  it('reaches the Wazo websocketd sessions too', async () => {
    const sim = createWazoSimulator();
    const server = await sim.listen();
    try {
      const { alice } = sim.fixtures.users;
      const login = await fetch(`${server.url}/api/auth/0.1/token`, {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa(`${alice.username}:${alice.password}`)}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      const { data } = (await login.json()) as { data: { token: string } };
      const { closed } = await open(`${server.websocketdUrl}?token=${data.token}&version=2`);
      expect(await (await drop(server.url, '?code=1011')).json()).toEqual({ dropped: 1 });
      expect(await closed).toBe(1011);
    } finally {
      await server.close();
    }
  });
});
