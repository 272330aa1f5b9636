#!/usr/bin/env node
/**
 * `pnpm sim [--port 4010] [--host 127.0.0.1] [--seed 1]`: serves the VoIPstudio simulator over HTTP
 * until SIGINT/SIGTERM. The credentials it prints are simulator fixtures, not secrets.
 */
import { parseArgs } from 'node:util';
import { createVoipstudioSimulator } from './voipstudio/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: pnpm sim [--port 4010] [--host 127.0.0.1] [--seed 1]');
  process.exit(0);
}

const port = Number(values.port);
const seed = Number(values.seed);
if (!Number.isInteger(port) || port < 0 || port > 65_535 || !Number.isInteger(seed)) {
  console.error('--port must be an integer from 0 to 65535 and --seed an integer');
  process.exit(2);
}

const sim = createVoipstudioSimulator({ seed });
const server = await sim.listen({ port, host: values.host });
const { demo, twoFactor, apiToken } = sim.fixtures;
console.log(`VoIPstudio simulator: ${server.baseUrl}`);
console.log(`  login      ${demo.email} / ${demo.password}`);
console.log(`  2FA login  ${twoFactor.email} / ${twoFactor.password}, code ${twoFactor.code}`);
console.log(`  API token  ${apiToken} (X-Auth-Token)`);
console.log(`  control    ${server.url}/__sim/health | /__sim/faults | /__sim/reset`);
console.log('Ctrl+C stops it.');

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  await server.close();
  console.log(`Stopped (${signal}).`);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
