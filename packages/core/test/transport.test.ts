import { describe, expect, it } from 'vitest';
import { createTransport, InvalidArgumentError, type OperationSpec } from '../src/index.js';
import { json, startServer } from './server.js';

const server = await startServer();
const transport = () => createTransport({ baseUrl: server.url, headers: { 'x-client': 'pbxkit' } });

const getCdr: OperationSpec = { method: 'GET', path: '/cdrs/{id}', envelope: 'data' };
const envelope = { data: { id: 7, src: '100' }, links: { self: '/cdrs/7' } };

describe('result modes', () => {
  it('resolves to the data with the envelope removed', async () => {
    server.handle = (_req, res) => json(res, 200, envelope);
    await expect(transport().call(getCdr, { path: { id: 7 } }, 'data')).resolves.toEqual({ id: 7, src: '100' });
    expect(server.seen[0]!.url).toBe('/cdrs/7');
  });

  it('keeps a body that lacks the envelope property (e.g. a 202 of another shape)', async () => {
    server.handle = (_req, res) => json(res, 202, { nonce: 'n1' });
    await expect(transport().call(getCdr, { path: { id: 7 } }, 'data')).resolves.toEqual({ nonce: 'n1' });
  });

  it('gives data, envelope, response and request id with `with`', async () => {
    server.handle = (_req, res) => json(res, 200, envelope, { 'x-request-id': 'req-42' });
    const result = (await transport().call(getCdr, { path: { id: 7 } }, 'with')) as Record<string, unknown>;
    expect(result.data).toEqual(envelope.data);
    expect(result.body).toEqual(envelope);
    expect(result.requestId).toBe('req-42');
    expect((result.response as Response).status).toBe(200);
  });

  it('returns the Response with its body unread with `raw`', async () => {
    server.handle = (_req, res) => json(res, 200, envelope);
    const response = (await transport().call(getCdr, { path: { id: 7 } }, 'raw')) as Response;
    expect(response.bodyUsed).toBe(false);
    await expect(response.json()).resolves.toEqual(envelope);
  });

  it('still throws typed errors with `raw`', async () => {
    server.handle = (_req, res) => json(res, 404, { message: 'No such CDR' });
    await expect(transport().call(getCdr, { path: { id: 8 } }, 'raw')).rejects.toMatchObject({
      name: 'NotFoundError',
      status: 404,
    });
  });

  it('reads binary responses as a Blob', async () => {
    const bytes = Buffer.from([0xff, 0xfb, 0x90, 0x00, 0x01]);
    server.handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'audio/mpeg' });
      res.end(bytes);
    };
    const blob = await transport().call({ method: 'GET', path: '/monitors/{id}.mp3', parseAs: 'blob' }, { path: { id: 3 } }, 'data');
    expect(blob).toBeInstanceOf(Blob);
    expect(Buffer.from(await (blob as Blob).arrayBuffer())).toEqual(bytes);
    expect(server.seen[0]!.url).toBe('/monitors/3.mp3');
  });

  it('resolves to undefined on 204', async () => {
    server.handle = (_req, res) => res.writeHead(204).end();
    await expect(transport().call({ method: 'DELETE', path: '/contacts/{id}' }, { path: { id: 1 } }, 'data')).resolves.toBeUndefined();
  });
});

describe('requests', () => {
  it('sends JSON bodies, client and call headers', async () => {
    server.handle = (_req, res) => json(res, 201, { data: { id: 1 } });
    await transport().call(
      { method: 'POST', path: '/contacts', envelope: 'data' },
      { body: { first_name: 'Ada' }, headers: { 'x-call': 'yes' } },
      'data',
    );
    const [seen] = server.seen;
    expect(JSON.parse(seen!.body)).toEqual({ first_name: 'Ada' });
    expect(seen!.headers['content-type']).toBe('application/json');
    expect(seen!.headers['x-client']).toBe('pbxkit');
    expect(seen!.headers['x-call']).toBe('yes');
  });

  it('sends `json`-serialized parameters as JSON text and the others as usual', async () => {
    server.handle = (_req, res) => json(res, 200, { data: [], total: 0 });
    const filter = [{ property: 'calldate', operator: 'gt', value: '2026-11-01 00:00:00' }];
    await transport().call(
      { method: 'GET', path: '/cdrs', serialize: { filter: 'json' } },
      { query: { filter, page: 2, limit: 50 } },
      'data',
    );
    const query = new URL(server.seen[0]!.url, server.url).searchParams;
    expect(JSON.parse(query.get('filter')!)).toEqual(filter);
    expect(query.get('page')).toBe('2');
    expect(query.get('limit')).toBe('50');
  });
});

describe('input validation', () => {
  const bad: [string, unknown][] = [
    ['null', null],
    ['a string', 'id=7'],
    ['an array', [7]],
    ['no path', {}],
    ['a missing path parameter', { path: { other: 1 } }],
    ['an empty path parameter', { path: { id: '' } }],
    ['a null path parameter', { path: { id: null } }],
  ];
  it.each(bad)('rejects %s with InvalidArgumentError and sends nothing', async (_what, input) => {
    const error = await transport()
      .call(getCdr, input as never, 'data')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).name).toBe('InvalidArgumentError');
    expect(server.seen).toHaveLength(0);
  });

  it('names the missing path parameter', async () => {
    await expect(transport().call(getCdr, {}, 'data')).rejects.toThrow(/path parameter `id`/);
  });

  it('turns a query openapi-fetch cannot serialise into InvalidArgumentError', async () => {
    const error = await transport()
      .call({ method: 'GET', path: '/cdrs' }, { query: { deep: { a: { b: 1 } } } }, 'data')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(server.seen).toHaveLength(0);
  });
});
