import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the Wazo demo runs end to end against the simulator', async () => {
  const script = fileURLToPath(new URL('../wazo.ts', import.meta.url));
  const { WAZO_HOST: _real, ...env } = process.env;
  const { stdout } = await run(process.execPath, ['--conditions=@pbxkit/source', '--import', 'tsx', script], { env, timeout: 60_000 });
  expect(stdout).toMatch(/user 5d0c3a8e-2a41-4c6e-9f3b-8e1d2c7a9b01 of tenant /);
  expect(stdout).toContain('refresh token for "pbxkit-demo": yes');
  expect(stdout).toContain('may list its calls: true; may list every user: false');
  expect(stdout).toMatch(/Alice Martin, subscription type 2/);
  expect(stdout).toMatch(/event call_created\n {2}event call_ended\n {2}event chatd_presence_updated\n {2}my presence is now away/);
  expect(stdout).toContain('the events socket still delivers, on the same connection');
  expect(stdout).toMatch(/\d+ call logs; the newest: /);
  expect(stdout).toMatch(/PermissionDeniedError \(401\): 401 /);
  expect(stdout.match(/token refreshed/g)).toHaveLength(1);
  expect(stdout).toMatch(/SubscriptionRequiredError: .* subscription type of 1 or more; the user has 0/);
  expect(stdout).toMatch(/validated: session of 5d0c3a8e/);
  expect(stdout).toMatch(/\d+ personal contact\(s\)/);
  expect(stdout).toContain('logged out: token still valid? false');
  expect(stdout.trimEnd().endsWith('Done.')).toBe(true);
  // The demo never prints the password or a token (tokens are UUIDs: the only ones printed are ids).
  expect(stdout).not.toContain('demo-password');
  const uuids = new Set(stdout.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
  expect([...uuids].sort()).toEqual(['2e752722-0864-4665-887d-a78a024cf7c7', '5d0c3a8e-2a41-4c6e-9f3b-8e1d2c7a9b01']);
}, 90_000);
