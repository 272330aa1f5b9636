#!/usr/bin/env node
// publint and @arethetypeswrong/cli over every published package (run after `pnpm build`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const published = readdirSync('packages').filter(
  (dir) => !JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')).private,
);
let failed = false;
for (const dir of published) {
  for (const [cmd, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'esm-only']],
  ]) {
    console.log(`\n$ (packages/${dir}) ${cmd} ${args.join(' ')}`);
    const r = spawnSync('pnpm', ['exec', cmd, ...args], { cwd: `packages/${dir}`, stdio: 'inherit' });
    failed ||= r.status !== 0;
  }
}
process.exit(failed ? 1 : 0);
