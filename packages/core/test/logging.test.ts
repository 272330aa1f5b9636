import { describe, expect, it } from 'vitest';
import {
  createTokenManager,
  createTransport,
  NotFoundError,
  type Logger,
  type LogLevel,
  type OperationSpec,
  type TransportOptions,
} from '../src/index.js';
import { json, startServer } from './server.js';

const server = await startServer();

const apiKey = 'sk-live-4f9c2e7a1b';
const password = 'hunter2-correct-horse';
const token = 'tok-8d1e5a0c3f27b9';
const deletedToken = 'api-token-6b3d9e1f';
const secrets = [apiKey, password, token, deletedToken];

function recorder(logLevel: LogLevel = 'debug', options: Partial<TransportOptions> = {}) {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (m) => lines.push(`debug ${m}`),
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  const tokens = createTokenManager({ credentials: { token } });
  const transport = createTransport({
    baseUrl: server.url,
    logger,
    logLevel,
    secrets: [apiKey],
    auth: { tokens, apply: (headers, c) => headers.set('x-auth-token', c.token) },
    sleep: async () => {},
    ...options,
  });
  return { transport, lines };
}

const expectNoSecret = (text: string) => {
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
  }
};

const deleteApiToken: OperationSpec = { method: 'DELETE', path: '/apitokens/{token}', secretParams: ['token'] };

describe('redaction', () => {
  it('keeps tokens, API keys and passwords out of every log line', async () => {
    server.handle = (req, res) => json(res, 200, { user_id: 1, api_key: apiKey, echoed: req.body });
    const { transport, lines } = recorder('debug');
    transport.secrets.add(password);
    await transport.call(
      { method: 'POST', path: '/login', anonymous: true },
      {
        body: { email: 'ada@example.com', password, nested: { refresh_token: 'r-1', credentials: 'md5hash' } },
        headers: { authorization: `Basic ${btoa(`1:${apiKey}`)}`, cookie: 'session=abc', 'x-api-key': apiKey },
      },
      'data',
    );
    await transport.call({ method: 'GET', path: '/calls' }, { query: { key: apiKey } }, 'data');
    const log = lines.join('\n');
    expectNoSecret(log);
    expect(log).not.toContain('md5hash');
    expect(log).not.toContain('session=abc');
    expect(log).not.toContain('r-1');
    expect(log).toContain('ada@example.com');
    expect(log).toContain('[REDACTED]');
    expect(lines.some((l) => l.startsWith('debug -> POST') && l.includes('"x-api-key":"[REDACTED]"'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`info <- GET ${server.url}/calls?key=[REDACTED] 200 in `))).toBe(true);
  });

  it('keeps a secret path parameter out of the error message, url, JSON and logs', async () => {
    server.handle = (req, res) =>
      json(res, 404, { message: `API token ${deletedToken} not found`, errors: [] }, { 'x-request-id': 'r9' });
    const { transport, lines } = recorder('debug');
    const error = await transport.call(deleteApiToken, { path: { token: deletedToken } }, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const e = error as NotFoundError;
    expect(server.seen[0]!.url).toBe(`/apitokens/${deletedToken}`);
    expect(e.url).toBe(`${server.url}/apitokens/[REDACTED]`);
    expect(e.message).toBe(`404 API token [REDACTED] not found (DELETE ${server.url}/apitokens/[REDACTED])`);
    expectNoSecret(e.message);
    expectNoSecret(e.url!);
    expectNoSecret(JSON.stringify(e));
    expectNoSecret(lines.join('\n'));
  });

  it('scrubs the current token and secrets from errors that never got a response', async () => {
    const { transport } = createAndBreak();
    const error = await transport.call({ method: 'GET', path: '/calls' }, { query: { t: token, k: apiKey } }, 'data').catch((e: unknown) => e);
    expect((error as Error).name).toBe('ConnectionError');
    expectNoSecret((error as Error).message);
    expectNoSecret(JSON.stringify(error));
  });

  it('scrubs tokens of earlier refreshes', async () => {
    const valid = new Set(['refreshed-token-77']);
    server.handle = (req, res) =>
      valid.has(String(req.headers['x-auth-token'])) ? json(res, 200, {}) : json(res, 401, {});
    const lines: string[] = [];
    const tokens = createTokenManager({
      credentials: { token },
      refresh: async () => ({ token: 'refreshed-token-77' }),
    });
    const transport = createTransport({
      baseUrl: server.url,
      logger: { info: (m) => lines.push(m), warn: (m) => lines.push(m) },
      logLevel: 'info',
      auth: { tokens, apply: (headers, c) => headers.set('x-auth-token', c.token) },
    });
    await transport.call({ method: 'GET', path: '/me' }, {}, 'data');
    await transport.call({ method: 'GET', path: '/lookup' }, { query: { old: token, current: 'refreshed-token-77' } }, 'data');
    expect(lines.at(-1)).toContain('/lookup?old=[REDACTED]&current=[REDACTED] 200');
    expect(lines.join('\n')).not.toContain('refreshed-token-77');
    expect(lines.join('\n')).not.toContain(token);
  });
});

/** A transport pointed at a port nobody listens on. */
function createAndBreak() {
  const tokens = createTokenManager({ credentials: { token } });
  const transport = createTransport({
    baseUrl: 'http://127.0.0.1:9',
    secrets: [apiKey],
    retry: false,
    auth: { tokens, apply: (headers, c) => headers.set('x-auth-token', c.token) },
  });
  return { transport };
}

describe('levels', () => {
  it('logs failures at warn (the default) and successes at info', async () => {
    let count = 0;
    server.handle = (_req, res) => (count++ === 0 ? json(res, 503, {}) : json(res, 200, {}));
    const { transport, lines } = recorder('warn');
    await transport.call({ method: 'GET', path: '/calls' }, {}, 'data');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^warn <- GET ${server.url}/calls 503 in \\d+ ms \\(attempt 1\\)$`));

    lines.length = 0;
    count = 0;
    const info = recorder('info');
    await info.transport.call({ method: 'GET', path: '/calls' }, {}, 'data');
    expect(info.lines.map((l) => l.replace(/\d+ ms/, 'N ms'))).toEqual([
      `warn <- GET ${server.url}/calls 503 in N ms (attempt 1)`,
      `info retrying GET ${server.url}/calls in N ms`,
      `info <- GET ${server.url}/calls 200 in N ms (attempt 2)`,
    ]);
  });

  it('logs nothing when off, and works with a logger that has only some methods', async () => {
    server.handle = (_req, res) => json(res, 500, {});
    const off = recorder('off');
    await off.transport.call({ method: 'GET', path: '/calls' }, {}, 'data').catch(() => {});
    expect(off.lines).toEqual([]);

    const lines: string[] = [];
    const partial = createTransport({ baseUrl: server.url, logger: { error: (m) => lines.push(m) }, logLevel: 'debug' });
    await partial.call({ method: 'GET', path: '/calls' }, {}, 'data').catch(() => {});
    expect(lines).toEqual([]);
  });

  it('logs connection failures', async () => {
    const lines: string[] = [];
    const transport = createTransport({ baseUrl: 'http://127.0.0.1:9', retry: false, logger: { warn: (m) => lines.push(m) } });
    await transport.call({ method: 'GET', path: '/calls' }, {}, 'data').catch(() => {});
    expect(lines).toEqual([expect.stringMatching(/^xx GET http:\/\/127\.0\.0\.1:9\/calls ConnectionError in \d+ ms \(attempt 1\)$/)]);
  });
});
