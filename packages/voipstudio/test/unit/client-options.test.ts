import { describe, expect, it } from 'vitest';
import { createVoipstudioClient, InvalidArgumentError } from '../../src/index.js';

describe('createVoipstudioClient options', () => {
  it.each([
    ['a string', 'https://l7api.com'],
    ['a relative baseUrl', { baseUrl: '/v1.2/voipstudio' }],
    ['a numeric baseUrl', { baseUrl: 42 }],
    ['a negative timeout', { timeout: -1 }],
    ['a NaN timeout', { timeout: Number.NaN }],
    ['auth that is not an object', { auth: 'secret' }],
    ['an empty email', { auth: { email: '', password: 'p' } }],
    ['an apiKey that is not a string', { auth: { apiKey: 12 } }],
  ])('rejects %s with InvalidArgumentError', (_, options) => {
    expect(() => createVoipstudioClient(options as never)).toThrow(InvalidArgumentError);
  });

  it('accepts no options, and a baseUrl with trailing slashes', async () => {
    expect(() => createVoipstudioClient()).not.toThrow();
    let seen = '';
    const vs = createVoipstudioClient({
      baseUrl: 'http://pbx.test/v1.2/voipstudio//',
      auth: { apiKey: 'key-1234' },
      fetch: async (url) => ((seen = String(url)), Response.json({ data: { response: 'Pong' } })),
    });
    await vs.auth.ping();
    expect(seen).toBe('http://pbx.test/v1.2/voipstudio/ping');
  });
});
