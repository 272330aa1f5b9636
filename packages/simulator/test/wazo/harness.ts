import { createWazoSimulator, wazoDaemons, type WazoDaemonName, type WazoSimulatorOptions } from '../../src/index.js';

export type Json = Record<string, any>;

export interface CallOptions {
  /** X-Auth-Token (none when absent). */
  token?: string;
  /** JSON body, or raw bytes/text sent with `contentType`. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface JsonReply {
  status: number;
  body: any;
  response: Response;
}

/** The public prefix of each daemon, e.g. `P.calld` = `/api/calld/1.0`. */
export const P = Object.fromEntries(wazoDaemons.map((daemon) => [daemon.name, daemon.prefix])) as Record<WazoDaemonName, string>;

export const basic = (login: string, password: string) => `Basic ${btoa(`${login}:${password}`)}`;

/**
 * A Wazo simulator on a free port and plain-fetch helpers. Every answered request is matched back to its
 * operation, so a test file can check that it exercised each operation of a daemon.
 */
export async function startWazo(options: WazoSimulatorOptions = {}) {
  const sim = createWazoSimulator(options);
  const server = await sim.listen();
  const exercised = new Map<WazoDaemonName, Set<string>>();

  const record = (method: string, path: string, status: number) => {
    if (status >= 500) return;
    const pathname = new URL(path, server.baseUrl).pathname;
    for (const contract of sim.app.contracts) {
      const found = contract.match(method, pathname);
      if (found.kind !== 'operation') continue;
      const daemon = wazoDaemons.find((d) => d.prefix === contract.basePath)!.name;
      if (!exercised.has(daemon)) exercised.set(daemon, new Set());
      exercised.get(daemon)!.add(found.operation.operationId);
    }
  };

  const call = async (method: string, path: string, { token, body, contentType, headers = {} }: CallOptions = {}) => {
    const raw = body instanceof Uint8Array || typeof body === 'string';
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { 'X-Auth-Token': token }),
        ...(body === undefined ? {} : { 'Content-Type': contentType ?? 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: raw ? (body as BodyInit) : JSON.stringify(body) }),
    });
    record(method, path, response.status);
    return response;
  };

  const callJson = async (method: string, path: string, options?: CallOptions): Promise<JsonReply> => {
    const response = await call(method, path, options);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, response };
  };

  /** Creates a token with Basic credentials (a fixture user's name, or a login and password). */
  const logIn = async (user: keyof typeof sim.fixtures.users | { login: string; password: string }, body: Json = {}, headers: Record<string, string> = {}) => {
    const { login, password } = typeof user === 'string' ? { login: sim.fixtures.users[user].username, password: sim.fixtures.users[user].password } : user;
    return callJson('POST', `${P.auth}/token`, { body, headers: { Authorization: basic(login, password), ...headers } });
  };
  const tokenOf = async (user: keyof typeof sim.fixtures.users, body: Json = {}) => {
    const { status, body: reply } = await logIn(user, body);
    if (status !== 200) throw new Error(`login of ${user} answered ${status}`);
    return reply.data.token as string;
  };

  /** Operations of `daemon` no successful or expected-error answer has reached yet. */
  const unexercised = (daemon: WazoDaemonName) => {
    const contract = sim.app.contracts.find((c) => c.basePath === P[daemon])!;
    const seen = exercised.get(daemon) ?? new Set();
    return contract.operations.map((op) => op.operationId).filter((id) => !seen.has(id));
  };

  return { sim, server, call, callJson, logIn, tokenOf, unexercised, close: () => server.close() };
}

export type WazoEnv = Awaited<ReturnType<typeof startWazo>>;
