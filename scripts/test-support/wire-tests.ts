/**
 * Wire tests, one per operation of a spec: call the client method with the spec's example input, assert
 * that the request going out validates against the spec, answer with the spec's example and check what the
 * method resolves to. Variants (`x-pbxkit-variants`) are called too, and answered in their media type.
 * Shared by every platform package's `wire.test.ts`.
 */
import type { Contract, OperationContract, RequestValidation } from '@pbxkit/simulator';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

type Json = Record<string, any>;

export interface IndexedOperation {
  readonly operationId: string;
  readonly resource: string;
  readonly method: string;
  readonly paged: boolean;
  readonly binary: boolean;
  readonly variants: readonly string[];
}

export interface WireSuite {
  title: string;
  /** Where the client sends its requests: the msw handler answers everything under it. */
  baseUrl: string;
  operations: readonly IndexedOperation[];
  /** The contract (bundled spec) an operation belongs to. */
  contractOf(operation: IndexedOperation): Contract;
  /** A client authenticated with `token`, retries off. */
  createClient(): unknown;
  token: string;
  /** How the token travels. Default: the `X-Auth-Token` header. */
  tokenHeader?: string;
}

const essence = (type: string) => type.split(';')[0]!.trim().toLowerCase();

/** The example input of an operation: every parameter that has an example, and the JSON body example (unwrapped). */
export function exampleInput(op: OperationContract): { path: Json; query: Json; body?: unknown } {
  const input: { path: Json; query: Json; body?: unknown } = { path: {}, query: {} };
  for (const { value: param } of op.parameters)
    if (param.example !== undefined && (param.in === 'path' || param.in === 'query')) input[param.in][param.name] = param.example;
  const content = Object.entries(op.requestBody?.value.content ?? {});
  const json = content.find(([type]) => essence(type).endsWith('json'))?.[1];
  const envelope = op.object['x-pbxkit-request-envelope'] as string | undefined;
  if (json?.example !== undefined) input.body = envelope ? (json.example as Json)[envelope] : json.example;
  else if (content[0] && !json) {
    const [type, media] = content[0];
    input.body = new Blob([typeof media.example === 'string' ? media.example : `${type} example bytes`], { type: essence(type) });
  }
  return input;
}

interface ExampleReply {
  status: number;
  type?: string;
  example?: unknown;
  bytes?: Uint8Array;
}

/** The first declared 2xx response in the media type asked for (the JSON one by default), built from its example. */
function exampleReply(op: OperationContract, accept?: string): ExampleReply {
  const [status, { value }] = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
  const entries = Object.entries(value.content ?? {});
  const [type, media] = (accept ? entries.find(([t]) => essence(t) === essence(accept)) : entries.find(([t]) => essence(t).endsWith('json'))) ?? entries[0] ?? [];
  if (!type) return { status: Number(status) };
  if (essence(type).endsWith('json')) return { status: Number(status), type, example: (media as Json).example };
  const text = typeof (media as Json).example === 'string' ? (media as Json).example : `${type} example bytes`;
  return { status: Number(status), type, bytes: new TextEncoder().encode(text) };
}

const respond = ({ status, example, bytes, type }: ExampleReply) =>
  bytes ? new HttpResponse(bytes, { status, headers: { 'Content-Type': type! } })
  : example === undefined ? new HttpResponse(null, { status })
  : HttpResponse.json(example as Json, { status });

export function describeWireTests(suite: WireSuite): void {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const tokenHeader = suite.tokenHeader ?? 'x-auth-token';
  const calls = suite.operations.flatMap((entry) => [
    { entry, method: entry.method, variant: false },
    ...entry.variants.map((method) => ({ entry, method, variant: true })),
  ]);

  async function send(entry: IndexedOperation, method: string, accept: string | undefined) {
    const op = suite.contractOf(entry).operation(entry.operationId);
    const reply = exampleReply(op, accept);
    let seen: { request: Request; validation: RequestValidation } | undefined;
    server.use(
      http.all(`${suite.baseUrl}/*`, async ({ request }) => {
        seen = { request: request.clone(), validation: await suite.contractOf(entry).validateRequest(request) };
        return respond(reply);
      }),
    );
    const client = suite.createClient() as Json;
    const input = exampleInput(op);
    // A variant's own query (`format=csv`) wins over the example of the same parameter.
    const variant = (op.object['x-pbxkit-variants'] as Json[] | undefined)?.find((v) => v.method === method);
    for (const name of Object.keys(variant?.query ?? {})) delete input.query[name];
    const result = await client[entry.resource][method](input);
    expect(seen, 'a request went out').toBeDefined();
    expect(seen!.validation.violations).toEqual([]);
    expect(seen!.validation.operation?.operationId).toBe(entry.operationId);
    const header = seen!.request.headers.get(tokenHeader);
    const requirements = (op.object.security ?? []) as Json[];
    // `security: [{ token }, {}]`: the token is optional, and the client sends the one it has.
    const optional = requirements.some((r) => Object.keys(r).length === 0) && requirements.some((r) => Object.keys(r).length > 0);
    if (!optional) expect(header).toBe(op.anonymous ? null : suite.token);
    return { op, reply, result, request: seen!.request };
  }

  describe(`every operation of the ${suite.title} spec`, () => {
    it.each(calls.map((call) => [`${call.entry.resource}.${call.method}`, call] as const))('%s', async (_, { entry, method, variant }) => {
      if (variant) {
        const accept = (suite.contractOf(entry).operation(entry.operationId).object['x-pbxkit-variants'] as Json[]).find((v) => v.method === method)!.accept as string;
        const { request, reply, result } = await send(entry, method, accept);
        expect(request.headers.get('accept')).toBe(accept);
        if (typeof result === 'string') expect(result).toBe(new TextDecoder().decode(reply.bytes));
        else expect(new Uint8Array(await (result as Blob).arrayBuffer())).toEqual(reply.bytes);
        return;
      }
      const { op, reply, result } = await send(entry, method, undefined);
      const envelope = op.object['x-pbxkit-envelope'] as string | undefined;
      const example = reply.example as Json | undefined;
      if (entry.binary) {
        expect(result).toBeInstanceOf(Blob);
        expect(new Uint8Array(await (result as Blob).arrayBuffer())).toEqual(reply.bytes);
      } else if (reply.bytes) {
        expect(result).toBe(new TextDecoder().decode(reply.bytes));
      } else if (entry.paged) {
        expect(result.items).toEqual(example![envelope!]);
        expect(result.body).toEqual(example);
      } else {
        expect(result).toEqual(envelope && example ? example[envelope] : example);
      }
    });
  });
}
