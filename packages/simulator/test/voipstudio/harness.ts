import { createVoipstudioSimulator, type VoipstudioSimulatorOptions } from '../../src/index.js';

export interface CallOptions {
  /** X-Auth-Token; the demo API token unless given (null sends none). */
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Json = Record<string, any>;

/** A simulator listening on a free port, and a plain-fetch helper for its API. */
export async function startSimulator(options: VoipstudioSimulatorOptions = {}) {
  const sim = createVoipstudioSimulator(options);
  const server = await sim.listen();
  const call = (method: string, path: string, { token = sim.fixtures.apiToken, body, headers = {} }: CallOptions = {}) =>
    fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { 'X-Auth-Token': token }),
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
  return { sim, server, call, callJson, close: () => server.close() };
}

export const filterQuery = (...conditions: { property: string; operator: string; value?: unknown }[]) =>
  `filter=${encodeURIComponent(JSON.stringify(conditions))}`;
