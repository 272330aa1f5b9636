/**
 * A scripted Wazo stack on a real local HTTP server, for the unit tests of the client's own logic:
 * each test routes `METHOD /path` to a handler; every request is recorded.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

export interface SeenRequest {
  method: string;
  /** Path without the query string, e.g. `/api/calld/1.0/users/me/calls`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers a request: a status and a JSON body (or none), with optional headers. */
export type Route = (request: SeenRequest) => { status: number; body?: unknown; headers?: Record<string, string> } | Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>;

export interface FakeStack {
  url: string;
  seen: SeenRequest[];
  /** Routes of the current test by `METHOD /path`; a path ending in `*` matches every path it starts. */
  routes: Record<string, Route>;
  count(method: string, path: string): number;
}

function reply(res: ServerResponse, { status, body, headers = {} }: Awaited<ReturnType<Route>>) {
  res.writeHead(status, { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

export function useFakeStack(): FakeStack {
  const stack: FakeStack = {
    url: '',
    seen: [],
    routes: {},
    count: (method, path) => stack.seen.filter((r) => r.method === method && r.path === path).length,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://stack');
      const seen = { method: req.method!, path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString() };
      stack.seen.push(seen);
      const key = `${seen.method} ${seen.path}`;
      const route =
        stack.routes[key] ??
        Object.entries(stack.routes).find(([pattern]) => pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1)))?.[1];
      Promise.resolve(route ? route(seen) : { status: 404, body: { message: `no route for ${key}` } })
        .then((answer) => reply(res, answer))
        .catch((error: unknown) => reply(res, { status: 599, body: { message: String(error) } }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stack.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    stack.seen = [];
    stack.routes = {};
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return stack;
}

export const AUTH = '/api/auth/0.1';
export const USER_UUID = '5d0c3a8e-2a41-4c6e-9f3b-8e1d2c7a9b01';
export const TENANT_UUID = '2e752722-0864-4665-887d-a78a024cf7c7';

/** wazo-auth's time format: UTC, microseconds, no `Z`. */
export const wazoTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 23)}000`;

let serial = 0;

/** A fresh token's data as `POST /token` returns it (`{ data }`), valid for `seconds` from now. */
export function tokenData({ seconds = 3600, refreshToken, extra = {} }: { seconds?: number; refreshToken?: string; extra?: Record<string, unknown> } = {}) {
  serial += 1;
  const token = `0000${String(serial).padStart(4, '0')}-aaaa-4bbb-8ccc-${String(serial).padStart(12, '0')}`;
  const now = Date.now();
  return {
    token,
    auth_id: USER_UUID,
    xivo_user_uuid: USER_UUID,
    xivo_uuid: '0c8b4a6f-3f2e-4d1a-9b7c-6e5d4c3b2a10',
    issued_at: wazoTime(now),
    expires_at: wazoTime(now + seconds * 1000),
    utc_issued_at: wazoTime(now),
    utc_expires_at: wazoTime(now + seconds * 1000),
    acl: ['calld.users.me.#', 'confd.users.me.read'],
    metadata: { uuid: USER_UUID, tenant_uuid: TENANT_UUID, auth_id: USER_UUID, pbx_user_uuid: USER_UUID, purpose: 'user', admin: false },
    session_uuid: `5e55${String(serial).padStart(4, '0')}-aaaa-4bbb-8ccc-000000000000`,
    remote_addr: '127.0.0.1',
    user_agent: 'test',
    ...(refreshToken && { refresh_token: refreshToken }),
    ...extra,
  };
}

/** The standard 401 of a daemon's token verifier. */
export const verifier401 = (token: string, reason: 'not_found_or_expired' | 'missing_permission_or_invalid_tenant') => ({
  status: 401,
  body: { message: 'Unauthorized', error_id: 'unauthorized', details: { invalid_token: token, reason }, timestamp: 1 },
});
