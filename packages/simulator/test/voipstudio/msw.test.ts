import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createVoipstudioSimulator, type VoipstudioSimulator } from '../../src/index.js';

let sim: VoipstudioSimulator;
let server: ReturnType<typeof setupServer>;

beforeAll(async () => {
  sim = createVoipstudioSimulator();
  server = setupServer(...sim.mswHandlers(), ...sim.mswHandlers('http://sim.test/api'));
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

it('answers the real API URL in-process', async () => {
  expect(sim.defaultBaseUrl).toBe('https://l7api.com/v1.2/voipstudio');
  const login = await fetch(`${sim.defaultBaseUrl}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: sim.fixtures.demo.email, password: sim.fixtures.demo.password }),
  });
  const { user_token } = (await login.json()) as { user_token: string };
  const me = await fetch(`${sim.defaultBaseUrl}/me`, { headers: { 'X-Auth-Token': user_token } });
  expect(((await me.json()) as { data: { id: number } }).data.id).toBe(sim.fixtures.demo.userId);
});

it('serves any other base URL and binary bodies', async () => {
  const [recording] = sim.store.recordings.all();
  const audio = await fetch(`http://sim.test/api/monitors/${recording!.id}.mp3`, { headers: { 'X-Auth-Token': sim.fixtures.apiToken } });
  expect(audio.headers.get('content-type')).toBe('audio/mpeg');
  expect((await audio.arrayBuffer()).byteLength).toBe(recording!.size);
});

it('turns a dropped connection into a network error', async () => {
  sim.faults.drop({ times: 1 });
  await expect(fetch(`${sim.defaultBaseUrl}/ping`, { headers: { 'X-Auth-Token': sim.fixtures.apiToken } })).rejects.toThrow(TypeError);
  expect(sim.violations).toEqual([]);
});
