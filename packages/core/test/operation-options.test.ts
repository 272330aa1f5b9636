import { describe, expect, it } from 'vitest';
import { createTransport, InvalidArgumentError, type OperationSpec, type TransportOptions } from '../src/index.js';
import { json, startServer } from './server.js';

const server = await startServer();
const transport = (options: Partial<TransportOptions> = {}) => createTransport({ baseUrl: server.url, ...options });
const ok = () => (server.handle = (_req, res) => json(res, 200, { data: {} }));

describe('platform query serializers', () => {
  const spec: OperationSpec = { method: 'GET', path: '/users', serialize: { filter: 'expand', since: 'seconds' } };
  const serializers: TransportOptions['serializers'] = {
    expand: (_name, value) => Object.fromEntries(Object.entries(value as object).map(([k, v]) => [`filter_${k}`, v])),
    seconds: (name, value) => ({ [name]: value instanceof Date ? value.getTime() / 1000 : value }),
  };

  it('replaces each parameter by the entries its serializer makes of it', async () => {
    ok();
    const since = new Date('2026-11-01T00:00:00Z');
    await transport({ serializers }).call(spec, { query: { filter: { first_name: 'James', 'a.b': 'x y' }, since, page_size: 5 } }, 'data');
    const query = new URL(server.seen[0]!.url, server.url).searchParams;
    expect([...query]).toEqual([
      ['page_size', '5'],
      ['filter_first_name', 'James'],
      ['filter_a.b', 'x y'],
      ['since', String(since.getTime() / 1000)],
    ]);
  });

  it('encodes parameter names as well as values', async () => {
    ok();
    await transport({ serializers }).call(spec, { query: { filter: { 'a&b=c #d': 'x&y' } } }, 'data');
    expect(new URL(server.seen[0]!.url, server.url).searchParams.get('filter_a&b=c #d')).toBe('x&y');
    expect(server.seen[0]!.url).toBe('/users?filter_a%26b%3Dc%20%23d=x%26y');
  });

  it('refuses a serializer the client does not have, before sending anything', async () => {
    await expect(transport().call(spec, { query: { filter: { a: 1 } } }, 'data')).rejects.toThrow(InvalidArgumentError);
    expect(server.seen).toHaveLength(0);
  });

  it('leaves absent values alone', async () => {
    ok();
    await transport({ serializers }).call(spec, { query: { page_size: 1 } }, 'data');
    expect(server.seen[0]!.url).toBe('/users?page_size=1');
  });
});

describe('path parameters from client options', () => {
  const spec: OperationSpec = { method: 'GET', path: '/accounts/{account_id}/users/{user_id}', defaults: { account_id: 'accountId' } };

  it('fills a left-out parameter from the option, and lets the call override it', async () => {
    ok();
    let accountId = 'a1';
    const client = transport({ clientOption: (name) => (name === 'accountId' ? accountId : undefined) });
    await client.call(spec, { path: { user_id: 'u1' } }, 'data');
    accountId = 'a2';
    await client.call(spec, { path: { user_id: 'u1' } }, 'data');
    await client.call(spec, { path: { account_id: 'other', user_id: 'u1' } }, 'data');
    expect(server.seen.map((seen) => seen.url)).toEqual([
      '/accounts/a1/users/u1',
      '/accounts/a2/users/u1',
      '/accounts/other/users/u1',
    ]);
  });

  it('names the option when neither the call nor the client has a value', async () => {
    const call = transport().call(spec, { path: { user_id: 'u1' } }, 'data');
    await expect(call).rejects.toThrow(/`account_id` is required \(or the client option `accountId`\)/);
    expect(server.seen).toHaveLength(0);
  });
});

describe('request bodies', () => {
  it('wraps a JSON body in the request envelope', async () => {
    ok();
    const spec: OperationSpec = { method: 'PUT', path: '/users', requestEnvelope: 'data' };
    await transport().call(spec, { body: { first_name: 'James' } }, 'data');
    expect(JSON.parse(server.seen[0]!.body)).toEqual({ data: { first_name: 'James' } });
    expect(server.seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('sends a form operation body holding a file as multipart parts, the enveloped document as a JSON part', async () => {
    ok();
    const spec: OperationSpec = { method: 'PUT', path: '/faxes', requestEnvelope: 'data', form: true };
    const file = new Blob(['%PDF-1.4 test'], { type: 'application/pdf' });
    await transport().call(spec, { body: { data: { to_number: '+15551234567' }, file } }, 'data');
    const seen = server.seen[0]!;
    expect(seen.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(seen.body, { headers: { 'content-type': seen.headers['content-type']! } }).formData();
    const part = form.get('data') as Blob;
    expect(part.type).toBe('application/json');
    expect(JSON.parse(await part.text())).toEqual({ data: { to_number: '+15551234567' } });
    expect(await (form.get('file') as Blob).text()).toBe('%PDF-1.4 test');
  });

  it('sends the same form operation as an enveloped JSON body when there is no file', async () => {
    ok();
    const spec: OperationSpec = { method: 'PUT', path: '/faxes', requestEnvelope: 'data', form: true };
    await transport().call(spec, { body: { to_number: '+15551234567' } }, 'data');
    expect(JSON.parse(server.seen[0]!.body)).toEqual({ data: { to_number: '+15551234567' } });
  });
});

describe('bodies that are not JSON', () => {
  const spec: OperationSpec = { method: 'POST', path: '/personal/import', contentType: 'text/csv; charset=utf-8' };

  it('send a string as it is, with the declared type', async () => {
    ok();
    await transport().call(spec, { body: 'firstname,lastname\nAda,Lovelace\n' }, 'data');
    expect(server.seen[0]!.body).toBe('firstname,lastname\nAda,Lovelace\n');
    expect(server.seen[0]!.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it("keep a Blob's own type and the call's Content-Type", async () => {
    ok();
    await transport().call(spec, { body: new Blob(['a'], { type: 'text/csv; charset=iso8859-15' }) }, 'data');
    await transport().call(spec, { body: 'a', headers: { 'content-type': 'text/csv; charset=cp1252' } }, 'data');
    await transport().call(spec, { body: new Blob(['a']) }, 'data');
    expect(server.seen.map((seen) => seen.headers['content-type'])).toEqual(['text/csv; charset=iso8859-15', 'text/csv; charset=cp1252', 'text/csv; charset=utf-8']);
  });
});

describe('variants', () => {
  it('asks for the variant media type unless the call sets its own Accept', async () => {
    server.handle = (_req, res) => {
      res.setHeader('content-type', 'text/csv');
      res.end('id,duration\n1,30\n');
    };
    const spec: OperationSpec = { method: 'GET', path: '/cdrs', accept: 'text/csv', parseAs: 'text' };
    await expect(transport().call(spec, {}, 'data')).resolves.toBe('id,duration\n1,30\n');
    await transport().call(spec, { headers: { accept: 'application/octet-stream' } }, 'data');
    expect(server.seen.map((seen) => seen.headers.accept)).toEqual(['text/csv', 'application/octet-stream']);
  });

  it('sends the variant query parameters, which the call may override', async () => {
    ok();
    const spec: OperationSpec = { method: 'GET', path: '/cdr', accept: 'text/csv', query: { format: 'csv' } };
    await transport().call(spec, { query: { limit: 5 } }, 'raw');
    await transport().call(spec, { query: { format: 'json' } }, 'raw');
    expect(server.seen.map((seen) => seen.url)).toEqual(['/cdr?format=csv&limit=5', '/cdr?format=json']);
  });
});
