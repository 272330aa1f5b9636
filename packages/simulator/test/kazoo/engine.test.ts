import { describe, expect, it } from 'vitest';
import { credentialsHash, normalizeAccountName } from '../../src/kazoo/credentials.js';
import { seedStore } from '../../src/kazoo/seed/index.js';
import { listingCsv } from '../../src/kazoo/csv.js';
import { mergePatch, publicView } from '../../src/kazoo/documents.js';
import { validationDataOf } from '../../src/kazoo/envelope.js';
import { buildFilter } from '../../src/kazoo/query/filters.js';
import { decodeStartKey, encodeStartKey, paginate, readPageRequest } from '../../src/kazoo/query/paging.js';
import { isRangeError, timeRange } from '../../src/kazoo/query/time-range.js';
import { gregorianSeconds, modbId, msFromGregorian, prettyDateTime } from '../../src/kazoo/time.js';
import { Tokens } from '../../src/kazoo/tokens.js';

const query = (text: string) => new URLSearchParams(text);
/** md5 and SHA-1 of `jsmith:demo-password`, computed elsewhere. */
const MD5 = 'd46e8537efc795266ec5c2492d69ecbf';
const SHA1 = 'de98df31176dbbfaf04e6645dded8416156b1adc';

describe('filters (crossbar_filter semantics)', () => {
  const docs = [
    { id: 'a', first_name: 'James', enabled: true, age: 41, tags: [], custom_channel_vars: { 'Call-Interaction-ID': '63741914152-5813c485', owner_id: 'u1' }, pvt_created: 100, pvt_modified: 500 },
    { id: 'b', first_name: 'Jane', enabled: false, age: 7, tags: ['x'], custom_channel_vars: { owner_id: 'u2' }, pvt_created: 200, pvt_modified: 300 },
    { id: 'c', first_name: 'James', email: '', pvt_created: 300, pvt_modified: 300 },
  ];
  const ids = (text: string, createdBounds = true) => docs.filter(buildFilter(query(text), { createdBounds })).map((doc) => doc.id);

  it('compares values as text, nested keys by dots, and ANDs the conditions', () => {
    expect(ids('filter_first_name=James')).toEqual(['a', 'c']);
    expect(ids('filter_enabled=true')).toEqual(['a']);
    expect(ids('filter_age=41')).toEqual(['a']);
    expect(ids('filter_custom_channel_vars.Call-Interaction-ID=63741914152-5813c485')).toEqual(['a']);
    expect(ids('filter_first_name=James&filter_custom_channel_vars.owner_id=u1')).toEqual(['a']);
    expect(ids('filter_first_name=james')).toEqual([]);
  });

  it('treats a JSON array as membership and a missing key as empty text', () => {
    expect(ids('filter_first_name=["Jane","Nobody"]')).toEqual(['b']);
    expect(ids('filter_custom_channel_vars.owner_id=["u1","u2"]')).toEqual(['a', 'b']);
    expect(ids('filter_email=')).toEqual(['a', 'b', 'c']);
  });

  it('negates with filter_not_ and counts an object comparison as false', () => {
    expect(ids('filter_not_first_name=James')).toEqual(['b']);
    expect(ids('filter_custom_channel_vars=x')).toEqual([]);
  });

  it('checks keys and values for presence', () => {
    expect(ids('has_key=email')).toEqual(['c']);
    expect(ids('key_missing=email')).toEqual(['a', 'b']);
    expect(ids('has_value=tags')).toEqual(['b']);
    expect(ids('value_missing=email')).toEqual(['a', 'b', 'c']);
    expect(ids('has_key=custom_channel_vars.owner_id')).toEqual(['a', 'b']);
  });

  it('bounds pvt_created and pvt_modified inclusively, unless created_* select a time range', () => {
    expect(ids('created_from=200')).toEqual(['b', 'c']);
    expect(ids('created_from=200&created_to=200')).toEqual(['b']);
    expect(ids('modified_to=300')).toEqual(['b', 'c']);
    expect(ids('created_from=200', false)).toEqual(['a', 'b', 'c']);
  });

  it('ignores parameters that are not filters', () => {
    expect(ids('page_size=1&paginate=false&foo=bar')).toEqual(['a', 'b', 'c']);
  });
});

describe('paging', () => {
  const rows = Array.from({ length: 10 }, (_, i) => ({ id: `id${i}`, time: 1000 + i, even: i % 2 === 0 }));
  const keyOf = (row: (typeof rows)[number]) => [row.time, row.id] as const;
  const all = () => true;

  it('pages descending by default with opaque keys and no next key on the last page', () => {
    const first = paginate(rows, keyOf, all, readPageRequest(query('page_size=4'), 50));
    expect(first.items.map((r) => r.time)).toEqual([1009, 1008, 1007, 1006]);
    expect(first.paging).toMatchObject({ page_size: 4, next_start_key: expect.any(String) });
    const second = paginate(rows, keyOf, all, readPageRequest(query(`page_size=4&start_key=${first.paging!.next_start_key}`), 50));
    expect(second.items.map((r) => r.time)).toEqual([1005, 1004, 1003, 1002]);
    const last = paginate(rows, keyOf, all, readPageRequest(query(`page_size=4&start_key=${second.paging!.next_start_key}`), 50));
    expect(last.items.map((r) => r.time)).toEqual([1001, 1000]);
    expect(last.paging).toEqual({ page_size: 2, start_key: second.paging!.next_start_key });
  });

  it('pages ascending, and fills pages with matching rows only', () => {
    const page = paginate(rows, keyOf, (row) => row.even, readPageRequest(query('page_size=3&ascending=true'), 50));
    expect(page.items.map((r) => r.time)).toEqual([1000, 1002, 1004]);
    const next = paginate(rows, keyOf, (row) => row.even, readPageRequest(query(`page_size=3&ascending=true&start_key=${page.paging!.next_start_key}`), 50));
    expect(next.items.map((r) => r.time)).toEqual([1006, 1008]);
    expect(next.paging!.next_start_key).toBeUndefined();
  });

  it('answers everything without paging keys when paginate=false, and uses the default page size', () => {
    expect(paginate(rows, keyOf, all, readPageRequest(query('paginate=false&page_size=2'), 50))).toEqual({ items: [...rows].reverse() });
    expect(paginate(rows, keyOf, all, readPageRequest(query(''), 3)).items).toHaveLength(3);
  });

  it('round-trips start keys and passes undecodable ones through raw', () => {
    expect(decodeStartKey(encodeStartKey([63_900_000_000, 'abc']))).toEqual([63_900_000_000, 'abc']);
    expect(decodeStartKey('1005')).toEqual([1005]);
    const fromRaw = paginate(rows, keyOf, all, readPageRequest(query('start_key=1005&page_size=2'), 50));
    expect(fromRaw.items.map((r) => r.time)).toEqual([1004, 1003]);
  });
});

describe('time ranges', () => {
  const now = 63_950_000_000;
  it('defaults to the last max_range seconds', () => {
    expect(timeRange(query(''), now, 2_682_000)).toEqual({ from: now - 2_682_000, to: now });
    expect(timeRange(query(`created_to=${now - 100}`), now, 1000)).toEqual({ from: now - 1100, to: now - 100 });
  });

  it('refuses a backwards range and one longer than max_range, on created_from', () => {
    const backwards = timeRange(query('created_from=200&created_to=100'), now, 1000);
    expect(isRangeError(backwards) && backwards).toEqual({ key: 'created_from', message: 'created_to 100 is prior to created_from 200', cause: 200 });
    const long = timeRange(query('created_from=100&created_to=5000'), now, 1000);
    expect(isRangeError(long) && long).toEqual({ key: 'created_from', message: 'created_to 5000 is more than 1000 seconds from created_from 100', cause: 5000 });
  });
});

describe('tokens', () => {
  it('issues JWT-shaped tokens whose claims carry account, owner, method and expiry', () => {
    let clock = Date.parse('2026-11-22T10:00:00Z');
    const tokens = new Tokens(() => clock, 60);
    const { token } = tokens.issue({ account_id: 'a'.repeat(32), owner_id: 'b'.repeat(32), method: 'cb_user_auth' });
    const [header, payload, signature] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({ account_id: 'a'.repeat(32), owner_id: 'b'.repeat(32), method: 'cb_user_auth', exp: clock / 1000 + 60 });
    expect(signature).toMatch(/^[\w-]+$/);
    expect(tokens.verify(token)).toHaveProperty('claims');
    clock += 60_000;
    expect(tokens.verify(token)).toEqual({ problem: 'expired' });
  });

  it('refuses tampered, foreign and revoked tokens', () => {
    const tokens = new Tokens(Date.now, 3600);
    const { token, claims } = tokens.issue({ account_id: 'a'.repeat(32), method: 'cb_api_auth' });
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, account_id: 'c'.repeat(32) })).toString('base64url')}.${signature}`;
    expect(tokens.verify(forged)).toEqual({ problem: 'signature' });
    expect(new Tokens(Date.now, 3600).verify(token)).toEqual({ problem: 'signature' });
    expect(tokens.verify('not-a-token')).toEqual({ problem: 'malformed' });
    tokens.revoke(claims);
    expect(tokens.verify(token)).toEqual({ problem: 'revoked' });
  });
});

describe('credentials, documents and formats', () => {
  it('hashes lower-cased username:password with md5 or SHA-1', () => {
    expect(credentialsHash('JSmith', 'demo-password')).toBe(MD5);
    expect(credentialsHash('jsmith', 'demo-password', 'sha')).toBe(SHA1);
    expect(normalizeAccountName('PBXkit-Demo')).toBe('pbxkitdemo');
  });

  it('merges patches recursively, null removing a key', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { b: { c: null, f: 4 }, e: [2], g: null })).toEqual({ a: 1, b: { d: 3, f: 4 }, e: [2] });
    expect(publicView({ id: 'x', name: 'n', pvt_type: 'user', _rev: '1-a' })).toEqual({ id: 'x', name: 'n' });
  });

  it('turns contract violations into Kazoo validation data keyed by dotted path', () => {
    expect(
      validationDataOf([
        { at: 'body/data/first_name', message: 'is required' },
        { at: 'body/data/caller_id/external/number', message: 'must NOT have more than 35 characters' },
        { at: 'query.page_size', message: 'must be >= 1' },
        { at: 'body/data/priv_level', message: 'must be one of "user", "admin"' },
        { at: 'body', message: 'must be JSON text' },
      ]),
    ).toEqual({
      first_name: { required: { message: 'Field is required but missing' } },
      'caller_id.external.number': { maxLength: { message: 'String must not be more than 35 characters', target: 35 } },
      page_size: { minimum: { message: 'Value must be at least 1', target: 1 } },
      priv_level: { enum: { message: 'Value not found in enumerated list of values', target: ['user', 'admin'] } },
      json: { invalid: { message: 'All JSON must be valid', target: 'body' } },
    });
  });

  it('writes CSV with a header row, quoting when needed', () => {
    expect(listingCsv(['id', 'name', 'n'], [{ id: 'a', name: 'Smith, James', n: 3 }, { id: 'b', name: 'say "hi"' }])).toBe('id,name,n\r\na,"Smith, James",3\r\nb,"say ""hi""",\r\n');
  });

  it('converts Gregorian seconds and builds MODB ids', () => {
    const ms = Date.parse('2026-11-22T10:00:00Z');
    expect(gregorianSeconds(ms)).toBe(ms / 1000 + 62_167_219_200);
    expect(msFromGregorian(gregorianSeconds(ms))).toBe(ms);
    expect(modbId(gregorianSeconds(ms), 'f'.repeat(32))).toBe(`202611-${'f'.repeat(32)}`);
    expect(prettyDateTime(gregorianSeconds(ms))).toBe('2026-11-22 10:00:00');
  });
});

describe('seed', () => {
  it('is deterministic for a seed and a clock', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    const snapshot = (seed: number) => {
      const store = seedStore(seed, now);
      return JSON.stringify([store.users.all(), store.cdrs.all().slice(0, 200), store.webhooks.all()]);
    };
    expect(snapshot(7)).toBe(snapshot(7));
    expect(snapshot(8)).not.toBe(snapshot(7));
  });
});
