/**
 * Runs a bundled browser entry in headless Chromium (Debian's, through playwright-core), served from its
 * own origin so that every call to a simulator is cross-origin and CORS applies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { bundleForBrowser } from '../browser-bundle.js';

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface BrowserPage {
  /** Calls `globalThis.runScenario(...args)` in a fresh tab; fails on any uncaught page error. */
  run<T>(...args: unknown[]): Promise<T>;
  close(): Promise<void>;
}

/** Bundles `entry` (which sets `globalThis.runScenario`) and opens it in Chromium. */
export async function openInChromium(entry: string): Promise<BrowserPage> {
  const script = new TextDecoder().decode(await bundleForBrowser(entry));
  const html = `<!doctype html><meta charset="utf-8"><title>pbxkit</title><script type="module">${script}</script>`;
  const server: Server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  return {
    async run<T>(...args: unknown[]): Promise<T> {
      const tab = await browser.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(url);
      await tab.waitForFunction(() => 'runScenario' in globalThis);
      const result = await tab.evaluate((given) => (globalThis as any).runScenario(...given), args);
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      return result as T;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}
