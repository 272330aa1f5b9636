import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gregorian, START, startKazoo, type Json, type KazooEnv } from './harness.js';

const DAY = 86_400;
const NOW = gregorian(START);
let env: KazooEnv;
let token: string;

beforeAll(async () => {
  env = await startKazoo();
  token = await env.apiToken();
});
afterAll(() => env.close());

const get = (path: string) => env.callJson('GET', path, { token });
const ids = (body: Json) => (body.data as Json[]).map((item) => item.id as string);

describe('filters', () => {
  it('finds the seed SDK’s first_name=James users', async () => {
    const { status, body } = await get(env.demo('/users?filter_first_name=James'));
    expect(status).toBe(200);
    expect((body.data as Json[]).map((u) => `${u.first_name} ${u.last_name}`).sort()).toEqual(['James Carter', 'James Smith']);
    expect(body.page_size).toBe(2);
    expect(body.next_start_key).toBeUndefined();
  });

  it('filters CDRs and recordings on nested custom_channel_vars.Call-Interaction-ID', async () => {
    const key = encodeURIComponent('custom_channel_vars.Call-Interaction-ID');
    const cdrs = await get(env.demo(`/cdrs?filter_${key}=${env.fixtures.interactionId}`));
    expect(cdrs.body.data).toHaveLength(3);
    expect((cdrs.body.data as Json[]).every((cdr) => cdr.interaction_id === env.fixtures.interactionId)).toBe(true);
    const recordings = await get(env.demo(`/recordings?filter_${key}=${env.fixtures.interactionId}`));
    expect(recordings.body.data).toHaveLength(1);
    expect(recordings.body.data[0].custom_channel_vars['Call-Interaction-ID']).toBe(env.fixtures.interactionId);
  });

  it('supports filter_not_, JSON-array membership, has_key, key_missing, has_value and value_missing', async () => {
    const all = ids((await get(env.demo('/users?paginate=false'))).body);
    const notJames = ids((await get(env.demo('/users?paginate=false&filter_not_first_name=James'))).body);
    expect(notJames).toHaveLength(all.length - 2);
    const members = await get(env.demo(`/users?filter_username=${encodeURIComponent('["jsmith","jdoe","nobody"]')}`));
    expect((members.body.data as Json[]).map((u) => u.username).sort()).toEqual(['jdoe', 'jsmith']);
    const withMac = ids((await get(env.demo('/devices?paginate=false&has_key=mac_address'))).body);
    const withoutMac = ids((await get(env.demo('/devices?paginate=false&key_missing=mac_address'))).body);
    expect(withMac.length).toBeGreaterThan(0);
    expect(withoutMac.length).toBeGreaterThan(0);
    expect(withMac.length + withoutMac.length).toBe(ids((await get(env.demo('/devices?paginate=false'))).body).length);
    expect(ids((await get(env.demo('/users?paginate=false&has_value=features'))).body)).toHaveLength(all.length);
    expect(ids((await get(env.demo('/users?paginate=false&value_missing=features'))).body)).toEqual([]);
  });

  it('applies created_from/modified_from as filters on listings that are not time-ranged', async () => {
    const users = (await get(env.demo('/users?paginate=false'))).body.data as Json[];
    const created = env.sim.store.users.inAccount(env.fixtures.demo.accountId).map((u) => u.pvt_created).sort((a, b) => a - b);
    const middle = created[Math.floor(created.length / 2)]!;
    const newer = ids((await get(env.demo(`/users?paginate=false&created_from=${middle}`))).body);
    expect(newer).toHaveLength(created.filter((time) => time >= middle).length);
    expect(newer.length).toBeLessThan(users.length);
    expect(ids((await get(env.demo(`/users?paginate=false&modified_from=${NOW + 1}`))).body)).toEqual([]);
  });

  it('fills each page with matching items, page by page', async () => {
    const filter = 'filter_call_direction=outbound';
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const { body } = await get(env.demo(`/cdrs?page_size=7&${filter}${next ? `&start_key=${next}` : ''}`));
      expect(body.data.length === 7 || body.next_start_key === undefined).toBe(true);
      expect((body.data as Json[]).every((cdr) => cdr.direction === 'outbound')).toBe(true);
      seen.push(...ids(body));
      next = body.next_start_key;
    } while (next);
    expect(seen).toEqual(ids((await get(env.demo(`/cdrs?paginate=false&${filter}`))).body));
  });
});

describe('paging', () => {
  it('pages over every seeded CDR (five months, a wide max_range) until next_start_key is absent', async () => {
    const wide = await startKazoo({ maxRangeSeconds: 200 * DAY });
    try {
      const wideToken = await wide.apiToken();
      const from = NOW - 200 * DAY;
      const seen: Json[] = [];
      let next: string | undefined;
      let pages = 0;
      do {
        const { status, body } = await wide.callJson('GET', wide.demo(`/cdrs?created_from=${from}&page_size=500${next ? `&start_key=${next}` : ''}`), { token: wideToken });
        expect(status).toBe(200);
        expect(body.page_size).toBe(body.data.length);
        seen.push(...(body.data as Json[]));
        next = body.next_start_key;
        pages++;
      } while (next);
      expect(seen).toHaveLength(wide.fixtures.cdrCount);
      expect(new Set(seen.map((cdr) => cdr.id)).size).toBe(wide.fixtures.cdrCount);
      expect(pages).toBe(Math.ceil(wide.fixtures.cdrCount / 500));
      const times = seen.map((cdr) => Number(cdr.timestamp) + cdr.duration_seconds);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(new Set(seen.map((cdr) => (cdr.id as string).slice(0, 6))).size).toBeGreaterThanOrEqual(5);
      expect(wide.sim.violations).toEqual([]);
    } finally {
      await wide.close();
    }
  });

  it('defaults to 50 per page, descending, with opaque start keys', async () => {
    const first = (await get(env.demo('/cdrs'))).body;
    expect(first.data).toHaveLength(50);
    expect(first).toMatchObject({ page_size: 50, start_key: expect.any(String), next_start_key: expect.any(String) });
    const second = (await get(env.demo(`/cdrs?start_key=${first.next_start_key}`))).body;
    expect(second.start_key).toBe(first.next_start_key);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
    expect(Number(first.data[49].timestamp)).toBeGreaterThanOrEqual(Number(second.data[0].timestamp) - 7200);
  });

  it('sorts ascending with ascending=true', async () => {
    const { body } = await get(env.demo('/cdrs?ascending=true&page_size=20'));
    const times = (body.data as Json[]).map((cdr) => Number(cdr.timestamp) + cdr.duration_seconds);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(NOW - 2_682_000);
  });

  it('answers everything without paging keys when paginate=false', async () => {
    const { body } = await get(env.demo('/cdrs?paginate=false'));
    expect(body).not.toHaveProperty('page_size');
    expect(body).not.toHaveProperty('start_key');
    expect(body).not.toHaveProperty('next_start_key');
    const inRange = env.sim.store.cdrs.inAccount(env.fixtures.demo.accountId).filter((cdr) => cdr.timestamp >= NOW - 2_682_000);
    expect(body.data).toHaveLength(inRange.length);
  });
});

describe('CDR time ranges', () => {
  it('covers the last 31 days + 1 hour by default', async () => {
    const { body } = await get(env.demo('/cdrs?paginate=false'));
    const ends = (body.data as Json[]).map((cdr) => Number(cdr.timestamp) + cdr.duration_seconds);
    expect(Math.min(...ends)).toBeGreaterThanOrEqual(NOW - 2_682_000);
    expect(Math.max(...ends)).toBeLessThanOrEqual(NOW);
  });

  it('selects a range with created_from/created_to', async () => {
    const from = NOW - 90 * DAY;
    const to = NOW - 80 * DAY;
    const { body } = await get(env.demo(`/cdrs?paginate=false&created_from=${from}&created_to=${to}`));
    expect(body.data.length).toBeGreaterThan(100);
    for (const cdr of body.data as Json[]) {
      const end = Number(cdr.timestamp) + cdr.duration_seconds;
      expect(end).toBeGreaterThanOrEqual(from);
      expect(end).toBeLessThanOrEqual(to);
    }
  });

  it('refuses created_to before created_from, and a range over max_range, with 400 date_range on created_from', async () => {
    const backwards = await get(env.demo(`/cdrs?created_from=${NOW}&created_to=${NOW - 10}`));
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({
      status: 'error',
      error: '400',
      message: 'validation error',
      data: { created_from: { date_range: { message: `created_to ${NOW - 10} is prior to created_from ${NOW}`, cause: NOW } } },
    });
    const long = await get(env.demo(`/cdrs?created_from=${NOW - 40 * DAY}`));
    expect(long.status).toBe(400);
    expect(long.body.data).toEqual({ created_from: { date_range: { message: `created_to ${NOW} is more than 2682000 seconds from created_from ${NOW - 40 * DAY}`, cause: NOW } } });
    expect((await get(env.demo(`/recordings?created_from=${NOW - 40 * DAY}`))).status).toBe(400);
  });
});

describe('CDR views', () => {
  it('serves a CDR document with its MODB id, Gregorian times and custom channel vars', async () => {
    const row = (await get(env.demo('/cdrs?page_size=1'))).body.data[0];
    expect(row.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    const { body } = await get(env.demo(`/cdrs/${row.id}`));
    expect(body.data).toMatchObject({ id: row.id, call_id: row.call_id, call_direction: row.direction, custom_channel_vars: expect.objectContaining({ account_id: env.fixtures.demo.accountId, 'Call-Interaction-ID': row.interaction_id }) });
    expect(body.data.timestamp).toBe(Number(row.timestamp) + row.duration_seconds);
    // The spec gives cdr_id a pattern, so a malformed id fails validation before Crossbar's 404.
    expect((await get(env.demo('/cdrs/not-a-modb-id'))).status).toBe(400);
    expect((await get(env.demo(`/cdrs/202611-${'0'.repeat(32)}`))).body).toMatchObject({ error: '404', message: 'bad_identifier' });
  });

  it('shifts datetime by utc_offset, and refuses a non-numeric one', async () => {
    const plain = (await get(env.demo('/cdrs?page_size=1'))).body.data[0];
    const shifted = (await get(env.demo('/cdrs?page_size=1&utc_offset=-3600'))).body.data[0];
    expect(shifted.id).toBe(plain.id);
    expect(Date.parse(`${shifted.datetime}Z`)).toBe(Date.parse(`${plain.datetime}Z`) - 3_600_000);
    expect(shifted.timestamp).toBe(plain.timestamp);
    // Crossbar answers 404 "utc_offset must be a number"; the spec types the parameter, so validation answers 400.
    expect((await get(env.demo('/cdrs?utc_offset=soon'))).status).toBe(400);
  });

  it('lists interactions (one row per call) and the legs of one, by interaction id or CDR id', async () => {
    const interactions = (await get(env.demo('/cdrs/interaction?paginate=false'))).body.data as Json[];
    expect(new Set(interactions.map((row) => row.interaction_id)).size).toBe(interactions.length);
    const legs = (await get(env.demo(`/cdrs/legs/${env.fixtures.interactionId}`))).body.data as Json[];
    expect(legs).toHaveLength(3);
    expect(legs.map((leg) => leg.call_direction)).toEqual(['inbound', 'outbound', 'outbound']);
    const byCdr = (await get(env.demo(`/cdrs/legs/${legs[1]!.id}`))).body.data as Json[];
    expect(byCdr.map((leg) => leg.id)).toEqual(legs.map((leg) => leg.id));
    expect((await get(env.demo('/cdrs/legs/63900000000-deadbeef'))).status).toBe(404);
  });

  it('lists a user’s CDRs and interactions', async () => {
    const userId = env.fixtures.user.userId;
    const cdrs = (await get(env.demo(`/users/${userId}/cdrs?paginate=false`))).body.data as Json[];
    expect(cdrs.length).toBeGreaterThan(10);
    expect(cdrs.every((cdr) => cdr.owner_id === userId)).toBe(true);
    const interactions = (await get(env.demo(`/users/${userId}/cdrs/interaction?paginate=false`))).body.data as Json[];
    expect(interactions.length).toBeGreaterThan(0);
    expect(interactions.length).toBeLessThanOrEqual(cdrs.length);
    expect((await get(env.demo(`/users/${'0'.repeat(32)}/cdrs`))).status).toBe(404);
  });

  it('exports CSV: a header row then one row per CDR, named by X-File-Name or file_name', async () => {
    const response = await env.call('GET', env.demo('/cdrs?page_size=25'), { token, headers: { Accept: 'text/csv', 'X-File-Name': 'november.csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="november.csv"');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(26);
    expect(lines[0]!.split(',').slice(0, 8)).toEqual(['id', 'call_id', 'caller_id_number', 'caller_id_name', 'callee_id_number', 'callee_id_name', 'duration_seconds', 'billing_seconds']);
    expect(lines[1]!.split(',')[0]).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    const tunnelled = await env.call('GET', env.demo('/cdrs?page_size=1&accept=csv&file_name=cdrs.csv'), { token });
    expect(tunnelled.headers.get('x-file-name')).toBe('cdrs.csv');
    expect((await tunnelled.text()).split('\r\n')[0]).toBe(lines[0]);
    const defaultName = await env.call('GET', env.demo('/cdrs?page_size=1'), { token, headers: { Accept: 'text/csv' } });
    expect(defaultName.headers.get('x-file-name')).toBe('result.csv');
  });

  it('summarizes billable seconds by direction, domain and number class', async () => {
    const { body } = await get(env.demo('/cdrs/summary'));
    expect(body.data.outbound['demo.pbxkit.test'].did_us.total).toBeGreaterThan(0);
    expect(body.data.inbound).toBeTypeOf('object');
  });
});

it('records no contract violations', () => {
  expect(env.sim.violations).toEqual([]);
});
