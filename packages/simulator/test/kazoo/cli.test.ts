import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { connectBlackhole, errorOf } from './blackhole-client.js';
import { md5Credentials } from './harness.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

it('pnpm sim also serves Kazoo (REST and blackhole) on its own port and prints its fixtures', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@pbxkit/source', cli, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('Ctrl+C')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    const baseUrl = /Kazoo simulator: (\S+)/.exec(output)?.[1];
    const voipstudio = /VoIPstudio simulator: (\S+)/.exec(output)?.[1];
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(new URL(baseUrl!).port).not.toBe(new URL(voipstudio!).port);
    const apiKey = /api_key (\S+)/.exec(output)?.[1];
    expect(apiKey).toHaveLength(64);
    expect(output).toContain('jsmith / demo-password');
    const auth = await fetch(`${baseUrl}/api_auth`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { api_key: apiKey } }) });
    expect(auth.status).toBe(201);
    const user = await fetch(`${baseUrl}/user_auth`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { credentials: md5Credentials('jsmith', 'demo-password'), account_realm: 'demo.pbxkit.test' } }),
    });
    expect(user.status).toBe(201);
    const blackhole = /blackhole +(\S+)/.exec(output)?.[1];
    expect(blackhole).toBe(`${baseUrl!.replace(/^http/, 'ws').replace(/\/v2$/, '')}/`);
    const socket = await connectBlackhole(blackhole!);
    expect(errorOf(await socket.command({ action: 'ping' }))).toBe('authentication token required');
    socket.socket.close();

    const started = performance.now();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
