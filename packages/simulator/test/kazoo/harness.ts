import { createHash } from 'node:crypto';
import { createKazooSimulator, type KazooSimulatorOptions } from '../../src/index.js';

export type Json = Record<string, any>;

export interface CallOptions {
  /** X-Auth-Token; none unless given. */
  token?: string;
  /** Sent as the JSON request body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** The clock tests start from (the simulator seeds its history backwards from it). */
export const START = Date.parse('2026-11-22T10:00:00Z');

/** A Kazoo simulator listening on a free port, and plain-fetch helpers for its API. */
export async function startKazoo(options: KazooSimulatorOptions = {}) {
  const sim = createKazooSimulator({ now: () => START, ...options });
  const server = await sim.listen();
  const { fixtures } = sim;
  const call = (method: string, path: string, { token, body, headers = {} }: CallOptions = {}) =>
    fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        ...(token === undefined ? {} : { 'X-Auth-Token': token }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  /** Calls and parses the JSON body (undefined when there is none). */
  const callJson = async (method: string, path: string, options?: CallOptions): Promise<{ status: number; body: Json; response: Response }> => {
    const response = await call(method, path, options);
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, response };
  };
  /** A token from `PUT /api_auth` with an account's API key (the demo account's by default). */
  const apiToken = async (apiKey: string = fixtures.demo.apiKey): Promise<string> => {
    const { status, body } = await callJson('PUT', '/api_auth', { body: { data: { api_key: apiKey } } });
    if (status !== 201) throw new Error(`api_auth answered ${status}: ${JSON.stringify(body)}`);
    return body.auth_token as string;
  };
  /** A token from `PUT /user_auth` with md5 credentials (jsmith in the demo account by default). */
  const userToken = async (username: string = fixtures.user.username, accountName: string = fixtures.demo.name): Promise<string> => {
    const { status, body } = await callJson('PUT', '/user_auth', { body: { data: { credentials: md5Credentials(username, fixtures.user.password), account_name: accountName } } });
    if (status !== 201) throw new Error(`user_auth answered ${status}: ${JSON.stringify(body)}`);
    return body.auth_token as string;
  };
  const demo = (path = '') => `/accounts/${fixtures.demo.accountId}${path}`;
  return { sim, server, fixtures, call, callJson, apiToken, userToken, demo, close: () => server.close() };
}

export type KazooEnv = Awaited<ReturnType<typeof startKazoo>>;

export function md5Credentials(username: string, password: string): string {
  return createHash('md5').update(`${username.toLowerCase()}:${password}`).digest('hex');
}

export function sha1Credentials(username: string, password: string): string {
  return createHash('sha1').update(`${username.toLowerCase()}:${password}`).digest('hex');
}

/** Gregorian seconds of a time in ms. */
export const gregorian = (ms: number) => Math.floor(ms / 1000) + 62_167_219_200;

/** The claims of a JWT, decoded without checking it. */
export function claimsOf(token: string): Json {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}
