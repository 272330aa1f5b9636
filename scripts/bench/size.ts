/**
 * `pnpm bench:size [--check]`: min+gzip bytes of browser bundles for one scenario (log in, list CDRs),
 * beside baselines bundled in the same run. `--check` fails when a pbxkit bundle is over its budget.
 */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { bundleForBrowser } from '../browser-bundle.js';

const entries = [
  { name: 'raw fetch (baseline)', file: 'raw-fetch.ts' },
  { name: 'openapi-fetch + auth middleware (baseline)', file: 'openapi-fetch.ts' },
  // 6.5 KiB since the shared runtime learnt Kazoo's and Wazo's request shapes (serializers, path defaults, forms).
  { name: '@pbxkit/voipstudio: client + login + cdrs.list', file: 'voipstudio.ts', budget: 6.5 * 1024 },
];

async function measure(file: string) {
  const code = await bundleForBrowser(fileURLToPath(new URL(`entries/${file}`, import.meta.url)), { minify: true });
  return { min: code.byteLength, gz: gzipSync(code, { level: 9 }).byteLength };
}

const rows = [];
for (const entry of entries) rows.push({ ...entry, ...(await measure(entry.file)) });
const openapiFetch = rows[1]!.gz;
console.log('bundle'.padEnd(50), 'min'.padStart(8), 'min+gz'.padStart(8), ' vs openapi-fetch');
for (const r of rows) {
  const ratio = (r.gz / openapiFetch).toFixed(2);
  const budget = r.budget ? `  (budget ${r.budget})` : '';
  console.log(r.name.padEnd(50), String(r.min).padStart(8), String(r.gz).padStart(8), `  ${ratio}x${budget}`);
}
const over = rows.filter((r) => r.budget && r.gz > r.budget);
if (process.argv.includes('--check') && over.length) {
  for (const r of over) console.error(`over budget: ${r.name}: ${r.gz} > ${r.budget} bytes`);
  process.exit(1);
}
