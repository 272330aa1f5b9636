import { describe, expect, it } from 'vitest';
import { BadRequestError, toGregorian } from '../../src/index.js';
import { startKazoo } from './harness.js';

const env = await startKazoo();
const kazoo = env.client({ auth: { apiKey: env.fixtures.demo.apiKey } });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("the seed SDK's filter examples", () => {
  it('{ key: first_name, value: James } finds exactly the users named James', async () => {
    const everyone = await collect(kazoo.users.list.all());
    const james = await collect(kazoo.users.list.all({ query: { filter: { key: 'first_name', value: 'James' } } }));
    expect(james.length).toBeGreaterThanOrEqual(2);
    expect(james.map((u) => u.id).sort()).toEqual(everyone.filter((u) => u.first_name === 'James').map((u) => u.id).sort());
    expect(env.sent.at(-1)!.path).toContain('filter_first_name=James');
  });

  it('the nested custom_channel_vars Call-Interaction-ID pair finds the recording of that call', async () => {
    const recordings = await kazoo.recordings.list({
      query: { filter: { key: 'custom_channel_vars', value: { key: 'Call-Interaction-ID', value: env.fixtures.interactionId } } },
    });
    expect(recordings.items.length).toBeGreaterThan(0);
    expect(env.sent.at(-1)!.path).toContain(`filter_custom_channel_vars.Call-Interaction-ID=${env.fixtures.interactionId}`);
  });
});

describe('the natural filter form', () => {
  it('matches nested keys, lists of allowed values, negations and key conditions', async () => {
    const byObject = await collect(kazoo.users.list.all({ query: { filter: { first_name: 'James' } } }));
    const byList = await collect(kazoo.users.list.all({ query: { filter: { first_name: ['James', 'Jane'] } } }));
    const notJames = await collect(kazoo.users.list.all({ query: { filter: { not: { first_name: 'James' } } } }));
    const everyone = await collect(kazoo.users.list.all());
    expect(byList.length).toBeGreaterThan(byObject.length);
    expect(byObject.length + notJames.length).toBe(everyone.length);
    const withEmail = await collect(kazoo.users.list.all({ query: { filter: { has_key: 'email' } } }));
    const withoutEmail = await collect(kazoo.users.list.all({ query: { filter: { key_missing: 'email' } } }));
    expect(withEmail.length + withoutEmail.length).toBe(everyone.length);
  });

  it('finds CDRs by a nested custom channel variable', async () => {
    const page = await kazoo.cdrs.list({ query: { filter: { custom_channel_vars: { 'Call-Interaction-ID': env.fixtures.interactionId } } } });
    expect(page.items.length).toBeGreaterThan(0);
    for (const row of page.items) {
      const cdr = await kazoo.cdrs.get({ path: { cdr_id: row.id! } });
      expect(cdr.custom_channel_vars?.['Call-Interaction-ID']).toBe(env.fixtures.interactionId);
    }
  });

  it('takes Dates for created_from and created_to (Gregorian seconds on the wire)', async () => {
    const to = new Date(env.clock.now());
    const from = new Date(env.clock.now() - 7 * 86_400_000);
    const week = await collect(kazoo.cdrs.list.all({ query: { created_from: from, created_to: to } }));
    expect(env.sent.some((s) => s.path.includes(`created_from=${toGregorian(from)}`))).toBe(true);
    expect(week.length).toBeGreaterThan(0);
    for (const cdr of week) {
      expect(Number(cdr.timestamp)).toBeGreaterThanOrEqual(toGregorian(from));
      expect(Number(cdr.timestamp)).toBeLessThanOrEqual(toGregorian(to));
    }
  });

  it('a reversed range on one page is the server’s 400 date_range, as a field error', async () => {
    const error = await kazoo.cdrs
      .list({ query: { created_from: new Date(env.clock.now()), created_to: new Date(env.clock.now() - 86_400_000) } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).fieldErrors).toContainEqual(expect.objectContaining({ field: 'created_from', code: 'date_range' }));
  });
});
