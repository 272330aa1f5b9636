import { describe, expect, it } from 'vitest';
import { AuthenticationError, type KazooSessionMethods, type SocketStatus } from '../../src/index.js';
import { recordingWebSocket, startBlackhole } from './harness.js';

let clock = Date.parse('2026-11-22T10:00:00Z');
const LIFETIME_S = 600;
const env = await startBlackhole({ now: () => clock, tokenLifetimeSeconds: LIFETIME_S });
const { demo } = env.fixtures;

async function freshToken(): Promise<string> {
  return (await env.kazoo({ apiKey: demo.apiKey }).authenticate()).token;
}

/** Waits for the client to stop, and returns why. */
function stopped(events: { onStatus(listener: (status: SocketStatus) => void): () => void }): Promise<Error | undefined> {
  return new Promise((resolve) => events.onStatus((status) => status.state === 'closed' && resolve(status.error)));
}

describe('a token blackhole refuses', () => {
  it.each([
    ['revoked', async (kazoo: KazooSessionMethods & ReturnType<typeof env.kazoo>) => void (await kazoo.auth.revokeToken())],
    ['expired', async () => void (clock += (LIFETIME_S + 1) * 1000)],
  ])('%s, with a client that cannot renew it: stops with an AuthenticationError after one reconnection, no loop', async (_, spoil) => {
    const token = await freshToken();
    const kazoo = env.kazoo({ token });
    const { WebSocket, record } = await recordingWebSocket();
    const events = env.events(kazoo, { WebSocket });
    await events.connect();
    await events.subscribe('call.*.*');
    await spoil(kazoo);

    const reason = stopped(events);
    env.sim.blackhole.dropConnections();
    const error = await reason;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error!.message).toMatch(/^blackhole refused the token: failed to authenticate token; the Kazoo client cannot get another/);
    expect(events.state).toBe('closed');
    expect(record.opened).toBe(2);
    // One refused subscribe on the new connection, nothing after it.
    expect(record.sent.filter((frame) => frame.action === 'subscribe')).toHaveLength(2);
    await expect.poll(() => env.sim.blackhole.connectionCount).toBe(0);
    expect(`${error!.message} ${JSON.stringify(error)}`).not.toContain(token);
    await expect(events.subscribe('call.*.*')).rejects.toBe(error);
  });

  it('is replaced once by a client that can renew it (API key): the subscription goes on', async () => {
    const stale = await freshToken();
    await env.kazoo({ token: stale }).auth.revokeToken();
    const kazoo = env.kazoo({ apiKey: demo.apiKey, token: stale });
    const renewed: string[] = [];
    kazoo.onTokenRefresh((session) => renewed.push(session.token));
    const events = env.events(kazoo);
    await events.connect();
    await Promise.all([events.subscribe('call.CHANNEL_CREATE.*'), events.subscribe('call.CHANNEL_DESTROY.*')]);
    expect(renewed).toHaveLength(1);
    expect(kazoo.session!.token).not.toBe(stale);
    expect(env.serverBindings()).toEqual([['call.CHANNEL_CREATE.*', 'call.CHANNEL_DESTROY.*']]);
  });

  it('is refused again after renewal: the command fails with an AuthenticationError, one renewal only', async () => {
    const stale = await freshToken();
    await env.kazoo({ token: stale }).auth.revokeToken();
    // A client whose renewals give a token blackhole refuses too (a forged signature).
    let session = { token: stale, accountId: demo.accountId, ownerId: undefined, expiresAt: undefined };
    let renewals = 0;
    const kazoo: KazooSessionMethods = {
      get session() {
        return session;
      },
      async authenticate() {
        renewals += 1;
        session = { ...session, token: `${stale.slice(0, -4)}AAAA` };
        return session;
      },
      setToken: () => {},
      onTokenRefresh: () => () => {},
    };
    const events = env.events(kazoo);
    await events.connect();
    const error = await events.subscribe('call.*.*').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toBe('blackhole refused the token: failed to authenticate token (also after getting a new token)');
    expect(renewals).toBe(1);
    expect(events.state).toBe('open');
  });
});

it('uses the token the REST client refreshed for the next command and for reconnections', async () => {
  const kazoo = env.kazoo({ apiKey: demo.apiKey });
  const { WebSocket, record } = await recordingWebSocket();
  const events = env.events(kazoo, { WebSocket });
  await events.connect();
  await events.subscribe('call.CHANNEL_CREATE.*');
  const first = kazoo.session!.token;
  const second = (await kazoo.authenticate()).token;
  expect(second).not.toBe(first);
  await events.subscribe('call.CHANNEL_ANSWER.*');
  let opens = 0;
  events.onStatus((status) => void (status.state === 'open' && opens++));
  env.sim.blackhole.dropConnections();
  await expect.poll(() => opens).toBe(1);
  expect(record.sent.filter((frame) => frame.action === 'subscribe').map((frame) => frame.auth_token)).toEqual([first, second, second, second]);
});
