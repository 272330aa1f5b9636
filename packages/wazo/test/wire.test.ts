/**
 * Wire tests of every operation (and variant) of every Wazo daemon spec, each request validated against its
 * daemon's spec (scripts/test-support/wire-tests.ts). wazo-auth's `logIn`, `logOut` and `checkToken` are
 * replaced on `wazo.auth` by the session layer: they are called through it below.
 */
import { createContract, type Contract } from '@pbxkit/simulator';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeWireTests, type IndexedOperation } from '../../../scripts/test-support/wire-tests.js';
import { createWazoClient } from '../src/index.js';
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
const BASE_URL = 'https://wazo.example.com';
const TOKEN = '3f1c9a2e-8b7d-4c6e-9a5f-1e2d3c4b5a69';

/** Each daemon's contract (its server path is the base path) beside its operation index. */
const daemons: [Json, readonly IndexedOperation[]][] = [
  [auth, authIndex],
  [calld, calldIndex],
  [confd, confdIndex],
  [dird, dirdIndex],
  [agentd, agentdIndex],
  [callLogd, callLogdIndex],
  [chatd, chatdIndex],
];
const contractOf = new Map<IndexedOperation, Contract>();
for (const [spec, index] of daemons) {
  const contract = createContract(spec as never, { basePath: spec.servers[0].url.replace(/^https?:\/\/[^/]+/, '') });
  for (const entry of index) contractOf.set(entry, contract);
}
const replacedBySession = new Set(['logIn', 'logOut', 'checkToken']);
const authContract = contractOf.get(authIndex[0]!)!;

describe('the operation indexes', () => {
  it('cover every operation of every daemon spec', () => {
    for (const [, index] of daemons) {
      const contract = contractOf.get(index[0]!)!;
      expect(index.map((o) => o.operationId).sort()).toEqual(contract.operations.map((o) => o.operationId).sort());
    }
    expect(operationIndex).toHaveLength(contractOf.size);
  });
});

describeWireTests({
  title: 'Wazo',
  baseUrl: BASE_URL,
  operations: [...contractOf.keys()].filter((entry) => !(entry.resource === 'auth' && replacedBySession.has(entry.method))),
  contractOf: (entry) => contractOf.get(entry)!,
  createClient: () => createWazoClient({ baseUrl: BASE_URL, token: TOKEN, retry: false }),
  token: TOKEN,
});

describe('the wazo-auth operations the session layer replaces', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  /** Answers with the operation's first 2xx example; resolves to the request and its validation. */
  function answer(operationId: string) {
    const op = authContract.operation(operationId);
    const [status, { value }] = Object.entries(op.responses).find(([code]) => code.startsWith('2'))!;
    const example = (Object.values(value.content ?? {})[0] as Json | undefined)?.example;
    const seen: { request?: Request; violations?: unknown[]; operationId?: string } = {};
    server.use(
      http.all(`${BASE_URL}/*`, async ({ request }) => {
        const validation = await authContract.validateRequest(request.clone());
        Object.assign(seen, { request, violations: validation.violations, operationId: validation.operation?.operationId });
        return example === undefined ? new HttpResponse(null, { status: Number(status) }) : HttpResponse.json(example, { status: Number(status) });
      }),
    );
    return { seen, example };
  }

  it('logIn sends UTF-8 Basic credentials and resolves to the session', async () => {
    const { seen, example } = answer('logIn');
    const session = await createWazoClient({ baseUrl: BASE_URL, retry: false }).auth.logIn({ username: 'alice', password: 'pässwörd' });
    expect(seen).toMatchObject({ violations: [], operationId: 'logIn' });
    const credentials = atob(seen.request!.headers.get('authorization')!.replace(/^Basic /, ''));
    expect(new TextDecoder().decode(Uint8Array.from(credentials, (c) => c.charCodeAt(0)))).toBe('alice:pässwörd');
    expect(seen.request!.headers.get('x-auth-token')).toBeNull();
    expect(session).toMatchObject({ token: example.data.token, userUuid: expect.any(String) });
  });

  it('checkToken asks HEAD /token/{token} and resolves to a boolean', async () => {
    const { seen } = answer('checkToken');
    await expect(createWazoClient({ baseUrl: BASE_URL, token: TOKEN, retry: false }).auth.checkToken(TOKEN)).resolves.toBe(true);
    expect(seen).toMatchObject({ violations: [], operationId: 'checkToken' });
  });

  it('logOut deletes the token', async () => {
    const { seen } = answer('logOut');
    await expect(createWazoClient({ baseUrl: BASE_URL, token: TOKEN, retry: false }).auth.logOut()).resolves.toBeUndefined();
    expect(seen).toMatchObject({ violations: [], operationId: 'logOut' });
    expect(new URL(seen.request!.url).pathname).toBe(`/api/auth/0.1/token/${TOKEN}`);
  });
});
