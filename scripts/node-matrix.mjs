#!/usr/bin/env node
// The runtime and client tests again on Node 22 and 24 (fetched as the npm packages node@22 / node@24):
// the clients promise Node 20+, and the machine's Node is 20.
import { spawnSync } from 'node:child_process';

for (const version of ['22', '24']) {
  console.log(`\n$ node@${version}: vitest run packages/core packages/voipstudio packages/kazoo packages/wazo`);
  const r = spawnSync(
    'npx',
    ['--yes', '-p', `node@${version}`, '--', 'node', 'node_modules/vitest/vitest.mjs', 'run', 'packages/core', 'packages/voipstudio', 'packages/kazoo', 'packages/wazo'],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
