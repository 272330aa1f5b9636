import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the VoIPstudio demo runs end to end against the simulator', async () => {
  const script = fileURLToPath(new URL('../voipstudio.ts', import.meta.url));
  const { VOIPSTUDIO_BASE_URL: _real, ...env } = process.env;
  const { stdout } = await run(process.execPath, ['--conditions=@pbxkit/source', '--import', 'tsx', script], {
    env,
    timeout: 60_000,
  });
  expect(stdout).toMatch(/logged in as .+ <demo@example\.com>/);
  expect(stdout).toMatch(/2FA session for user \d+/);
  expect(stdout).toMatch(/walked 2400 CDRs page by page/);
  expect(stdout).toMatch(/recording \d+: \d+ bytes of audio\/mpeg/);
  expect(stdout).toMatch(/fax \d+: \d+ bytes of application\/pdf/);
  expect(stdout).toContain('after revocation: AuthenticationError');
  expect(stdout).toMatch(/NotFoundError: 404 /);
  expect(stdout).toContain('got 5 users after 2 retried 503s');
  expect(stdout).toContain('hung up after 42s');
  expect(stdout).toMatch(/received call\.ringing, call\.connected, call\.hangup for call \d+\n/);
  expect(stdout.trimEnd().endsWith('Done.')).toBe(true);
  // The demo never prints the password or a session token.
  expect(stdout).not.toContain('demo-password');
  expect(stdout).not.toMatch(/[0-9a-f]{32}/);
}, 90_000);
