import fc from 'fast-check';
import { expect } from 'vitest';
import type { serve } from './webhook-server.js';

/** A request a receiver must refuse, and the status it must refuse it with. */
export interface MalformedRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  chunked?: boolean;
  status: 400 | 405 | 413 | 415;
}

export interface ReceiverShape {
  methods: readonly string[];
  /** Whether form bodies (and GET query strings) are taken. */
  forms: boolean;
  maxBodyBytes: number;
}

/** Put into every generated body: an answer must never contain it. */
export const SECRET = 's3cr3t-t0ken';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };
const word = fc.stringMatching(/^[a-z_]{1,8}$/);
const text = fc.string({ maxLength: 40 });

/**
 * Requests every receiver must refuse: wrong methods, wrong or missing content types, empty, oversized,
 * non-UTF-8, non-JSON, non-object JSON, broken percent-encoding, over-deep nesting, reserved keys and
 * conflicting form fields (all but the oversized ones within `maxBodyBytes`). `extra` adds receiver-specific ones. Form-shaped input sent to a JSON-only
 * receiver is expected to get 415 (a body) or 405 (a GET).
 */
export function malformedRequests(shape: ReceiverShape, extra: fc.Arbitrary<MalformedRequest>[] = []): fc.Arbitrary<MalformedRequest> {
  const post = shape.methods.includes('POST') ? 'POST' : shape.methods[0]!;
  const asForm = (kind: string, body: string | Uint8Array): MalformedRequest =>
    shape.forms ? { kind, method: post, path: '/hook', headers: form, body, status: 400 } : { kind, method: post, path: '/hook', headers: form, body, status: 415 };
  const asQuery = (kind: string, query: string): MalformedRequest =>
    shape.methods.includes('GET') ? { kind, method: 'GET', path: `/hook?${query}`, headers: {}, status: 400 } : { kind, method: 'GET', path: `/hook?${query}`, headers: {}, status: 405 };
  const asJson = (kind: string, body: string | Uint8Array): MalformedRequest => ({ kind, method: post, path: '/hook', headers: json, body, status: 400 });
  const deep = (depth: number) => `a${'[x]'.repeat(depth)}=${SECRET}`;
  const deepJson = (depth: number) => `${'{"x":'.repeat(depth)}"${SECRET}"${'}'.repeat(depth)}`;

  return fc.oneof(
    fc
      .record({ method: fc.constantFrom('DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'GET', 'PUT', 'POST'), body: text })
      .filter(({ method }) => !shape.methods.includes(method))
      .map(({ method, body }): MalformedRequest => ({ kind: 'method', method, path: '/hook?a=1', headers: json, body: method === 'GET' || method === 'HEAD' ? '' : `{"k":${JSON.stringify(body + SECRET)}}`, status: 405 })),
    fc
      .record({ type: fc.oneof(fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json; charset=latin1'), fc.stringMatching(/^[a-z]{1,8}\/[a-z]{1,8}$/)), body: text })
      .filter(({ type }) => type !== 'application/json')
      .map(({ type, body }): MalformedRequest => ({ kind: 'content-type', method: post, path: '/hook', headers: { 'content-type': type }, body: `${body}${SECRET}`, status: 415 })),
    text.map((body): MalformedRequest => ({ kind: 'no-content-type', method: post, path: '/hook', headers: {}, body: `${body}${SECRET}`, status: 415 })),
    fc.constantFrom(json, form).map((headers): MalformedRequest => ({ kind: 'empty', method: post, path: '/hook', headers, status: shape.forms || headers === json ? 400 : 415 })),
    fc
      .record({ extra: fc.integer({ min: 1, max: 2048 }), chunked: fc.boolean() })
      .map(({ extra, chunked }): MalformedRequest => ({ kind: 'too-large', method: post, path: '/hook', headers: json, body: `"${SECRET}${'x'.repeat(shape.maxBodyBytes + extra)}"`, chunked, status: 413 })),
    fc
      .record({ bytes: fc.uint8Array({ maxLength: 40 }), at: fc.nat() })
      .map(({ bytes, at }) => {
        const body = Uint8Array.from([...bytes.slice(0, at % (bytes.length + 1)), 0xff, ...bytes.slice(at % (bytes.length + 1))]);
        return asJson('invalid-utf8', body);
      }),
    fc
      .oneof(fc.json().map((valid) => `${valid}}`), text.filter((candidate) => { try { JSON.parse(candidate); return false; } catch { return true; } }))
      .map((body) => asJson('bad-json', `${body}${SECRET}`)),
    fc.oneof(fc.array(fc.jsonValue(), { maxLength: 4 }), fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null), fc.boolean()).map((value) => asJson('non-object', JSON.stringify(value))),
    fc.integer({ min: 33, max: 60 }).map((depth) => asJson('deep-json', deepJson(depth))),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => asJson('reserved-json', `{"a":{"${key}":{"polluted":"${SECRET}"}}}`)),
    fc
      .record({ key: word, broken: fc.constantFrom('%', '%z', '%zz', '%E2%82', '%G0', '%%') })
      .chain(({ key, broken }) => fc.constantFrom(asForm('bad-percent', `${key}=${SECRET}${broken}`), asQuery('bad-percent', `${key}=${SECRET}${broken}`))),
    fc.integer({ min: 32, max: 60 }).chain((depth) => fc.constantFrom(asForm('deep-form', deep(depth)), asQuery('deep-form', deep(depth)))),
    fc
      .record({ key: fc.constantFrom('__proto__', 'constructor', 'prototype'), at: fc.constantFrom('%s[polluted]', 'a[%s]', 'a[b][%s]', '%s') })
      .chain(({ key, at }) => fc.constantFrom(asForm('reserved-form', `${at.replace('%s', key)}=${SECRET}`), asQuery('reserved-form', `${at.replace('%s', key)}=${SECRET}`))),
    fc
      .record({ key: word, shape: fc.constantFrom('k=1&k=2', 'k=1&k[a]=2', 'k[]=1&k[a]=2', 'k[a]=1&k[]=2') })
      .map(({ key, shape: pairs }) => asForm('conflict', `${pairs.replace(/k/g, key)}&s=${SECRET}`)),
    ...extra,
  ).filter((request) => request.status === 413 || (request.body?.length ?? 0) <= shape.maxBodyBytes);
}

/**
 * Sends 10,000 generated requests one after another: each must get its status, no answer may quote a body,
 * and nothing may reject unhandled meanwhile.
 */
export async function expectAllRefused(send: Awaited<ReturnType<typeof serve>>['send'], requests: fc.Arbitrary<MalformedRequest>): Promise<void> {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const reply = await send(request.method, request.path, request);
        expect({ kind: request.kind, status: reply.status }).toEqual({ kind: request.kind, status: request.status });
        expect(reply.body).not.toContain(SECRET);
      }),
      { numRuns: 10_000 },
    );
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  expect(unhandled).toEqual([]);
}
