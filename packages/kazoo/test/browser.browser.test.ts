import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createKazooSimulator, type KazooSimulator } from '@pbxkit/simulator';
import { openInChromium, type BrowserPage } from '../../../scripts/test-support/browser.js';

let page: BrowserPage;
let sim: KazooSimulator;
let server: Awaited<ReturnType<KazooSimulator['listen']>>;

beforeAll(async () => {
  page = await openInChromium(fileURLToPath(new URL('browser/entry.ts', import.meta.url)));
  sim = createKazooSimulator();
  server = await sim.listen();
});

afterAll(async () => {
  await page?.close();
  await server?.close();
});

it('logs in with md5 credentials, filters, pages, exports CSV and downloads audio in headless Chromium', async () => {
  const { user, demo, interactionId } = sim.fixtures;
  const result = await page.run<Record<string, any>>(server.baseUrl, user.username, user.password, demo.name, interactionId);
  expect(result.ownerId).toBe(user.userId);
  expect(result.james.length).toBeGreaterThanOrEqual(2);
  expect(new Set(result.james)).toEqual(new Set(['James']));
  expect(result.walked).toBeGreaterThan(200);
  expect(result.csvHeader).toContain('call_id');
  expect(result.audioBytes).toBeGreaterThan(100);
  expect(result.notFound).toBe('NotFoundError 404');
  expect(result.refused).toBe('AuthenticationError');
  expect(sim.violations).toEqual([]);
});

it('receives blackhole events over the browser’s WebSocket in headless Chromium', async () => {
  const events = await openInChromium(fileURLToPath(new URL('browser/events-entry.ts', import.meta.url)));
  try {
    const result = await events.run<{ userId: string; seen: [string, string][]; state: string }>(server.baseUrl, server.websocketUrl, sim.fixtures.demo.apiKey);
    expect(result.seen).toEqual([
      ['object.doc_created', result.userId],
      ['object.doc_deleted', result.userId],
    ]);
    expect(result.state).toBe('closed');
    expect(sim.violations).toEqual([]);
  } finally {
    await events.close();
  }
});
