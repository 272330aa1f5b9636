import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createKazooSimulator } from '@pbxkit/simulator';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const { demo } = createKazooSimulator().fixtures;

it('the Kazoo demo runs end to end against the simulator', async () => {
  const script = fileURLToPath(new URL('../kazoo.ts', import.meta.url));
  const { KAZOO_BASE_URL: _real, KAZOO_API_KEY: _key, ...env } = process.env;
  const { stdout } = await run(process.execPath, ['--conditions=@pbxkit/source', '--import', 'tsx', script], { env, timeout: 60_000 });
  expect(stdout).toContain('account "pbxkit-demo" (demo.pbxkit.test)');
  expect(stdout).toContain('logged in as user jsmith');
  expect(stdout).toMatch(/users named James: James \w+, James \w+/);
  expect(stdout).toMatch(/walked \d{4} CDRs/);
  expect(stdout).toMatch(/recording: \d+ bytes of audio\/mpeg/);
  expect(stdout).toMatch(/event CHANNEL_CREATE \(call\.\*\.\*\)\n {2}event CHANNEL_ANSWER[^]*event CHANNEL_DESTROY/);
  expect(stdout).toContain('the new user was announced');
  expect(stdout).toContain('received object doc_deleted user for hook pbxkit demo');
  expect(stdout).toContain('BadRequestError: first_name required');
  expect(stdout).toContain('got 5 devices after 2 retried 503s');
  expect(stdout.trimEnd().endsWith('Done.')).toBe(true);
  // Never the API key, a password or a token.
  expect(stdout).not.toContain(demo.apiKey);
  expect(stdout).not.toContain('demo-password');
  expect(stdout).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
}, 90_000);
