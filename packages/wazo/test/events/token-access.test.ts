/** The session layer's token access that the events client relies on: currentToken() and renewToken(). */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, createWazoClient, InvalidArgumentError } from '../../src/index.js';
import { rejectionOf, useWebsocketd } from './harness.js';

const e2e = useWebsocketd();

describe('currentToken()', () => {
  it('is the session token; not logged in, an AuthenticationError', async () => {
    const wazo = await e2e.logIn();
    expect(await wazo.currentToken()).toBe(wazo.session!.token);
    expect(await rejectionOf(createWazoClient({ baseUrl: e2e.baseUrl }).currentToken())).toBeInstanceOf(AuthenticationError);
  });
});

describe('renewToken()', () => {
  it('renews the current token once however many ask at the same time, and tells onTokenRefresh', async () => {
    const wazo = await e2e.logIn();
    const first = wazo.session!.token;
    const refreshed: string[] = [];
    wazo.onTokenRefresh((session) => refreshed.push(session.token));

    const tokens = await Promise.all([wazo.renewToken(), wazo.renewToken(first), wazo.renewToken(first)]);

    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(first);
    expect(refreshed).toEqual([tokens[0]]);
    expect(e2e.refreshAttempts()).toBe(1);
    expect(await wazo.currentToken()).toBe(tokens[0]);
  });

  it('a token already replaced gets the current one, without another refresh', async () => {
    const wazo = await e2e.logIn();
    const first = wazo.session!.token;
    const second = await wazo.renewToken();

    expect(await wazo.renewToken(first)).toBe(second);
    expect(e2e.refreshAttempts()).toBe(1);
  });

  it('without a refresh token: AuthenticationError; a bad argument: InvalidArgumentError', async () => {
    const wazo = await e2e.logIn('alice', { clientId: undefined });
    expect(await rejectionOf(wazo.renewToken())).toBeInstanceOf(AuthenticationError);
    expect(await rejectionOf(wazo.renewToken('' as string))).toBeInstanceOf(InvalidArgumentError);
    expect(await rejectionOf(wazo.renewToken(42 as never))).toBeInstanceOf(InvalidArgumentError);
  });

  it('baseUrl is the stack root the client was given', () => {
    expect(createWazoClient({ host: 'stack.example.com' }).baseUrl).toBe('https://stack.example.com');
    expect(createWazoClient({ baseUrl: `${e2e.baseUrl}/` }).baseUrl).toBe(e2e.baseUrl);
  });
});
