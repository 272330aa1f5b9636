import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

it('pnpm sim also serves the Wazo stack on its own port', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    child.stdout.setEncoding('utf8');
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const url = /Wazo simulator: (\S+)/.exec(output)?.[1];
        if (url && output.includes('Ctrl+C')) resolve(url);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain('alice / demo-password');
    expect(output).toContain(`websocketd ${baseUrl.replace('http', 'ws')}/api/websocketd/?token=<token>&version=2`);
    const login = await fetch(`${baseUrl}/api/auth/0.1/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa('alice:demo-password')}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(login.status).toBe(200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
