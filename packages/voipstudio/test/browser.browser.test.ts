import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createVoipstudioSimulator, type RunningServer } from '@pbxkit/simulator';
import { openInChromium, type BrowserPage } from '../../../scripts/test-support/browser.js';

let page: BrowserPage;
let sim: RunningServer;

beforeAll(async () => {
  page = await openInChromium(fileURLToPath(new URL('browser/entry.ts', import.meta.url)));
  sim = await createVoipstudioSimulator().listen();
});

afterAll(async () => {
  await page?.close();
  await sim?.close();
});

it('logs in, lists and pages through every CDR in headless Chromium', async () => {
  const result = await page.run<Record<string, any>>(`${sim.url}/v1.2/voipstudio`, 'demo@example.com', 'demo-password');
  expect(result.email).toBe('demo@example.com');
  expect(result.userId).toEqual(expect.any(Number));
  expect(result.total).toBeGreaterThanOrEqual(2000);
  expect(result.firstPage).toBe(500);
  expect(result.walked).toBe(result.total);
  expect(result.inboundTotal).toBeGreaterThan(0);
  expect(result.inboundTotal).toBeLessThan(result.total);
  expect(result.notFound).toBe('NotFoundError 404');
});
