import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AbortError, ConnectionError, createTransport, TimeoutError, type OperationSpec } from '../src/index.js';
import { json, startServer } from './server.js';

const server = await startServer();
const get: OperationSpec = { method: 'GET', path: '/slow' };

/** Answers after `ms`, unless the client went away first. */
const slowly = (ms: number) => (_req: unknown, res: import('node:http').ServerResponse) => {
  const timer = setTimeout(() => json(res, 200, { late: true }), ms);
  res.on('close', () => clearTimeout(timer));
};

describe('timeouts', () => {
  it('fails a slow attempt with TimeoutError', async () => {
    server.handle = slowly(5000);
    const transport = createTransport({ baseUrl: server.url, timeout: 50, retry: false });
    const error = await transport.call(get, {}, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).name).toBe('TimeoutError');
    expect((error as Error).message).toContain(`GET ${server.url}/slow`);
  });

  it('takes the per-call timeout over the client one, and retries timed-out GETs', async () => {
    server.handle = slowly(5000);
    // Attempts are counted as they leave: under load a 50 ms attempt may time out before the server sees it.
    let attempts = 0;
    const transport = createTransport({
      baseUrl: server.url,
      timeout: 60_000,
      sleep: async () => {},
      fetch: (url, init) => (attempts++, fetch(url, init)),
    });
    await expect(transport.call(get, { timeout: 50 }, 'data')).rejects.toBeInstanceOf(TimeoutError);
    expect(attempts).toBe(3);
  });

  it('covers reading the body', async () => {
    server.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": [');
    };
    const transport = createTransport({ baseUrl: server.url, timeout: 100, retry: false });
    await expect(transport.call(get, {}, 'data')).rejects.toBeInstanceOf(TimeoutError);
  });

  it('lets a fast call through', async () => {
    server.handle = slowly(1);
    const transport = createTransport({ baseUrl: server.url, timeout: 5000 });
    await expect(transport.call(get, {}, 'data')).resolves.toEqual({ late: true });
  });
});

describe('abort', () => {
  it('fails with AbortError when the caller aborts during the request', async () => {
    const controller = new AbortController();
    server.handle = (req, res) => {
      slowly(5000)(req, res);
      controller.abort();
    };
    const transport = createTransport({ baseUrl: server.url });
    const error = await transport.call(get, { signal: controller.signal }, 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(server.seen).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const transport = createTransport({ baseUrl: server.url });
    await expect(transport.call(get, { signal: AbortSignal.abort() }, 'data')).rejects.toBeInstanceOf(AbortError);
    expect(server.seen).toHaveLength(0);
  });

  it('keeps following the signal while a raw body streams', async () => {
    const controller = new AbortController();
    server.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.write(Buffer.alloc(16));
    };
    const transport = createTransport({ baseUrl: server.url });
    const response = (await transport.call(get, { signal: controller.signal }, 'raw')) as Response;
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toBeInstanceOf(AbortError);
  });
});

describe('timers', () => {
  it('lets a Node script exit as soon as its last call returns, despite a 60 s timeout', async () => {
    server.handle = (_req, res) => json(res, 200, { pong: true });
    const script = fileURLToPath(new URL('./fixtures/one-call.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, server.url], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const guard = setTimeout(() => child.kill(), 10_000);
    let output = '';
    let doneAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('done')) doneAt ||= Date.now();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const exitedAt = Date.now();
    clearTimeout(guard);
    expect(code).toBe(0);
    expect(output).toContain('done {"pong":true}');
    expect(exitedAt - doneAt).toBeLessThan(3000);
  });
});
