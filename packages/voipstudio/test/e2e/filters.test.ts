/**
 * Filters, sorting and grouping: what the simulator answers must equal the same predicate computed here
 * over every CDR fetched once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  formatDateTime,
  InvalidArgumentError,
  parseDateTime,
  where,
  type Cdr,
  type Fax,
  type FilterCondition,
  type VoipstudioClient,
} from '../../src/index.js';
import { collect, DEMO_API_TOKEN, rejectionOf, useSimulator } from './harness.js';

const e2e = useSimulator();
let vs: VoipstudioClient;
let all: Cdr[];
/** A talk time some CDRs have exactly (the median), so that `lt`/`lte` and `gt`/`gte` differ. */
let billsec: number;

beforeAll(async () => {
  vs = e2e.client({ auth: { apiKey: DEMO_API_TOKEN } });
  all = (await vs.cdrs.list({ query: { limit: 5000 } })).items;
  billsec = [...all].map((cdr) => cdr.billsec!).sort((a, b) => a - b)[all.length / 2]!;
});

const cond = (property: string, operator: FilterCondition['operator'], value: FilterCondition['value']): FilterCondition => ({
  property,
  operator,
  value,
});

/** Ids of the CDRs matching `filter`, walking every page the server answers. */
const idsMatching = async (filter: FilterCondition[]) =>
  (await collect(vs.cdrs.list.all({ query: { filter, limit: 1000 } }))).map((cdr) => cdr.id);

const localIds = (matches: (cdr: Cdr) => boolean) => all.filter(matches).map((cdr) => cdr.id);

interface OperatorCase {
  where: () => FilterCondition[];
  raw: () => FilterCondition[];
  matches: (cdr: Cdr) => boolean;
}

const operatorCases: Record<string, OperatorCase> = {
  'eq (string)': { where: () => where<Cdr>({ type: 'I' }), raw: () => [cond('type', 'eq', 'I')], matches: (c) => c.type === 'I' },
  'eq (number)': {
    where: () => where<Cdr>({ billsec: { eq: billsec } }),
    raw: () => [cond('billsec', 'eq', billsec)],
    matches: (c) => c.billsec === billsec,
  },
  ne: {
    where: () => where<Cdr>({ disposition: { ne: 'CONNECTED' } }),
    raw: () => [cond('disposition', 'ne', 'CONNECTED')],
    matches: (c) => c.disposition !== 'CONNECTED',
  },
  lt: { where: () => where<Cdr>({ billsec: { lt: billsec } }), raw: () => [cond('billsec', 'lt', billsec)], matches: (c) => c.billsec! < billsec },
  lte: { where: () => where<Cdr>({ billsec: { lte: billsec } }), raw: () => [cond('billsec', 'lte', billsec)], matches: (c) => c.billsec! <= billsec },
  gt: { where: () => where<Cdr>({ billsec: { gt: billsec } }), raw: () => [cond('billsec', 'gt', billsec)], matches: (c) => c.billsec! > billsec },
  gte: { where: () => where<Cdr>({ billsec: { gte: billsec } }), raw: () => [cond('billsec', 'gte', billsec)], matches: (c) => c.billsec! >= billsec },
  'in (numbers)': {
    where: () => where<Cdr>({ user_id: { in: [1001, 1003, 1005] } }),
    raw: () => [cond('user_id', 'in', [1001, 1003, 1005])],
    matches: (c) => [1001, 1003, 1005].includes(c.user_id!),
  },
  'in (strings)': {
    where: () => where<Cdr>({ type: { in: ['I', 'M'] } }),
    raw: () => [cond('type', 'in', ['I', 'M'])],
    matches: (c) => c.type === 'I' || c.type === 'M',
  },
  'like (case-insensitive)': {
    where: () => where<Cdr>({ dst_name: { like: '%UNITED%' } }),
    raw: () => [cond('dst_name', 'like', '%UNITED%')],
    matches: (c) => /united/i.test(c.dst_name ?? ''),
  },
  'like (prefix)': {
    where: () => where<Cdr>({ dst: { like: '4420%' } }),
    raw: () => [cond('dst', 'like', '4420%')],
    matches: (c) => (c.dst ?? '').startsWith('4420'),
  },
  notlike: {
    where: () => where<Cdr>({ dst: { notlike: '44%' } }),
    raw: () => [cond('dst', 'notlike', '44%')],
    matches: (c) => !(c.dst ?? '').startsWith('44'),
  },
};

describe('each operator, with where() and with a raw condition array', () => {
  it.each(Object.keys(operatorCases))('%s', async (name) => {
    const { where: built, raw, matches } = operatorCases[name]!;
    const expected = localIds(matches);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);

    expect(built()).toEqual(raw());
    expect(await idsMatching(built())).toEqual(expected);
    expect(await idsMatching(raw())).toEqual(expected);
  });

  it('lt/lte and gt/gte differ by the records equal to the value', () => {
    const equal = localIds((c) => c.billsec === billsec).length;
    expect(equal).toBeGreaterThan(0);
    expect(localIds(operatorCases.lte!.matches).length - localIds(operatorCases.lt!.matches).length).toBe(equal);
  });
});

describe('combined and typed conditions', () => {
  it('several conditions are ANDed', async () => {
    const filter = where<Cdr>({ type: 'O', billsec: { gt: 60, lte: 300 }, user_id: { in: [1001, 1004, 1006] } });
    expect(filter).toHaveLength(4);
    const expected = localIds((c) => c.type === 'O' && c.billsec! > 60 && c.billsec! <= 300 && [1001, 1004, 1006].includes(c.user_id!));
    expect(expected.length).toBeGreaterThan(0);

    const page = await vs.cdrs.list({ query: { filter, limit: 5000 } });

    expect(page.body.total).toBe(expected.length);
    expect(page.items.map((cdr) => cdr.id)).toEqual(expected);
  });

  it('a Date value is sent as YYYY-MM-DD HH:MM:SS (UTC) and compares as a time', async () => {
    const from = parseDateTime(all[800]!.calldate!);
    const to = parseDateTime(all[1600]!.calldate!);
    const expected = localIds((c) => {
      const at = parseDateTime(c.calldate!).getTime();
      return at >= from.getTime() && at < to.getTime();
    });
    expect(expected.length).toBeGreaterThan(700);

    const ids = await idsMatching(where<Cdr>({ calldate: { gte: from, lt: to } }));

    expect(ids).toEqual(expected);
    const sent = JSON.parse(new URLSearchParams(e2e.requests[0]!.search).get('filter')!) as FilterCondition[];
    expect(sent).toEqual([cond('calldate', 'gte', formatDateTime(from)), cond('calldate', 'lt', formatDateTime(to))]);
    expect(sent[0]!.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('between is refused by where() before anything is sent', async () => {
    expect(() => vs.cdrs.list({ query: { filter: where<Cdr>({ billsec: { between: [10, 20] } as never }) } })).toThrow(
      InvalidArgumentError,
    );
    expect(e2e.requests).toHaveLength(0);
  });

  it('between in a raw condition array is refused by the server', async () => {
    const error = await rejectionOf(vs.cdrs.list({ query: { filter: [cond('billsec', 'between' as never, [10, 20])] } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(e2e.requests).toHaveLength(1);
  });
});

describe('refused filters', () => {
  it('a property the records do not have is a BadRequestError "Filtration error"', async () => {
    for (const filter of [where({ no_such_property: 1 }), [cond('no_such_property', 'eq', 1)]]) {
      const error = await rejectionOf(vs.cdrs.list({ query: { filter } }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error).toMatchObject({ status: 400, body: { message: 'Filtration error' }, fieldErrors: [{ field: 'filter' }] });
      expect(error.message).toContain('Filtration error');
    }
  });

  it('faxes cannot be filtered on from or to', async () => {
    for (const filter of [where<Fax>({ from: '442079460461' }), where<Fax>({ to: { like: '44%' } })]) {
      const error = await rejectionOf(vs.faxes.list({ query: { filter } }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.message).toContain('Filtration error');
    }
    const inbound = await vs.faxes.list({ query: { filter: where<Fax>({ type: 'I' }) } });
    expect(inbound.items.length).toBeGreaterThan(0);
    expect(inbound.items.every((fax) => fax.type === 'I')).toBe(true);
  });
});

describe('sort, dir and group_by', () => {
  it('sort + dir order a filtered result, ties broken by id', async () => {
    const filter = where<Cdr>({ type: 'O' });
    const expected = all
      .filter((c) => c.type === 'O')
      .sort((a, b) => (a.dst! < b.dst! ? 1 : a.dst! > b.dst! ? -1 : a.id - b.id))
      .map((c) => c.id);

    const ids = (await collect(vs.cdrs.list.all({ query: { filter, sort: 'dst', dir: 'DESC', limit: 400 } }))).map((c) => c.id);

    expect(ids).toEqual(expected);
    const ascending = await vs.cdrs.list({ query: { filter, sort: 'dst', dir: 'ASC', limit: 5 } });
    expect(ascending.items.map((c) => c.dst)).toEqual(all.filter((c) => c.type === 'O').map((c) => c.dst!).sort().slice(0, 5));
  });

  it('group_by keeps the first record of each value, in sort order', async () => {
    const longestPerType = new Map<string, Cdr>();
    for (const cdr of [...all].sort((a, b) => b.billsec! - a.billsec! || a.id - b.id)) {
      if (!longestPerType.has(cdr.type!)) longestPerType.set(cdr.type!, cdr);
    }

    const page = await vs.cdrs.list({ query: { group_by: 'type', sort: 'billsec', dir: 'DESC' } });

    expect(page.body.total).toBe(3);
    expect(page.items.map((c) => c.id)).toEqual([...longestPerType.values()].map((c) => c.id));
    const users = await vs.cdrs.list({ query: { group_by: 'user_id', limit: 100 } });
    expect(users.body.total).toBe(new Set(all.map((c) => c.user_id)).size);
  });
});
