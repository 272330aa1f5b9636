/** Tokens on the socket: pushed on refresh, renewed once on a refusal, never a reconnection loop. */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, WebsocketdAuthenticationError, WebsocketdProtocolError, type SocketStatus } from '../../src/index.js';
import { CLIENT_ID, rejectionOf, until, useWebsocketd } from './harness.js';

const e2e = useWebsocketd();
const { alice } = e2e.sim.fixtures.users;
const websocketd = e2e.sim.websocketd;
const MINUTE = 60_000;

const socketSession = () => websocketd.subscriptions()[0]?.sessionUuid;
const opens = (statuses: SocketStatus[]) => statuses.filter((status) => status.state === 'open').length;
const stopped = (statuses: SocketStatus[]) => () => statuses.at(-1)?.state === 'closed';

/** Counts alice's call_created events, published straight to her. */
function callCounter(events: { on(name: 'call_created', listener: () => void): () => void }) {
  let count = 0;
  events.on('call_created', () => count++);
  return {
    publish: () => websocketd.publish('call_created', { call_id: 'c1', user_uuid: alice.uuid }, { userUuids: [alice.uuid] }),
    count: () => count,
  };
}

describe('token refresh', () => {
  it('a refresh of the REST session is pushed with op:token: the socket outlives the old token without reconnecting', async () => {
    const wazo = await e2e.logIn('alice', { tokenExpiration: 600 });
    const first = wazo.session!;
    const { events, statuses } = e2e.events(wazo);
    const calls = callCounter(events);
    await events.connect();

    e2e.advanceClock(5 * MINUTE);
    await wazo.renewToken();
    await until(() => socketSession() === wazo.session!.sessionUuid);
    e2e.advanceClock(6 * MINUTE); // the first token has expired; the second has four minutes left
    websocketd.checkExpiry();
    calls.publish();
    await until(() => calls.count() === 1);

    expect(first.sessionUuid).not.toBe(wazo.session!.sessionUuid);
    expect(e2e.sim.tokens.find(first.token)).toBeUndefined();
    expect(e2e.accepted()).toBe(1);
    expect(statuses.map((status) => status.state)).toEqual(['connecting', 'open']);
  });

  it('without a refresh the token expires under the socket: 4003, renewed once, reconnected', async () => {
    const wazo = await e2e.logIn('alice', { tokenExpiration: 600 });
    const { events, statuses } = e2e.events(wazo);
    await events.connect();

    e2e.advanceClock(11 * MINUTE);
    websocketd.checkExpiry();
    await until(() => opens(statuses) === 2);

    expect(statuses.find((status) => status.state === 'reconnecting')!.error).toMatchObject({ closeCode: 4003 });
    expect(e2e.refreshAttempts()).toBe(1);
    expect(socketSession()).toBe(wazo.session!.sessionUuid);
    expect(e2e.accepted()).toBe(2);
  });

  it('auth_session_expire_soon for its own session renews the token early and pushes it', async () => {
    const wazo = await e2e.logIn('alice', { tokenExpiration: 600 });
    const first = wazo.session!;
    const { events, statuses } = e2e.events(wazo);
    await events.connect();

    e2e.advanceClock(9.5 * MINUTE); // within wazo-auth's one-minute warning
    websocketd.checkExpiry();
    await until(() => socketSession() !== first.sessionUuid && socketSession() === wazo.session!.sessionUuid);
    e2e.advanceClock(MINUTE);
    websocketd.checkExpiry();

    expect(e2e.refreshAttempts()).toBe(1);
    expect(websocketd.connectionCount).toBe(1);
    expect(statuses.map((status) => status.state)).toEqual(['connecting', 'open']);
  });
});

describe('refusals', () => {
  it('4003 (expired): the token is renewed once and the socket reconnects with it, subscribed again', async () => {
    const wazo = await e2e.logIn();
    const first = wazo.session!;
    const { events, statuses } = e2e.events(wazo);
    const calls = callCounter(events);
    await events.connect();

    websocketd.dropConnections(4003);
    await until(() => opens(statuses) === 2 && websocketd.subscriptions()[0]?.started === true);
    calls.publish();
    await until(() => calls.count() === 1);

    expect(e2e.refreshAttempts()).toBe(1);
    expect(wazo.session!.token).not.toBe(first.token);
    expect(socketSession()).toBe(wazo.session!.sessionUuid);
    expect(e2e.accepted()).toBe(2);
  });

  it('4003, then the renewed token refused too: stops with WebsocketdAuthenticationError, no loop', async () => {
    const wazo = await e2e.logIn();
    const { events, statuses, errors } = e2e.events(wazo);
    await events.connect();
    // Every renewed token is dead on arrival, as if the session had been ended server side.
    wazo.onTokenRefresh((session) => e2e.sim.tokens.revoke(session.token));

    websocketd.dropConnections(4003);
    await until(stopped(statuses));

    const error = statuses.at(-1)!.error;
    expect(error).toBeInstanceOf(WebsocketdAuthenticationError);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ closeCode: 4002, message: expect.stringContaining('log in again') });
    expect(errors).toEqual([error]);
    expect(e2e.refreshAttempts()).toBe(1);
    expect(e2e.accepted()).toBe(2);
    expect(events.state).toBe('closed');
  });

  it('4002 when the refresh token was revoked: the renewal fails and the client stops', async () => {
    const wazo = await e2e.logIn();
    const { events, statuses } = e2e.events(wazo);
    await events.connect();
    e2e.sim.tokens.deleteRefreshToken(alice.uuid, CLIENT_ID);

    websocketd.dropConnections(4002);
    await until(stopped(statuses));

    expect(statuses.at(-1)!.error).toBeInstanceOf(AuthenticationError);
    expect(e2e.refreshAttempts()).toBe(1);
    expect(e2e.accepted()).toBe(1);
  });

  it('a refused first connection whose token cannot be renewed rejects connect()', async () => {
    const wazo = await e2e.logIn('alice', { clientId: undefined });
    const { token } = wazo.session!;
    e2e.sim.tokens.revoke(token);
    const { events, statuses } = e2e.events(wazo);

    const error = await rejectionOf(events.connect());

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/without a refresh token/);
    expect(`${error.message} ${JSON.stringify(error)} ${JSON.stringify(statuses)}`).not.toContain(token);
    expect(e2e.accepted()).toBe(1);
  });

  it('4004 (protocol error) stops at once with WebsocketdProtocolError', async () => {
    const wazo = await e2e.logIn();
    const { events, statuses } = e2e.events(wazo);
    await events.connect();

    websocketd.dropConnections(4004);
    await until(stopped(statuses));

    const error = statuses.at(-1)!.error;
    expect(error).toBeInstanceOf(WebsocketdProtocolError);
    expect(error).toMatchObject({ closeCode: 4004 });
    expect(await rejectionOf(events.connect())).toBe(error);
    expect(e2e.refreshAttempts()).toBe(0);
    expect(e2e.accepted()).toBe(1);
  });
});
