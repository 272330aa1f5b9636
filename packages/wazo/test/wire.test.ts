/**
 * Wire tests, one per operation (and per variant) of every Wazo daemon spec: call the client method
 * with the spec's example input, assert the request that goes out validates against the daemon's spec,
 * answer with the spec's example and check what the method resolves to. wazo-auth's `logIn`, `logOut`
 * and `checkToken` are exercised through the session-aware methods that replace them.
 */
import { createContract, type Contract, type OperationContract, type RequestValidation } from '@pbxkit/simulator';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWazoClient, type WazoClient } from '../src/index.js';
import agentd from '../src/generated/agentd/openapi.json' with { type: 'json' };
import { operationIndex as agentdIndex } from '../src/generated/agentd/operations.js';
import auth from '../src/generated/auth/openapi.json' with { type: 'json' };
import { operationIndex as authIndex } from '../src/generated/auth/operations.js';
import calld from '../src/generated/calld/openapi.json' with { type: 'json' };
import { operationIndex as calldIndex } from '../src/generated/calld/operations.js';
import callLogd from '../src/generated/callLogd/openapi.json' with { type: 'json' };
import { operationIndex as callLogdIndex } from '../src/generated/callLogd/operations.js';
import chatd from '../src/generated/chatd/openapi.json' with { type: 'json' };
import { operationIndex as chatdIndex } from '../src/generated/chatd/operations.js';
import confd from '../src/generated/confd/openapi.json' with { type: 'json' };
import { operationIndex as confdIndex } from '../src/generated/confd/operations.js';
import dird from '../src/generated/dird/openapi.json' with { type: 'json' };
import { operationIndex as dirdIndex } from '../src/generated/dird/operations.js';
import { operationIndex } from '../src/generated/operations.js';

type Json = Record<string, any>;
type Entry = (typeof operationIndex)[number];

const BASE_URL = 'https://wazo.example.com';
const TOKEN = '3f1c9a2e-8b7d-4c6e-9a5f-1e2d3c4b5a69';

/** Each daemon's contract, with the base path of its server URL (`https://{host}/api/calld/1.0`). */
const daemons = Object.entries({ auth, calld, confd, dird, agentd, callLogd, chatd }).map(([name, spec]) => {
  const basePath = (spec as Json).servers[0].url.replace(/^https?:\/\/[^/]+/, '');
  return { name, contract: createContract(spec as never, { basePath }) };
});
const indexes: Record<string, readonly Entry[]> = {
  auth: authIndex,
  calld: calldIndex,
  confd: confdIndex,
  dird: dirdIndex,
  agentd: agentdIndex,
  callLogd: callLogdIndex,
  chatd: chatdIndex,
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** The example input: parameters with an example, the JSON body example, bytes for other bodies. */
function exampleInput(op: OperationContract) {
  const input: { path: Json; query: Json; body?: unknown } = { path: {}, query: {} };
  for (const { value: param } of op.parameters) {
    if (param.example !== undefined && (param.in === 'path' || param.in === 'query')) input[param.in][param.name] = param.example;
  }
  const [type, media] = Object.entries(op.requestBody?.value.content ?? {})[0] ?? [];
  if (type?.includes('json')) input.body = (media as Json).example;
  else if (type) input.body = new Blob([(media as Json).example ?? `${type} example bytes`], { type });
  return input;
}

interface Reply {
  status: number;
  type?: string;
  example?: unknown;
  bytes?: Uint8Array;
}

/** The first declared 2xx response in the media type `accept` asks for (default: the first declared). */
function exampleReply(op: OperationContract, accept?: string): Reply {
  const [status, { value }] = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
  const content = Object.entries(value.content ?? {});
  const [type, media] = (accept ? content.find(([t]) => accept.startsWith(t.split(';')[0]!)) : content[0]) ?? [];
  if (!type) return { status: Number(status) };
  if (type.includes('json')) return { status: Number(status), type, example: (media as Json).example };
  const text = (media as Json).example ?? `${type} example bytes`;
  return { status: Number(status), type, bytes: new TextEncoder().encode(text) };
}

const respond = ({ status, type, example, bytes }: Reply) =>
  bytes ? new HttpResponse(bytes, { status, headers: { 'Content-Type': type! } })
  : example === undefined ? new HttpResponse(null, { status })
  : HttpResponse.json(example as Json, { status });

/** Answers every request with `reply`, recording the last one and its validation against `contract`. */
function answer(contract: Contract, reply: Reply) {
  const seen: { request?: Request; validation?: RequestValidation } = {};
  server.use(
    http.all(`${BASE_URL}/*`, async ({ request }) => {
      Object.assign(seen, { request: request.clone(), validation: await contract.validateRequest(request) });
      return respond(reply);
    }),
  );
  return seen;
}

/** wazo-auth operations the session layer replaces: how to call each one through `wazo.auth`. */
const sessionCalls: Record<string, (wazo: WazoClient) => Promise<unknown>> = {
  logIn: (wazo) => wazo.auth.logIn({ username: 'alice', password: 'pässwörd' }),
  logOut: (wazo) => wazo.auth.logOut(),
  checkToken: (wazo) => wazo.auth.checkToken(TOKEN),
};

const cases = daemons.flatMap(({ name, contract }) =>
  indexes[name]!.flatMap((entry) => [
    { label: `${entry.resource}.${entry.method} (${entry.httpMethod} ${entry.path})`, contract, entry, method: entry.method },
    ...entry.variants.map((variant) => ({ label: `${entry.resource}.${variant} (variant)`, contract, entry, method: variant })),
  ]),
);

describe('every operation of the Wazo daemon specs', () => {
  it('the daemon indexes cover every operation of the specs', () => {
    for (const { name, contract } of daemons) {
      expect(indexes[name]!.map((o) => o.operationId).sort()).toEqual(contract.operations.map((o) => o.operationId).sort());
    }
    expect(operationIndex).toHaveLength(daemons.reduce((n, d) => n + d.contract.operations.length, 0));
  });

  it.each(cases.map((c) => [c.label, c] as const))('%s', async (_, { contract, entry, method }) => {
    const op = contract.operation(entry.operationId);
    const variant = method !== entry.method;
    const wazo = createWazoClient({ baseUrl: BASE_URL, token: TOKEN, retry: false });
    const declared = (op.object['x-pbxkit-variants'] as Json[] | undefined)?.find((v) => v.method === method);
    const reply = exampleReply(op, declared?.accept);
    const seen = answer(contract, reply);
    const input = exampleInput(op);
    // The variant sets its own query (`format=csv`); the example of the same parameter would override it.
    for (const name of Object.keys(declared?.query ?? {})) delete input.query[name];
    const session = entry.resource === 'auth' && !variant ? sessionCalls[method] : undefined;

    const result = session ? await session(wazo) : await (wazo as Json)[entry.resource][method](input);

    expect(seen.validation, 'a request went out').toBeDefined();
    expect(seen.validation!.violations).toEqual([]);
    expect(seen.validation!.operation?.operationId).toBe(entry.operationId);
    expect(seen.request!.headers.get('x-auth-token')).toBe(op.anonymous ? null : TOKEN);

    if (session) return expectSessionResult(method, seen.request!, result, reply);
    const envelope = op.object['x-pbxkit-envelope'] as string | undefined;
    const example = reply.example as Json | undefined;
    if (reply.bytes) {
      const bytes = result instanceof Blob ? new Uint8Array(await result.arrayBuffer()) : new TextEncoder().encode(result);
      expect(bytes).toEqual(reply.bytes);
    } else if (entry.paged) {
      expect(result.items).toEqual(example![envelope!]);
      expect(result.body).toEqual(example);
    } else {
      expect(result).toEqual(envelope && example ? example[envelope] : example);
    }
  });
});

async function expectSessionResult(method: string, request: Request, result: unknown, reply: Reply) {
  if (method === 'logIn') {
    const credentials = atob(request.headers.get('authorization')!.replace(/^Basic /, ''));
    expect(new TextDecoder().decode(Uint8Array.from(credentials, (c) => c.charCodeAt(0)))).toBe('alice:pässwörd');
    expect(result).toMatchObject({ token: (reply.example as Json).data.token, userUuid: expect.any(String) });
  } else if (method === 'checkToken') {
    expect(result).toBe(true);
  } else {
    expect(result).toBeUndefined();
    expect(new URL(request.url).pathname).toBe(`/api/auth/0.1/token/${TOKEN}`);
  }
}
