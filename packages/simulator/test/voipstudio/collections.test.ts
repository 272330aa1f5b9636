import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterQuery, startSimulator, type Json } from './harness.js';

let env: Awaited<ReturnType<typeof startSimulator>>;
let allCdrs: Json[];

beforeAll(async () => {
  env = await startSimulator({ now: () => Date.parse('2026-11-02T12:00:00Z') });
  allCdrs = (await env.callJson('GET', '/cdrs?limit=5000')).body.data;
});
afterAll(() => env.close());

const cdrs = async (query: string) => (await env.callJson('GET', `/cdrs?limit=5000&${query}`)).body as { data: Json[]; total: number };

describe('seeded CDRs', () => {
  it('has at least 2,000 records over several months, of types O, I and M', () => {
    expect(allCdrs.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(allCdrs.map((c) => c.type))).toEqual(new Set(['O', 'I', 'M']));
    expect(allCdrs.every((c) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(c.calldate))).toBe(true);
    const months = new Set(allCdrs.map((c) => (c.calldate as string).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(5);
    expect(new Set(allCdrs.map((c) => c.disposition)).size).toBeGreaterThanOrEqual(3);
  });

  it('is the same for the same seed and clock', async () => {
    const again = await startSimulator({ now: () => Date.parse('2026-11-02T12:00:00Z') });
    try {
      expect((await again.callJson('GET', '/cdrs?limit=5000')).body.data).toEqual(allCdrs);
    } finally {
      await again.close();
    }
  });
});

describe('paging', () => {
  it('walks every CDR page by page, with total counting the whole set', async () => {
    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const { data, total } = (await env.callJson('GET', `/cdrs?page=${page}&limit=700`)).body;
      expect(total).toBe(allCdrs.length);
      if (data.length === 0) break;
      seen.push(...data.map((c: Json) => c.id));
    }
    expect(seen).toEqual(allCdrs.map((c) => c.id));
  });

  it('uses page 1 and 25 records by default, and answers an empty page past the end', async () => {
    const first = (await env.callJson('GET', '/cdrs')).body;
    expect(first.data.map((c: Json) => c.id)).toEqual(allCdrs.slice(0, 25).map((c) => c.id));
    const past = (await env.callJson('GET', '/cdrs?page=99&limit=100')).body;
    expect(past).toEqual({ data: [], total: allCdrs.length });
  });

  it('refuses a limit above 5000 or a page below 1', async () => {
    expect((await env.call('GET', '/cdrs?limit=5001')).status).toBe(400);
    expect((await env.callJson('GET', '/cdrs?page=0')).body.errors).toEqual([{ field: 'page', message: 'must be >= 1' }]);
  });

  it('counts total after filtering', async () => {
    const { total, data } = (await env.callJson('GET', `/cdrs?limit=10&${filterQuery({ property: 'type', operator: 'eq', value: 'M' })}`)).body;
    expect(total).toBe(allCdrs.filter((c) => c.type === 'M').length);
    expect(data).toHaveLength(10);
  });
});

describe('filter operators', () => {
  const pivot = 120;
  const numeric: [string[], (billsec: number) => boolean][] = [
    [['eq', '='], (b) => b === pivot],
    [['ne', 'neq', '<>', '!='], (b) => b !== pivot],
    [['lt', '<'], (b) => b < pivot],
    [['lte', '<='], (b) => b <= pivot],
    [['gt', '>'], (b) => b > pivot],
    [['gte', '>='], (b) => b >= pivot],
  ];
  for (const [operators, expected] of numeric) {
    it(`${operators.join(' ')} compare numbers`, async () => {
      const want = allCdrs.filter((c) => expected(c.billsec)).map((c) => c.id);
      for (const operator of operators) {
        expect((await cdrs(filterQuery({ property: 'billsec', operator, value: pivot }))).data.map((c) => c.id)).toEqual(want);
      }
    });
  }

  it('in takes an array', async () => {
    const { data } = await cdrs(filterQuery({ property: 'type', operator: 'in', value: ['I', 'M'] }));
    expect(data.length).toBe(allCdrs.filter((c) => c.type !== 'O').length);
  });

  it('like and notlike match % patterns case-insensitively', async () => {
    const like = await cdrs(filterQuery({ property: 'dst', operator: 'like', value: '4477%' }));
    expect(like.data.length).toBe(allCdrs.filter((c) => String(c.dst).startsWith('4477')).length);
    expect(like.data.length).toBeGreaterThan(0);
    const notlike = await cdrs(filterQuery({ property: 'dst', operator: 'notlike', value: '4477%' }));
    expect(notlike.total + like.total).toBe(allCdrs.length);
    const caseless = await cdrs(filterQuery({ property: 'disposition', operator: 'like', value: 'no ans%' }));
    expect(caseless.total).toBe(allCdrs.filter((c) => c.disposition === 'NO ANSWER').length);
  });

  it('compares date-times, and bare dates by whole day', async () => {
    const day = (allCdrs[1000]!.calldate as string).slice(0, 10);
    const onDay = allCdrs.filter((c) => (c.calldate as string).startsWith(day)).map((c) => c.id);
    expect((await cdrs(filterQuery({ property: 'calldate', operator: 'eq', value: day }))).data.map((c) => c.id)).toEqual(onDay);
    const upToDay = allCdrs.filter((c) => (c.calldate as string).slice(0, 10) <= day).length;
    expect((await cdrs(filterQuery({ property: 'calldate', operator: 'lte', value: day }))).total).toBe(upToDay);
    const from = `${day} 12:00:00`;
    expect((await cdrs(filterQuery({ property: 'calldate', operator: 'gte', value: from }))).total).toBe(allCdrs.filter((c) => c.calldate >= from).length);
  });

  it('ANDs several conditions', async () => {
    const query = filterQuery({ property: 'type', operator: 'eq', value: 'O' }, { property: 'billsec', operator: 'gt', value: 300 }, { property: 'user_id', operator: 'eq', value: 1001 });
    expect((await cdrs(query)).total).toBe(allCdrs.filter((c) => c.type === 'O' && c.billsec > 300 && c.user_id === 1001).length);
  });

  it('refuses between, an unknown property and a filter that is not JSON', async () => {
    expect((await env.call('GET', `/cdrs?${filterQuery({ property: 'billsec', operator: 'between', value: [1, 2] })}`)).status).toBe(400);
    const unknown = await env.callJson('GET', `/cdrs?${filterQuery({ property: 'colour', operator: 'eq', value: 'red' })}`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Filtration error');
    expect((await env.call('GET', '/cdrs?filter=not-json')).status).toBe(400);
  });

  it('answers "Filtration error" for faxes filtered on from or to, and filters them on status', async () => {
    for (const property of ['from', 'to']) {
      const refused = await env.callJson('GET', `/faxes?${filterQuery({ property, operator: 'like', value: '44%' })}`);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toBe('Filtration error');
    }
    const received = await env.callJson('GET', `/faxes?limit=100&${filterQuery({ property: 'status', operator: 'eq', value: 'RECEIVED' })}`);
    expect(received.status).toBe(200);
    expect(received.body.data.every((f: Json) => f.status === 'RECEIVED')).toBe(true);
  });
});

describe('sort, dir and group_by', () => {
  it('sorts by a property in either direction', async () => {
    const desc = (await cdrs('sort=billsec&dir=DESC')).data.map((c) => c.billsec as number);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    const byDate = (await cdrs('sort=calldate&dir=ASC')).data.map((c) => c.calldate as string);
    expect(byDate).toEqual([...byDate].sort());
    expect((await env.call('GET', '/cdrs?sort=colour')).status).toBe(400);
    expect((await env.call('GET', '/cdrs?dir=UP')).status).toBe(400);
  });

  it('group_by keeps one record per distinct value, the first in sort order', async () => {
    const grouped = await cdrs('group_by=type&sort=billsec&dir=DESC');
    expect(grouped.total).toBe(3);
    for (const row of grouped.data) {
      expect(row.billsec).toBe(Math.max(...allCdrs.filter((c) => c.type === row.type).map((c) => c.billsec)));
    }
    const users = await cdrs(`group_by=user_id&${filterQuery({ property: 'type', operator: 'eq', value: 'I' })}`);
    expect(users.total).toBe(new Set(allCdrs.filter((c) => c.type === 'I').map((c) => c.user_id)).size);
  });
});

it('records no contract violations', () => {
  expect(env.sim.violations).toEqual([]);
});
