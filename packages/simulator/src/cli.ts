#!/usr/bin/env node
/**
 * `pnpm sim [--port 4010] [--kazoo-port 4020] [--wazo-port 4030] [--host 127.0.0.1] [--seed 1]
 * [--voipstudio-webhook URL]...`: serves the VoIPstudio, Kazoo and Wazo simulators over HTTP, each on its own
 * port, until SIGINT/SIGTERM. With `--port 0` the other ports default to 0 too (free ports). Each
 * `--voipstudio-webhook` gets every VoIPstudio webhook event. The credentials it prints are simulator
 * fixtures, not secrets.
 */
import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@pbxkit/voipstudio';
import { createKazooSimulator } from './kazoo/index.js';
import { createVoipstudioSimulator } from './voipstudio/index.js';
import { createWazoSimulator } from './wazo/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    'kazoo-port': { type: 'string' },
    'wazo-port': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    'voipstudio-webhook': { type: 'string', multiple: true, default: [] },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: pnpm sim [--port 4010] [--kazoo-port 4020] [--wazo-port 4030] [--host 127.0.0.1] [--seed 1] [--voipstudio-webhook URL]...');
  process.exit(0);
}

const port = Number(values.port);
const kazooPort = Number(values['kazoo-port'] ?? (port === 0 ? 0 : 4020));
const wazoPort = Number(values['wazo-port'] ?? (port === 0 ? 0 : 4030));
const seed = Number(values.seed);
const isPort = (value: number) => Number.isInteger(value) && value >= 0 && value <= 65_535;
if (!isPort(port) || !isPort(kazooPort) || !isPort(wazoPort) || !Number.isInteger(seed)) {
  console.error('--port, --kazoo-port and --wazo-port must be integers from 0 to 65535 and --seed an integer');
  process.exit(2);
}

const webhookUrls = values['voipstudio-webhook'];
const sim = voipstudioSimulator();
const server = await sim.listen({ port, host: values.host });
const { demo, twoFactor, apiToken } = sim.fixtures;
console.log(`VoIPstudio simulator: ${server.baseUrl}`);
console.log(`  login      ${demo.email} / ${demo.password}`);
console.log(`  2FA login  ${twoFactor.email} / ${twoFactor.password}, code ${twoFactor.code}`);
console.log(`  API token  ${apiToken} (X-Auth-Token)`);
for (const url of webhookUrls) console.log(`  webhook    every event to ${new URL(url).origin}`);
console.log(`  control    ${server.url}/__sim/health | /__sim/faults | /__sim/reset`);

const kazoo = createKazooSimulator({ seed });
const kazooServer = await kazoo.listen({ port: kazooPort, host: values.host });
const { demo: kazooDemo, user: kazooUser } = kazoo.fixtures;
console.log(`Kazoo simulator: ${kazooServer.baseUrl}`);
console.log(`  account    ${kazooDemo.name} (${kazooDemo.accountId}), realm ${kazooDemo.realm}`);
console.log(`  api_auth   api_key ${kazooDemo.apiKey}`);
console.log(`  user_auth  ${kazooUser.username} / ${kazooUser.password} (md5 of "${kazooUser.username}:${kazooUser.password}")`);
console.log(`  blackhole  ${kazooServer.websocketUrl} (WebSocket on the same port, any path outside /v2 and /__sim)`);
console.log(`  control    ${kazooServer.url}/__sim/health | /__sim/faults | /__sim/reset`);

const wazo = createWazoSimulator({ seed });
const wazoServer = await wazo.listen({ port: wazoPort, host: values.host });
const { alice, bob, admin } = wazo.fixtures.users;
console.log(`Wazo simulator: ${wazoServer.baseUrl} (/api/auth/0.1, /api/calld/1.0, /api/confd/1.1, ...)`);
console.log(`  websocketd ${wazoServer.websocketdUrl}?token=<token>&version=2`);
console.log(`  users      ${alice.username} / ${alice.password} (subscription 2), ${bob.username} (subscription 0), ${admin.username} (tenant admin), same password`);
console.log(`  refresh    alice holds a refresh token for client_id ${wazo.fixtures.refreshToken.clientId} (fixtures.refreshToken)`);
console.log(`  control    ${wazoServer.url}/__sim/health | /__sim/faults | /__sim/reset`);
console.log('Ctrl+C stops it.');

/** The VoIPstudio simulator with the `--voipstudio-webhook` URLs; a bad URL ends the process with code 2. */
function voipstudioSimulator() {
  try {
    return createVoipstudioSimulator({ seed, webhooks: webhookUrls.map((url) => ({ url })) });
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    console.error(`--voipstudio-webhook: ${error.message}`);
    process.exit(2);
  }
}

let stopping = false;
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  await Promise.all([server.close(), kazooServer.close(), wazoServer.close()]);
  console.log(`Stopped (${signal}).`);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
