import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createKazooSimulator, type KazooSimulator } from '../../src/index.js';

let sim: KazooSimulator;
let server: ReturnType<typeof setupServer>;

beforeAll(() => {
  sim = createKazooSimulator();
  server = setupServer(...sim.mswHandlers(), ...sim.mswHandlers('http://kazoo.test/api/v2'));
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

const apiAuth = async (baseUrl: string) => {
  const response = await fetch(`${baseUrl}/api_auth`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { api_key: sim.fixtures.demo.apiKey } }) });
  return ((await response.json()) as { auth_token: string }).auth_token;
};

it('answers Crossbar’s default URL in-process', async () => {
  expect(sim.defaultBaseUrl).toBe('http://localhost:8000/v2');
  const token = await apiAuth(sim.defaultBaseUrl);
  const account = await fetch(`${sim.defaultBaseUrl}/accounts/${sim.fixtures.demo.accountId}`, { headers: { 'X-Auth-Token': token } });
  expect(((await account.json()) as { data: { name: string } }).data.name).toBe('pbxkit-demo');
});

it('serves any other base URL, binary bodies included', async () => {
  const base = 'http://kazoo.test/api/v2';
  const token = await apiAuth(base);
  const [recording] = sim.store.recordings.inAccount(sim.fixtures.demo.accountId);
  const audio = await fetch(`${base}/accounts/${sim.fixtures.demo.accountId}/recordings/${recording!.id}`, { headers: { 'X-Auth-Token': token, Accept: 'audio/mpeg' } });
  expect(audio.headers.get('content-type')).toBe('audio/mpeg');
  expect(new Uint8Array(await audio.arrayBuffer())[0]).toBe(0xff);
});

it('turns a dropped connection into a network error', async () => {
  sim.faults.drop({ times: 1 });
  await expect(fetch(`${sim.defaultBaseUrl}/webhooks`)).rejects.toThrow(TypeError);
  expect((await fetch(`${sim.defaultBaseUrl}/webhooks`)).status).toBe(200);
  expect(sim.violations).toEqual([]);
});
