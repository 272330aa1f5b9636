import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  createTransport,
  InternalServerError,
  NotFoundError,
  PbxkitError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type ParsedError,
} from '../src/index.js';
import { json, startServer } from './server.js';

const server = await startServer();
const spec = { method: 'GET', path: '/contacts/{id}' } as const;

// The VoIPstudio shape: `{ message, errors: [{ property_path, message }] }`.
const parseError = (body: unknown): ParsedError => {
  const b = body as { message?: string; errors?: { property_path?: string; message: string }[] };
  return { message: b.message, fieldErrors: b.errors?.map((e) => ({ field: e.property_path, message: e.message })) };
};

const fail = (options: Partial<Parameters<typeof createTransport>[0]> = {}) =>
  createTransport({ baseUrl: server.url, retry: false, ...options })
    .call(spec, { path: { id: 9 } }, 'data')
    .then(
      () => expect.unreachable('the call should fail'),
      (error: unknown) => error as ApiError,
    );

describe('typed errors by status', () => {
  const cases: [number, typeof ApiError, string][] = [
    [400, BadRequestError, 'BadRequestError'],
    [401, AuthenticationError, 'AuthenticationError'],
    [403, PermissionDeniedError, 'PermissionDeniedError'],
    [404, NotFoundError, 'NotFoundError'],
    [409, ConflictError, 'ConflictError'],
    [422, UnprocessableEntityError, 'UnprocessableEntityError'],
    [429, RateLimitError, 'RateLimitError'],
    [500, InternalServerError, 'InternalServerError'],
    [503, InternalServerError, 'InternalServerError'],
    [418, ApiError, 'ApiError'],
  ];
  it.each(cases)('%i → %s', async (status, ErrorClass, name) => {
    server.handle = (_req, res) => json(res, status, { message: 'Nope' }, { 'x-request-id': `req-${status}` });
    const error = await fail();
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(PbxkitError);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.method).toBe('GET');
    expect(error.url).toBe(`${server.url}/contacts/9`);
    expect(error.requestId).toBe(`req-${status}`);
    expect(error.body).toEqual({ message: 'Nope' });
    expect(error.message).toBe(`${status} Nope (GET ${server.url}/contacts/9)`);
  });
});

describe('error details', () => {
  it('normalises field errors with the platform parser and lists them in the message', async () => {
    server.handle = (_req, res) =>
      json(res, 422, {
        message: 'Validation failed',
        errors: [{ property_path: 'email', message: 'This value is not a valid email address.' }, { message: 'Try again.' }],
      });
    const error = await fail({ parseError });
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.fieldErrors).toEqual([
      { field: 'email', message: 'This value is not a valid email address.' },
      { field: undefined, message: 'Try again.' },
    ]);
    expect(error.message).toContain('Validation failed [email: This value is not a valid email address.; Try again.]');
  });

  it('keeps a non-JSON error page as text and falls back to the status text', async () => {
    server.handle = (_req, res) => {
      res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    };
    const error = await fail({ parseError });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(error.fieldErrors).toEqual([]);
    expect(error.message).toBe(`502 Bad Gateway (GET ${server.url}/contacts/9)`);
  });

  it('survives a parser that throws on an unexpected body', async () => {
    server.handle = (_req, res) => res.writeHead(500, 'Internal Server Error').end('boom');
    const error = await fail({
      parseError: () => {
        throw new TypeError('not my shape');
      },
    });
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe('boom');
  });

  it('handles an empty error body', async () => {
    server.handle = (_req, res) => res.writeHead(409, 'Conflict', { 'content-length': '0' }).end();
    const error = await fail();
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.body).toBeUndefined();
    expect(error.message).toContain('409 Conflict');
  });

  it('reads the request id from the configured headers', async () => {
    server.handle = (_req, res) => json(res, 404, {}, { 'x-kazoo-request-id': 'kz-1' });
    const error = await fail({ requestIdHeaders: ['x-request-id', 'x-kazoo-request-id'] });
    expect(error.requestId).toBe('kz-1');
  });

  it('gives a RateLimitError the Retry-After delay', async () => {
    server.handle = (_req, res) => json(res, 429, { message: 'Slow down' }, { 'retry-after': '7' });
    const error = (await fail()) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(7000);
  });

  it('serialises only safe fields', async () => {
    server.handle = (_req, res) => json(res, 404, { message: 'Nope', detail: 'internal' }, { 'x-request-id': 'r1' });
    const error = await fail();
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'NotFoundError',
      message: `404 Nope (GET ${server.url}/contacts/9)`,
      status: 404,
      method: 'GET',
      url: `${server.url}/contacts/9`,
      requestId: 'r1',
      fieldErrors: [],
    });
  });
});
