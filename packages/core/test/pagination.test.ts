import { describe, expect, it } from 'vitest';
import {
  createTransport,
  defineResource,
  offsetPaging,
  Page,
  pageNumberPaging,
  startKeyPaging,
  type Operation,
  type PagedOperation,
} from '../src/index.js';
import { json, startServer } from './server.js';

const server = await startServer();

/** A VoIPstudio-style list of `count` CDRs: `page`/`limit` over `{ data, total }`. */
function serveCdrs(count: number) {
  server.handle = (req, res) => {
    const query = new URL(req.url, server.url).searchParams;
    const page = Number(query.get('page') ?? 1);
    const limit = Number(query.get('limit') ?? 10);
    const data = Array.from({ length: count }, (_, i) => ({ id: i + 1 })).slice((page - 1) * limit, page * limit);
    json(res, 200, { data, total: count }, { 'x-request-id': `page-${page}` });
  };
}

interface Cdr {
  id: number;
}
interface CdrList {
  data: Cdr[];
  total: number;
}
interface ListCdrs {
  parameters: { query?: { page?: number; limit?: number; filter?: unknown } };
  responses: { 200: { content: { 'application/json': CdrList } } };
}
interface GetCdr {
  parameters: { path: { id: number } };
  responses: { 200: { content: { 'application/json': { data: Cdr } } } };
}
interface Cdrs {
  list: PagedOperation<ListCdrs, 'data'>;
  get: Operation<GetCdr, 'data'>;
}

const cdrs = () =>
  defineResource<Cdrs>(createTransport({ baseUrl: server.url }), {
    list: ['GET', '/cdrs', { envelope: 'data', paging: pageNumberPaging, serialize: { filter: "json" } }],
    get: ['GET', '/cdrs/{id}', { envelope: 'data' }],
  });

const pagesAsked = () => server.seen.map((s) => new URL(s.url, server.url).searchParams.get('page'));

describe('Page', () => {
  it('holds one page with its envelope and walks to the next', async () => {
    serveCdrs(25);
    const first = await cdrs().list({ query: { limit: 10 } });
    expect(first).toBeInstanceOf(Page);
    expect(first.items.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first.body.total).toBe(25);
    expect(first.requestId).toBe('page-1');
    expect(first.response.status).toBe(200);
    expect(first.hasNextPage()).toBe(true);

    const second = await first.nextPage();
    const third = await second!.nextPage();
    expect(third!.items.map((c) => c.id)).toEqual([21, 22, 23, 24, 25]);
    expect(third!.hasNextPage()).toBe(false);
    await expect(third!.nextPage()).resolves.toBeUndefined();
    expect(pagesAsked()).toEqual([null, '2', '3']);
  });

  it('stops at the total without asking for an empty page', async () => {
    serveCdrs(20);
    const ids: number[] = [];
    for await (const cdr of cdrs().list.all({ query: { limit: 10 } })) ids.push(cdr.id);
    expect(ids).toHaveLength(20);
    expect(server.seen).toHaveLength(2);
  });

  it('iterates from the page the input asks for, keeping the rest of the query', async () => {
    serveCdrs(25);
    const filter = [{ property: 'src', operator: 'eq', value: '100' }];
    const page = await cdrs().list({ query: { page: 2, limit: 10, filter } });
    const ids: number[] = [];
    for await (const cdr of page) ids.push(cdr.id);
    expect(ids).toEqual(Array.from({ length: 15 }, (_, i) => i + 11));
    const asked = server.seen.map((s) => new URL(s.url, server.url).searchParams);
    expect(asked.map((q) => q.get('page'))).toEqual(['2', '3']);
    expect(asked.map((q) => q.get('filter'))).toEqual([JSON.stringify(filter), JSON.stringify(filter)]);
  });
});

describe('.all()', () => {
  it('streams page by page: the next page is fetched only when its first item is needed', async () => {
    serveCdrs(25);
    const iterator = cdrs().list.all({ query: { limit: 10 } });
    expect(server.seen).toHaveLength(0);
    await iterator.next();
    expect(server.seen).toHaveLength(1);
    for (let i = 1; i < 10; i++) await iterator.next();
    expect(server.seen).toHaveLength(1);
    expect((await iterator.next()).value).toEqual({ id: 11 });
    expect(server.seen).toHaveLength(2);
    const rest: number[] = [];
    for await (const cdr of iterator) rest.push(cdr.id);
    expect(rest).toEqual(Array.from({ length: 14 }, (_, i) => i + 12));
    expect(pagesAsked()).toEqual([null, '2', '3']);
  });

  it('asks for no more pages after the loop breaks', async () => {
    serveCdrs(100);
    for await (const cdr of cdrs().list.all({ query: { limit: 10 } })) if (cdr.id === 3) break;
    expect(server.seen).toHaveLength(1);
  });

  it('stops on an empty first page', async () => {
    serveCdrs(0);
    const items: Cdr[] = [];
    for await (const cdr of cdrs().list.all()) items.push(cdr);
    expect(items).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });
});

describe('defineResource', () => {
  it('creates each method once, with withResponse and asResponse, and all() for paged ones only', async () => {
    const resource = cdrs();
    expect(resource.get).toBe(resource.get);
    expect(typeof resource.list.all).toBe('function');
    expect('all' in resource.get).toBe(false);

    server.handle = (_req, res) => json(res, 200, { data: { id: 4 }, links: {} });
    await expect(resource.get({ path: { id: 4 } })).resolves.toEqual({ id: 4 });
    const withResponse = await resource.get.withResponse({ path: { id: 4 } });
    expect(withResponse.data).toEqual({ id: 4 });
    expect(withResponse.body).toEqual({ data: { id: 4 }, links: {} });
    const response = await resource.get.asResponse({ path: { id: 4 } });
    await expect(response.json()).resolves.toEqual({ data: { id: 4 }, links: {} });
  });

  it('gives paged methods withResponse over the whole list body', async () => {
    serveCdrs(3);
    const { data, body } = await cdrs().list.withResponse({ query: { limit: 10 } });
    expect(data).toHaveLength(3);
    expect(body.total).toBe(3);
  });
});

describe('paginators', () => {
  it('pageNumberPaging: a short or empty page, or the total, ends the list', () => {
    const items = (n: number) => Array(n).fill({});
    expect(pageNumberPaging.next({ query: { limit: 10 } }, { total: 25 }, items(10))).toEqual({ query: { limit: 10, page: 2 } });
    expect(pageNumberPaging.next({ query: { page: 3, limit: 10 } }, { total: 25 }, items(5))).toBeUndefined();
    expect(pageNumberPaging.next({ query: { page: 2, limit: 10 } }, { total: 20 }, items(10))).toBeUndefined();
    expect(pageNumberPaging.next({}, { total: 0 }, [])).toBeUndefined();
    // Without a limit, the first page's size is asked for from then on, so a short page ends the list.
    expect(pageNumberPaging.next({}, { total: 120 }, items(50))).toEqual({ query: { page: 2, limit: 50 } });
    expect(pageNumberPaging.next({ query: { page: 3, limit: 50 } }, { total: 120 }, items(20))).toBeUndefined();
    expect(pageNumberPaging.next({ query: { page: 3 } }, { total: 120 }, items(40))).toBeUndefined();
    expect(pageNumberPaging.next({}, {}, items(40))).toEqual({ query: { page: 2, limit: 40 } });
  });

  it('offsetPaging: Wazo limit/offset over total, or filtered when filtering', () => {
    const items = (n: number) => Array(n).fill({});
    expect(offsetPaging.next({ query: { limit: 2 } }, { items: [], total: 5 }, items(2))).toEqual({ query: { limit: 2, offset: 2 } });
    expect(offsetPaging.next({ query: { limit: 2, offset: 4 } }, { total: 5 }, items(1))).toBeUndefined();
    expect(offsetPaging.next({ query: { limit: 2, offset: 2 } }, { total: 50, filtered: 4 }, items(2))).toBeUndefined();
    expect(offsetPaging.next({}, { total: 50 }, items(20))).toEqual({ query: { offset: 20 } });
    expect(offsetPaging.next({}, { total: 50 }, [])).toBeUndefined();
  });

  it('startKeyPaging: Kazoo next_start_key becomes start_key', () => {
    expect(startKeyPaging.next({ query: { page_size: 50 } }, { data: [], next_start_key: 'g2' }, [{}])).toEqual({
      query: { page_size: 50, start_key: 'g2' },
    });
    // Kazoo filters after paging, so an empty page with a next key still has a next page.
    expect(startKeyPaging.next({}, { data: [], next_start_key: 'g3' }, [])).toEqual({ query: { start_key: 'g3' } });
    expect(startKeyPaging.next({}, { data: [] }, [{}])).toBeUndefined();
    expect(startKeyPaging.next({ query: { start_key: 'g3' } }, { next_start_key: 'g3' }, [{}])).toBeUndefined();
  });

  it('startKeyPaging over a real server', async () => {
    server.handle = (req, res) => {
      const key = new URL(req.url, server.url).searchParams.get('start_key');
      const pages: Record<string, { data: number[]; next_start_key?: string }> = {
        first: { data: [1, 2], next_start_key: 'k2' },
        k2: { data: [3, 4], next_start_key: 'k3' },
        k3: { data: [5] },
      };
      json(res, 200, { ...pages[key ?? 'first'], request_id: 'kz' });
    };
    const kazoo = defineResource<{ list: PagedOperation<{ responses: { 200: { content: { 'application/json': { data: number[] } } } } }, 'data'> }>(
      createTransport({ baseUrl: server.url }),
      { list: ['GET', '/v2/accounts/{account_id}/cdrs', { envelope: 'data', paging: startKeyPaging }] },
    );
    const seen: number[] = [];
    for await (const n of kazoo.list.all({ path: { account_id: 'a1' } } as never)) seen.push(n);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(server.seen.map((s) => s.url)).toEqual([
      '/v2/accounts/a1/cdrs',
      '/v2/accounts/a1/cdrs?start_key=k2',
      '/v2/accounts/a1/cdrs?start_key=k3',
    ]);
  });
});
