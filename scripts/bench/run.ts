/**
 * `pnpm bench`: client overhead per call, as a ratio against raw fetch measured in the same run.
 * Every contender calls the same in-memory fetch (no network), so only client work is measured.
 */
import createClient from 'openapi-fetch';
import { createVoipstudioClient } from '@pbxkit/voipstudio';
import type { paths } from '../../packages/voipstudio/src/generated/schema.js';

const baseUrl = 'https://l7api.com/v1.2/voipstudio';
const body = JSON.stringify({
  data: Array.from({ length: 25 }, (_, i) => ({ id: i + 1, calldate: '2026-11-01 10:00:00', src: '4420', dst: '4421' })),
  total: 25,
});
const fakeFetch = async (_input: unknown, _init?: unknown) => new Response(body, { headers: { 'Content-Type': 'application/json' } });

const rawFetch = async () => (await fakeFetch(`${baseUrl}/cdrs?limit=25`, { headers: { 'X-Auth-Token': 'k' } })).json();
const openapi = createClient<paths>({ baseUrl, fetch: fakeFetch, headers: { 'X-Auth-Token': 'k' } });
const vs = createVoipstudioClient({ baseUrl, auth: { apiKey: 'bench-key' }, fetch: fakeFetch });

const contenders: [string, () => Promise<unknown>][] = [
  ['raw fetch + json() (baseline)', rawFetch],
  ['openapi-fetch GET', () => openapi.GET('/cdrs', { params: { query: { limit: 25 } } })],
  ['@pbxkit/voipstudio cdrs.list', () => vs.cdrs.list({ query: { limit: 25 } })],
];

async function opsPerSecond(fn: () => Promise<unknown>, ms = 1500): Promise<number> {
  for (let i = 0; i < 500; i++) await fn(); // warm up
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 100; i++) await fn();
    n += 100;
  }
  return (n * 1000) / (performance.now() - start);
}

const rounds = 3;
const results = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const [name, fn] of contenders) results.set(name, [...(results.get(name) ?? []), await opsPerSecond(fn)]);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const baseline = median(results.get(contenders[0]![0])!);
console.log(`node ${process.version}; median of ${rounds} rounds`);
console.log('contender'.padEnd(36), 'ops/s'.padStart(10), '  vs baseline');
for (const [name, xs] of results) {
  console.log(name.padEnd(36), String(Math.round(median(xs))).padStart(10), `  ${(median(xs) / baseline).toFixed(2)}x`);
}
