#!/usr/bin/env node
// The README's two commands on a fresh machine with only Node and npm:
//   npm run demo  -> install, regenerate the clients, run the demo against the built-in simulator
//   npm test      -> install (incl. headless Chromium), then every check and test CI runs
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM = 'pnpm@10.34.9';
const task = process.argv[2];

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function hasCommand(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0;
}

// pnpm from PATH when present, else through npx (no global install needed).
const pnpm = (...args) => (hasCommand('pnpm') ? run('pnpm', args) : run('npx', ['--yes', PNPM, ...args]));

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && !hasCommand('sudo')) {
    console.error('The browser tests need Chromium at /usr/bin/chromium: install the Debian package `chromium`.');
    process.exit(1);
  }
  const sudo = isRoot ? [] : ['sudo'];
  const apt = (...a) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...a] : a, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update', '-qq');
  apt('install', '-y', '-qq', '--no-install-recommends', 'chromium');
}

pnpm('install', '--frozen-lockfile');
if (task === 'demo') {
  pnpm('run', 'generate');
  pnpm('run', 'demo:run');
} else if (task === 'test') {
  ensureChromium();
  pnpm('run', 'generate', '--check');
  pnpm('run', 'build');
  pnpm('run', 'typecheck');
  pnpm('run', 'test:unit');
  pnpm('run', 'test:browser');
  pnpm('run', 'test:node-matrix');
  pnpm('run', 'lint:packages');
  pnpm('run', 'bench:size', '--check');
} else {
  console.error('usage: node scripts/bootstrap.mjs demo|test');
  process.exit(2);
}
