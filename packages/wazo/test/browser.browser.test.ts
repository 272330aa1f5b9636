import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleForBrowser } from '../../../scripts/browser-bundle.js';
import { createWazoSimulator, type RunningServer } from '@pbxkit/simulator';

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const sim = createWazoSimulator();
let browser: Browser;
let stack: RunningServer & { baseUrl: string };
let page: Server;
let pageUrl: string;

/** Serves the bundled entry on its own origin, so every call to the simulator is cross-origin. */
async function servePage(script: string): Promise<Server> {
  const html = `<!doctype html><meta charset="utf-8"><title>pbxkit</title><script type="module">${script}</script>`;
  const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  const bundle = await bundleForBrowser(fileURLToPath(new URL('browser/entry.ts', import.meta.url)));
  page = await servePage(new TextDecoder().decode(bundle));
  pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`;
  stack = await sim.listen();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  page?.close();
});

/** Runs one of the entry's scenarios (`runScenario`, `runEvents`) in a fresh tab; `errors` are the page's uncaught errors. */
async function runInTab(scenario: string, args: readonly unknown[]): Promise<{ result: any; errors: string[] }> {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(pageUrl);
  await tab.waitForFunction((name) => name in globalThis, scenario);
  const result = await tab.evaluate(([name, values]) => (globalThis as any)[name](...values), [scenario, args] as const);
  return { result, errors };
}

it('logs in cross-origin, lists calls and logs out in headless Chromium', async () => {
  const { alice } = sim.fixtures.users;
  const { result, errors } = await runInTab('runScenario', [stack.baseUrl, alice.username, alice.password, sim.fixtures.refreshToken.clientId, sim.fixtures.tenants.acme]);
  expect(errors).toEqual([]);
  expect(result).toMatchObject({
    userUuid: alice.uuid,
    hasRefreshToken: true,
    firstname: alice.firstname,
    permission: 'PermissionDeniedError 401',
    stillValid: false,
    bareFetchRefused: true,
  });
  expect(result.expiresInMs).toBeGreaterThan(3_500_000);
  expect(result.calls).toBeGreaterThan(0);
  expect(result.extraHeaderCalls).toBe(result.calls);
  expect(sim.violations).toEqual([]);
});

it('receives websocketd events over the browser WebSocket in headless Chromium', async () => {
  const { alice } = sim.fixtures.users;
  const { result, errors } = await runInTab('runEvents', [stack.baseUrl, alice.username, alice.password]);
  expect(errors).toEqual([]);
  expect(result).toEqual({ name: 'chatd_presence_updated', state: 'away', stateAfterClose: 'closed', globalWebSocket: true });
  expect(sim.violations).toEqual([]);
});
