/**
 * Wire tests, one per operation of the spec: call the client method with the spec's example input,
 * assert the request that goes out validates against the spec, answer with the spec's example and
 * check what the method resolves to.
 */
import { createContract, type OperationContract, type RequestValidation } from '@pbxkit/simulator';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createVoipstudioClient, DEFAULT_BASE_URL } from '../src/index.js';
import spec from '../src/generated/openapi.json' with { type: 'json' };
import { operationIndex } from '../src/generated/operations.js';

const contract = createContract(spec as never);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Json = Record<string, any>;
const API_KEY = 'wire-test-api-key';

/** The example input of an operation: every parameter that has an example, and the body example. */
function exampleInput(op: OperationContract) {
  const input: { path: Json; query: Json; body?: unknown } = { path: {}, query: {} };
  for (const { value: param } of op.parameters) {
    if (param.example !== undefined && (param.in === 'path' || param.in === 'query')) input[param.in][param.name] = param.example;
  }
  const body = op.requestBody?.value.content?.['application/json'];
  if (body) input.body = body.example;
  return input;
}

/** The first declared 2xx response, as a real Response built from its example. */
function exampleResponse(op: OperationContract): { status: number; example?: unknown; binary?: Uint8Array; type?: string } {
  const [status, { value }] = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
  const [type, media] = Object.entries(value.content ?? {})[0] ?? [];
  if (!type) return { status: Number(status) };
  if (type.includes('json')) return { status: Number(status), example: (media as Json).example };
  return { status: Number(status), binary: new TextEncoder().encode(`${type} example bytes`), type };
}

const reply = ({ status, example, binary, type }: ReturnType<typeof exampleResponse>) =>
  binary ? new HttpResponse(binary, { status, headers: { 'Content-Type': type! } })
  : example === undefined ? new HttpResponse(null, { status })
  : HttpResponse.json(example as Json, { status });

describe('every operation of the VoIPstudio spec', () => {
  it('the index covers every operation of the spec', () => {
    expect(operationIndex.map((o) => o.operationId).sort()).toEqual(contract.operations.map((o) => o.operationId).sort());
  });

  it.each(operationIndex.map((o) => [`${o.resource}.${o.method} (${o.httpMethod} ${o.path})`, o] as const))('%s', async (_, entry) => {
    const op = contract.operation(entry.operationId);
    const response = exampleResponse(op);
    let seen: { request: Request; validation: RequestValidation } | undefined;
    server.use(
      http.all(`${DEFAULT_BASE_URL}/*`, async ({ request }) => {
        seen = { request: request.clone(), validation: await contract.validateRequest(request) };
        return reply(response);
      }),
    );
    const vs = createVoipstudioClient({ auth: { apiKey: API_KEY }, retry: false }) as unknown as Json;
    const result = await vs[entry.resource][entry.method](exampleInput(op));

    expect(seen, 'a request went out').toBeDefined();
    expect(seen!.validation.violations).toEqual([]);
    expect(seen!.validation.operation?.operationId).toBe(entry.operationId);
    expect(seen!.request.headers.get('x-auth-token')).toBe(op.anonymous ? null : API_KEY);

    const envelope = op.object['x-pbxkit-envelope'] as string | undefined;
    const example = response.example as Json | undefined;
    if (entry.binary) {
      expect(result).toBeInstanceOf(Blob);
      expect(new Uint8Array(await (result as Blob).arrayBuffer())).toEqual(response.binary);
    } else if (entry.paged) {
      expect(result.items).toEqual(example![envelope!]);
      expect(result.body).toEqual(example);
    } else {
      expect(result).toEqual(envelope && example ? example[envelope] : example);
    }
  });
});
