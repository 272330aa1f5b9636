import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleForBrowser } from '../../../scripts/browser-bundle.js';
import { createVoipstudioSimulator, type RunningServer } from '@pbxkit/simulator';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

let browser: Browser;
let sim: RunningServer;
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
  sim = await createVoipstudioSimulator().listen();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await sim?.close();
  page?.close();
});

it('logs in, lists and pages through every CDR in headless Chromium', async () => {
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(pageUrl);
  await tab.waitForFunction(() => 'runScenario' in globalThis);
  const result = await tab.evaluate(
    ([baseUrl]) => (globalThis as any).runScenario(baseUrl, 'demo@example.com', 'demo-password'),
    [`${sim.url}/v1.2/voipstudio`],
  );
  expect(errors).toEqual([]);
  expect(result.email).toBe('demo@example.com');
  expect(result.userId).toEqual(expect.any(Number));
  expect(result.total).toBeGreaterThanOrEqual(2000);
  expect(result.firstPage).toBe(500);
  expect(result.walked).toBe(result.total);
  expect(result.inboundTotal).toBeGreaterThan(0);
  expect(result.inboundTotal).toBeLessThan(result.total);
  expect(result.notFound).toBe('NotFoundError 404');
});
