/**
 * `pnpm bench:size [--check]`: min+gzip bytes a page loads up front for one scenario (log in, list CDRs; or log in, listen to events),
 * beside baselines bundled in the same run; chunks loaded on demand are counted apart. `--check` fails when a pbxkit bundle is over its budget.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { bundleUpFront } from '../browser-bundle.js';

const entries = [
  { name: 'raw fetch (baseline)', file: 'raw-fetch.ts' },
  { name: 'openapi-fetch + auth middleware (baseline)', file: 'openapi-fetch.ts' },
  // 6.75 KiB since the shared runtime learnt Kazoo's and Wazo's request shapes (serializers, path defaults,
  // forms, raw bodies) and every resource got its own factory.
  { name: '@pbxkit/voipstudio: client + login + cdrs.list', file: 'voipstudio.ts', budget: 6.75 * 1024 },
  { name: '@pbxkit/kazoo: client + API-key auth + cdrs.list', file: 'kazoo.ts', budget: 7.5 * 1024 },
  // 11 KiB since the session layer lends its token (currentToken, renewToken) to the events client.
  { name: '@pbxkit/wazo: client + logIn + calld.listCalls', file: 'wazo.ts', budget: 11 * 1024 },
  { name: '@pbxkit/kazoo: client + blackhole events + subscribe', file: 'kazoo-events.ts', budget: 12 * 1024 },
  { name: '@pbxkit/wazo: client + logIn + websocketd events', file: 'wazo-events.ts', budget: 13.5 * 1024 },
];

async function measure(file: string) {
  const { upFront, lazy } = await bundleUpFront(fileURLToPath(new URL(`entries/${file}`, import.meta.url)));
  const lazyGz = lazy.reduce((sum, chunk) => sum + gzipSync(chunk, { level: 9 }).byteLength, 0);
  return { min: upFront.byteLength, gz: gzipSync(upFront, { level: 9 }).byteLength, lazyGz };
}

const rows = [];
for (const entry of entries) rows.push({ ...entry, ...(await measure(entry.file)) });
const openapiFetch = rows[1]!.gz;
console.log('bundle'.padEnd(56), 'min'.padStart(8), 'min+gz'.padStart(8), ' vs openapi-fetch');
for (const r of rows) {
  const ratio = (r.gz / openapiFetch).toFixed(2);
  const budget = `${r.budget ? `  (budget ${r.budget})` : ''}${r.lazyGz ? `  (+${r.lazyGz} B gz loaded on demand)` : ''}`;
  console.log(r.name.padEnd(56), String(r.min).padStart(8), String(r.gz).padStart(8), `  ${ratio}x${budget}`);
}
const over = rows.filter((r) => r.budget && r.gz > r.budget);
if (process.argv.includes('--check') && over.length) {
  for (const r of over) console.error(`over budget: ${r.name}: ${r.gz} > ${r.budget} bytes`);
  process.exit(1);
}
