import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { startEventReceiver } from './event-receiver.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const runCli = (...args: string[]) =>
  spawn(process.execPath, ['--import', 'tsx', '--conditions=@pbxkit/source', cli, '--port', '0', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });

it('pnpm sim --voipstudio-webhook sends every VoIPstudio event to that URL', async () => {
  const receiver = await startEventReceiver();
  const child = runCli('--voipstudio-webhook', receiver.url);
  try {
    child.stdout.setEncoding('utf8');
    let output = '';
    for await (const chunk of child.stdout) {
      output += chunk;
      if (output.includes('Ctrl+C')) break;
    }
    expect(output).toContain(`webhook    every event to ${new URL(receiver.url).origin}`);
    const baseUrl = /VoIPstudio simulator: (\S+)/.exec(output)![1];
    const made = await fetch(`${baseUrl}/calls`, {
      method: 'POST',
      headers: { 'X-Auth-Token': 'demo-api-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: '447700900555' }),
    });
    const { data } = (await made.json()) as { data: { id: number } };
    expect(await receiver.received(1)).toEqual([expect.objectContaining({ event_name: 'call.ringing', call_id: data.id })]);
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    await receiver.close();
  }
});

it('refuses a webhook URL that is not http(s) with exit code 2', async () => {
  const child = runCli('--voipstudio-webhook', 'ftp://hooks.example.com/x');
  const [code] = await once(child, 'exit');
  expect(code).toBe(2);
});
