import { describe, expect, it } from 'vitest';
import { createContract } from '../../src/index.js';
import { miniSpec } from './mini-spec.js';

const contract = createContract(miniSpec);
const base = '/v1/mini';

function request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  return new Request(`https://api.example.test${path}`, {
    method,
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
}

describe('contract matching', () => {
  it('takes the base path from the first server URL', () => {
    expect(contract.basePath).toBe('/v1/mini');
  });

  it('matches templates and decodes path parameters', () => {
    const found = contract.match('GET', `${base}/items/42`);
    expect(found).toMatchObject({ kind: 'operation', operation: { operationId: 'getItem' }, pathParams: { id: '42' } });
  });

  it('prefers the more specific template for .mp3 paths', () => {
    expect(contract.match('GET', `${base}/items/42.mp3`)).toMatchObject({
      kind: 'operation',
      operation: { operationId: 'downloadItemAudio' },
      pathParams: { id: '42' },
    });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(contract.match('PUT', `${base}/items/1`)).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'DELETE'] });
    expect(contract.match('GET', `${base}/nothing`)).toEqual({ kind: 'not-found' });
    expect(contract.match('GET', '/items/1')).toEqual({ kind: 'not-found' });
  });

  it('knows anonymous operations and the auth headers', () => {
    expect(contract.operation('ping').anonymous).toBe(true);
    expect(contract.operation('listItems').anonymous).toBe(false);
    expect(contract.authHeaders).toEqual(['X-Auth-Token', 'Authorization']);
  });

  it('is compiled once per document and base path', () => {
    expect(createContract(miniSpec)).toBe(contract);
    expect(createContract(miniSpec, { basePath: '/other' }).basePath).toBe('/other');
  });
});

describe('request validation', () => {
  it('coerces query strings by schema type and decodes JSON and deepObject parameters', async () => {
    const filter = encodeURIComponent(JSON.stringify([{ property: 'name', operator: 'eq', value: 'a' }]));
    const result = await contract.validateRequest(
      request('GET', `${base}/items?limit=10&active=true&ids=1&ids=2&filter=${filter}&fields[users]=id,name`),
    );
    expect(result.violations).toEqual([]);
    expect(result.query).toEqual({
      limit: 10,
      active: true,
      ids: [1, 2],
      filter: [{ property: 'name', operator: 'eq', value: 'a' }],
      fields: { users: 'id,name' },
    });
  });

  it('reports each bad parameter where it is', async () => {
    const result = await contract.validateRequest(request('GET', `${base}/items?limit=500&active=maybe&filter=[{"property":"x","operator":"between"}]`));
    expect(result.violations.map((v) => v.at).sort()).toEqual(['query.active', 'query.filter/0/operator', 'query.limit']);
  });

  it('rejects a JSON parameter that is not JSON', async () => {
    const result = await contract.validateRequest(request('GET', `${base}/items?filter=[oops`));
    expect(result.violations).toEqual([{ at: 'query.filter', message: 'must be JSON text' }]);
  });

  it('validates path and header parameters', async () => {
    expect((await contract.validateRequest(request('GET', `${base}/items/abc`))).violations).toEqual([
      { at: 'path.id', message: 'must be integer' },
    ]);
    expect((await contract.validateRequest(request('GET', `${base}/public/ping`, { headers: { 'X-Language': 'fr' } }))).violations).toEqual([
      { at: 'header.X-Language', message: 'must be one of "en", "de"' },
    ]);
  });

  it('validates JSON bodies and their presence', async () => {
    expect((await contract.validateRequest(request('POST', `${base}/items`, { body: { name: 'x' } }))).violations).toEqual([]);
    expect((await contract.validateRequest(request('POST', `${base}/items`, { body: {} }))).violations).toEqual([
      { at: 'body/name', message: 'is required' },
    ]);
    expect((await contract.validateRequest(request('POST', `${base}/items`))).violations).toEqual([{ at: 'body', message: 'is required' }]);
    expect((await contract.validateRequest(request('DELETE', `${base}/items/1`, { body: { x: 1 } }))).violations).toEqual([
      { at: 'body', message: 'is not expected by this operation' },
    ]);
  });

  it('rejects a body in an undeclared media type', async () => {
    const req = new Request(`https://api.example.test${base}/items`, { method: 'POST', body: 'name=x', headers: { 'Content-Type': 'text/plain' } });
    expect((await contract.validateRequest(req)).violations).toEqual([
      { at: 'content-type', message: 'text/plain is not declared (expected application/json)' },
    ]);
  });

  it('reports requests that match no operation', async () => {
    expect((await contract.validateRequest(request('PATCH', `${base}/items`))).violations).toEqual([
      { at: 'route', message: `PATCH ${base}/items: allowed methods: GET, POST` },
    ]);
  });
});

describe('response validation', () => {
  const op = contract.operation('getItem');

  it('accepts a declared status with a valid body', () => {
    expect(contract.validateResponseParts(op, { status: 200, contentType: 'application/json', body: { id: 1, name: 'a' } })).toEqual([]);
  });

  it('flags an undeclared status, a wrong media type and an invalid body', () => {
    expect(contract.validateResponseParts(op, { status: 418, contentType: 'application/json', body: {} })[0]?.at).toBe('status');
    expect(contract.validateResponseParts(op, { status: 200, contentType: 'text/html', body: 'x' })).toEqual([
      { at: 'content-type', message: 'text/html is not declared (expected application/json)' },
    ]);
    expect(contract.validateResponseParts(op, { status: 200, contentType: 'application/json', body: { id: '1', name: 'a', extra: 1 } })).toEqual([
      { at: 'response.body/extra', message: 'is not allowed' },
      { at: 'response.body/id', message: 'must be integer' },
    ]);
  });

  it('matches status ranges and requires an empty body where none is declared', () => {
    const create = contract.operation('createItem');
    expect(contract.validateResponseParts(create, { status: 409, contentType: 'application/json', body: { message: 'x' } })).toEqual([]);
    const remove = contract.operation('deleteItem');
    expect(contract.validateResponseParts(remove, { status: 204, body: undefined })).toEqual([]);
    expect(contract.validateResponseParts(remove, { status: 204, contentType: 'application/json', body: {} })).toEqual([
      { at: 'response.body', message: 'must be empty' },
    ]);
  });

  it('validates a whole Response, binary ones included', async () => {
    const audio = new Response(new Uint8Array([0xff, 0xfb]), { headers: { 'Content-Type': 'audio/mpeg' } });
    expect(await contract.validateResponse('downloadItemAudio', audio)).toEqual([]);
    const wrong = new Response('{}', { headers: { 'Content-Type': 'application/json' } });
    expect(await contract.validateResponse('downloadItemAudio', wrong)).toEqual([
      { at: 'content-type', message: 'application/json is not declared (expected audio/mpeg)' },
    ]);
  });
});
