import { describe, expect, it } from 'vitest';
import { createKazooClient, createKazooEvents, InvalidArgumentError, type KazooEventsOptions } from '../../src/index.js';

const kazoo = createKazooClient({ auth: { token: 'e30.e30.c2ln' } });
const url = 'ws://kazoo.example.com:5555';

describe('createKazooEvents options', () => {
  it.each<[string, unknown, Partial<KazooEventsOptions> | undefined]>([
    ['a missing client', undefined, { url }],
    ['missing options', kazoo, undefined],
    ['an http URL', kazoo, { url: 'http://kazoo.example.com:5555' }],
    ['a relative URL', kazoo, { url: '/socket' }],
    ['an empty accountId', kazoo, { url, accountId: '' }],
    ['a WebSocket that is not a class', kazoo, { url, WebSocket: {} }],
    ['a negative backoff', kazoo, { url, reconnect: { initialDelayMs: -1 } }],
    ['a keep-alive without timeout', kazoo, { url, keepAlive: { intervalMs: 1000 } as never }],
    ['a zero request timeout', kazoo, { url, requestTimeoutMs: 0 }],
    ['an onError that is not a function', kazoo, { url, onError: 'log' as never }],
  ])('refuses %s', (_, client, options) => {
    expect(() => createKazooEvents(client as never, options as never)).toThrow(InvalidArgumentError);
  });

  it('takes valid options without connecting', () => {
    const events = createKazooEvents(kazoo, { url: 'wss://kazoo.example.com:5556', accountId: 'a'.repeat(32), keepAlive: false, reconnect: { maxAttempts: 3 } });
    expect(events.state).toBe('idle');
    expect(events.bindings).toEqual([]);
  });
});
