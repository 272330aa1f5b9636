/** Page objects and `.all()` over the simulator's 2,400 CDRs. */
import { beforeAll, describe, expect, it } from 'vitest';
import { where, type Cdr, type VoipstudioClient } from '../../src/index.js';
import { collect, useSimulator } from './harness.js';

const e2e = useSimulator();
let vs: VoipstudioClient;
/** Every CDR id in the server's default order (id ascending). */
let allIds: number[];

beforeAll(async () => {
  vs = e2e.client({ auth: { apiKey: 'demo-api-token' } });
  const everything = await vs.cdrs.list({ query: { limit: 5000 } });
  allIds = everything.items.map((cdr) => cdr.id);
});

/** The `page` and `limit` of every GET /cdrs the simulator saw in this test. */
const pagesAsked = () =>
  e2e.requests
    .filter((r) => r.method === 'GET' && r.path === '/cdrs')
    .map((r) => {
      const query = new URLSearchParams(r.search);
      return [query.get('page'), query.get('limit')];
    });

describe('.all()', () => {
  it('yields every CDR exactly once, in id order, one request per page', async () => {
    const ids = (await collect(vs.cdrs.list.all({ query: { limit: 1000 } }))).map((cdr) => cdr.id);

    expect(ids).toHaveLength(e2e.sim.fixtures.cdrCount);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(allIds);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(pagesAsked()).toEqual([
      [null, '1000'],
      ['2', '1000'],
      ['3', '1000'],
    ]);
  });

  it('follows sort and dir across pages', async () => {
    const all = await vs.cdrs.list({ query: { limit: 5000 } });
    const expected = [...all.items].sort((a, b) => b.billsec! - a.billsec! || a.id - b.id).map((cdr) => cdr.id);

    const cdrs = await collect(vs.cdrs.list.all({ query: { limit: 700, sort: 'billsec', dir: 'DESC' } }));

    expect(cdrs.map((cdr) => cdr.id)).toEqual(expected);
    expect(cdrs[0]!.billsec).toBeGreaterThan(cdrs.at(-1)!.billsec!);
    expect(new Set(cdrs.map((cdr) => cdr.id)).size).toBe(all.body.total);
  });

  it('from page 3 on yields the rest', async () => {
    const ids = (await collect(vs.cdrs.list.all({ query: { page: 3, limit: 500 } }))).map((cdr) => cdr.id);
    expect(ids).toEqual(allIds.slice(1000));
    expect(pagesAsked()).toEqual([
      ['3', '500'],
      ['4', '500'],
      ['5', '500'],
    ]);
  });

  // BUG (packages/core/src/pagination.ts, pageNumberPaging.next): without `limit` in the query the
  // offset is computed as (page - 1) * items.length, so a short last page looks like more is left and
  // one extra request for an empty page goes out. Remove `.fails` once fixed.
  it('without a limit walks the default pages and stops at the last one', async () => {
    const filter = where<Cdr>({ type: 'M' });
    const { body } = await vs.cdrs.list({ query: { filter, limit: 5000 } });
    expect(body.total % 25).not.toBe(0);
    e2e.requests.length = 0;

    const cdrs = await collect(vs.cdrs.list.all({ query: { filter } }));

    expect(cdrs).toHaveLength(body.total);
    expect(new Set(cdrs.map((cdr) => cdr.id)).size).toBe(body.total);
    expect(pagesAsked()).toHaveLength(Math.ceil(body.total / 25));
  });

  it('over an empty result sends one request and yields nothing', async () => {
    const cdrs = await collect(vs.cdrs.list.all({ query: { filter: where<Cdr>({ id: 1 }) } }));
    expect(cdrs).toEqual([]);
    expect(pagesAsked()).toHaveLength(1);
  });
});

describe('page objects', () => {
  it('hasNextPage and nextPage() walk to the last page, then nextPage() is undefined', async () => {
    const sizes: number[] = [];
    let page = await vs.cdrs.list({ query: { page: 1, limit: 1000 } });
    for (;;) {
      sizes.push(page.items.length);
      expect(page.body.total).toBe(2400);
      const next = await page.nextPage();
      expect(page.hasNextPage()).toBe(next !== undefined);
      if (!next) break;
      page = next;
    }
    expect(sizes).toEqual([1000, 1000, 400]);
    expect(page.hasNextPage()).toBe(false);
    expect(await page.nextPage()).toBeUndefined();
    expect(page.items.map((cdr) => cdr.id)).toEqual(allIds.slice(2000));
  });

  it('honours page and limit', async () => {
    const page = await vs.cdrs.list({ query: { page: 7, limit: 13 } });
    expect(page.items.map((cdr) => cdr.id)).toEqual(allIds.slice(78, 91));
    expect(page.hasNextPage()).toBe(true);
    expect((await page.nextPage())!.items.map((cdr) => cdr.id)).toEqual(allIds.slice(91, 104));
  });

  it('limit 5000 returns every CDR on one page', async () => {
    const page = await vs.cdrs.list({ query: { limit: 5000 } });
    expect(page.items).toHaveLength(2400);
    expect(page.body.total).toBe(2400);
    expect(page.hasNextPage()).toBe(false);
  });

  it('an empty filter result is one empty page', async () => {
    const page = await vs.cdrs.list({ query: { filter: where<Cdr>({ billsec: { lt: 0 } }), limit: 10 } });
    expect(page.items).toEqual([]);
    expect(page.body).toEqual({ data: [], total: 0 });
    expect(page.hasNextPage()).toBe(false);
    expect(await page.nextPage()).toBeUndefined();
  });

  it('a page iterates over its own items and every later page', async () => {
    const page = await vs.cdrs.list({ query: { page: 4, limit: 600 } });
    expect((await collect(page)).map((cdr) => cdr.id)).toEqual(allIds.slice(1800));
  });

  it('carries the response and the request id', async () => {
    const page = await vs.cdrs.list({ query: { limit: 2 } });
    expect(page.response.status).toBe(200);
    expect(page.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.requestId).toBe(page.response.headers.get('x-request-id'));
  });
});

describe('raw access', () => {
  it('withResponse exposes the envelope with total and the request id', async () => {
    const result = await vs.cdrs.list.withResponse({ query: { limit: 10, page: 2 } });
    expect(result.data.map((cdr) => cdr.id)).toEqual(allIds.slice(10, 20));
    expect(result.body.total).toBe(2400);
    expect(result.body.data).toBe(result.data);
    expect(result.response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(result.requestId).toBe(result.response.headers.get('x-request-id'));
    expect(result.requestId).toBeTruthy();
  });

  it('asResponse gives the Response with its body unread', async () => {
    const response = await vs.cdrs.list.asResponse({ query: { limit: 3 } });
    expect(response).toBeInstanceOf(Response);
    expect(response.bodyUsed).toBe(false);
    const body = (await response.json()) as { data: Cdr[]; total: number };
    expect(body.total).toBe(2400);
    expect(body.data.map((cdr) => cdr.id)).toEqual(allIds.slice(0, 3));
  });
});
