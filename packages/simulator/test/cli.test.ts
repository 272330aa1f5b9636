import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

it('pnpm sim serves the simulator, prints its URL and credentials, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    child.stdout.setEncoding('utf8');
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const url = /VoIPstudio simulator: (\S+)/.exec(output)?.[1];
        if (url && output.includes('Ctrl+C')) resolve(url);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.2\/voipstudio$/);
    expect(output).toContain('demo@example.com / demo-password');
    expect(output).toContain('demo-api-token');
    const ping = await fetch(`${baseUrl}/ping`, { headers: { 'X-Auth-Token': 'demo-api-token' } });
    expect(await ping.json()).toEqual({ data: { response: 'Pong' }, links: {} });

    const started = performance.now();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

it('refuses an invalid port', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', 'eighty'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const [code] = await once(child, 'exit');
  expect(code).toBe(2);
});
