import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/index.js';
import { startKazoo } from './harness.js';

const env = await startKazoo({ tokenLifetimeSeconds: 600 });
const kazoo = env.client({ auth: { apiKey: env.fixtures.demo.apiKey } });
const DAY = 86_400_000;

describe('start_key paging', () => {
  it('walks every CDR of five months: .all() splits the range into windows the server accepts', async () => {
    const ids = new Set<string>();
    for await (const cdr of kazoo.cdrs.list.all({ query: { created_from: new Date(env.clock.now() - 200 * DAY), created_to: new Date(env.clock.now()), page_size: 500 } }))
      ids.add(cdr.id!);
    expect(ids.size).toBe(env.fixtures.cdrCount);
    const windows = new Set(env.sent.filter((s) => s.path.includes('/cdrs?')).map((s) => new URL(s.path, 'http://x').searchParams.get('created_from')));
    expect(windows.size).toBeGreaterThanOrEqual(7);
  });

  it('ends a walk when next_start_key is absent, and exposes the envelope beside the items', async () => {
    const page = await kazoo.users.list({ query: { page_size: 2 } });
    expect(page.items).toHaveLength(2);
    expect(page.body.page_size).toBe(2);
    expect(page.body.next_start_key).toBeDefined();
    expect(page.requestId).toBe(page.body.request_id);
    let last = page;
    for (let next = await page.nextPage(); next; next = await next.nextPage()) last = next;
    expect(last.body.next_start_key).toBeUndefined();
    expect(last.hasNextPage()).toBe(false);
  });

  it('returns everything in one response with paginate=false', async () => {
    const all = await kazoo.users.list({ query: { paginate: false } });
    const walked = [];
    for await (const user of kazoo.users.list.all({ query: { page_size: 3 } })) walked.push(user.id);
    expect(all.items.map((u) => u.id)).toEqual(walked);
    expect(all.body.next_start_key).toBeUndefined();
    expect(all.hasNextPage()).toBe(false);
  });

  it('gives request_id and revision with withResponse', async () => {
    const user = env.fixtures.user.userId;
    const { data, body, requestId } = await kazoo.users.get.withResponse({ path: { user_id: user } });
    expect(data.id).toBe(user);
    expect(body.revision).toMatch(/^\d+-/);
    expect(requestId).toBe(body.request_id);
  });

  it('re-authenticates once when the token expires in the middle of a walk', async () => {
    const walker = env.client({ auth: { apiKey: env.fixtures.demo.apiKey } });
    await walker.authenticate();
    env.sent.length = 0;
    let seen = 0;
    for await (const _ of walker.cdrs.list.all({ query: { page_size: 100 } })) {
      if (++seen === 250) env.clock.advance(601_000);
    }
    expect(seen).toBeGreaterThan(500);
    expect(env.count('PUT', '/api_auth')).toBe(1);
  });

  it('refuses a reversed range in .all() before sending anything', async () => {
    const walk = kazoo.cdrs.list.all({ query: { created_from: new Date(env.clock.now()), created_to: new Date(env.clock.now() - 40 * DAY) } });
    await expect(walk.next()).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
