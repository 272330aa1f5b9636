import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startWazo, type Json, type WazoEnv } from './harness.js';

let env: WazoEnv;
let alice: string;
let bob: string;
let admin: string;
const D = P.dird;

beforeAll(async () => {
  env = await startWazo();
  [alice, bob, admin] = await Promise.all([env.tokenOf('alice'), env.tokenOf('bob'), env.tokenOf('admin')]);
});
afterAll(() => env.close());

describe('lookups', () => {
  it('looks a term up across the internal users, personal contacts and phonebook of the profile', async () => {
    const { status, body } = await env.callJson('GET', `${D}/directories/lookup/default?term=tremblay`, { token: alice });
    expect(status).toBe(200);
    expect(body.term).toBe('tremblay');
    expect(body.column_headers).toEqual(['Name', 'Number', 'Mobile', 'Favorite', 'Personal', 'Email']);
    expect(body.column_types).toEqual(['name', 'number', 'callable', 'favorite', 'personal', 'email']);
    const bobResult = (body.results as Json[]).find((r) => r.source === 'internal')!;
    expect(bobResult.column_values.slice(0, 2)).toEqual(['Bob Tremblay', '1002']);
    expect(bobResult.column_values[3]).toBe(true);
    expect(bobResult.relations).toMatchObject({ user_uuid: env.sim.fixtures.users.bob.uuid, source_entry_id: String(bobResult.relations.user_id), xivo_id: env.sim.fixtures.stackUuid });
    const sources = new Set(((await env.callJson('GET', `${D}/directories/lookup/default?term=a`, { token: alice })).body.results as Json[]).map((r) => r.source));
    expect([...sources].sort()).toEqual(['internal', 'personal', 'phonebook']);
    expect(await env.callJson('GET', `${D}/directories/lookup/nope?term=a`, { token: alice })).toMatchObject({ status: 404, body: { reason: [expect.stringContaining('nope')], status_code: 404 } });
  });

  it('looks up on behalf of a user, and reverse-looks a number up', async () => {
    const forBob = await env.callJson('GET', `${D}/directories/lookup/default/${env.sim.fixtures.users.bob.uuid}?term=tremblay`, { token: admin });
    expect((forBob.body.results as Json[]).find((r) => r.source === 'internal')!.column_values[3]).toBe(false);
    const number = (await env.callJson('GET', `${D}/phonebooks/${env.sim.fixtures.phonebookUuid}/contacts?limit=1&order=firstname`, { token: admin })).body.items[0];
    const reverse = await env.callJson('GET', `${D}/directories/reverse/default/${env.sim.fixtures.users.alice.uuid}?exten=${encodeURIComponent(number.number)}`, { token: alice });
    expect(reverse.body).toMatchObject({ display: `${number.firstname} ${number.lastname}`, exten: number.number, source: expect.any(String) });
    const none = await env.callJson('GET', `${D}/directories/reverse/default/${env.sim.fixtures.users.alice.uuid}?exten=999`, { token: alice });
    expect(none.body).toEqual({ display: null, exten: '999', source: null, fields: {} });
  });
});

describe('favorites', () => {
  it('lists, adds and removes favorites', async () => {
    const listed = await env.callJson('GET', `${D}/directories/favorites/default`, { token: alice });
    expect(listed.body.results).toHaveLength(2);
    const contact = (await env.callJson('GET', `${D}/directories/lookup/default?term=nguyen`, { token: alice })).body.results[0] as Json;
    const path = `${D}/directories/favorites/${contact.source}/${contact.relations.source_entry_id}`;
    expect((await env.call('PUT', path, { token: alice })).status).toBe(204);
    expect(await env.callJson('PUT', path, { token: alice })).toMatchObject({ status: 409, body: { status_code: 409 } });
    expect((await env.callJson('GET', `${D}/directories/favorites/default`, { token: alice })).body.results).toHaveLength(3);
    expect((await env.call('DELETE', path, { token: alice })).status).toBe(204);
    expect((await env.call('DELETE', path, { token: alice })).status).toBe(404);
    expect((await env.call('PUT', `${D}/directories/favorites/ldap/1`, { token: alice })).status).toBe(404);
  });
});

describe('personal contacts', () => {
  it('lists, creates, edits and deletes contacts; duplicates answer 409', async () => {
    const listed = await env.callJson('GET', `${D}/personal?order=firstname&limit=5`, { token: alice });
    expect(Object.keys(listed.body)).toEqual(['items']);
    expect(listed.body.items).toHaveLength(5);
    const names = listed.body.items.map((c: Json) => c.firstname);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    const fields = { firstname: 'Zed', lastname: 'Zulu', number: '+15145550111', entreprise: 'Northwind' };
    const created = await env.callJson('POST', `${D}/personal`, { token: bob, body: fields });
    expect(created).toMatchObject({ status: 201, body: { ...fields, id: expect.any(String) } });
    expect(await env.callJson('POST', `${D}/personal`, { token: bob, body: fields })).toMatchObject({ status: 409, body: { status_code: 409 } });
    const path = `${D}/personal/${created.body.id}`;
    expect((await env.callJson('GET', path, { token: bob })).body).toEqual(created.body);
    expect((await env.call('GET', path, { token: alice })).status).toBe(404);
    const edited = await env.callJson('PUT', path, { token: bob, body: { firstname: 'Zed' } });
    expect(edited.body).toEqual({ firstname: 'Zed', id: created.body.id });
    expect((await env.callJson('GET', `${D}/directories/personal/default`, { token: bob })).body.results.map((r: Json) => r.column_values[0])).toContain('Zed');
    expect((await env.call('DELETE', path, { token: bob })).status).toBe(204);
    expect(await env.callJson('DELETE', path, { token: bob })).toMatchObject({ status: 404, body: { status_code: 404 } });
  });

  it('exports CSV, imports it back, and answers 204 once there is nothing to export', async () => {
    const exported = await env.call('GET', `${D}/personal?format=text/csv`, { token: bob });
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await exported.text();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe('email,entreprise,firstname,id,lastname,note,number');
    expect(rows).toHaveLength(3);
    expect((await env.call('DELETE', `${D}/personal`, { token: bob })).status).toBe(204);
    expect((await env.call('GET', `${D}/personal?format=text/csv`, { token: bob })).status).toBe(204);

    const imported = await env.callJson('POST', `${D}/personal/import`, {
      token: bob,
      body: 'firstname,lastname,number\nAnn,"Lee, Jr.",+15145550112\nBroken\n',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(imported).toMatchObject({ status: 201, body: { created: [{ firstname: 'Ann', lastname: 'Lee, Jr.' }], failed: [{ line: 3, errors: expect.any(Array) }] } });
    const nothing = await env.callJson('POST', `${D}/personal/import`, { token: bob, body: 'firstname\n', contentType: 'text/csv' });
    expect(nothing).toMatchObject({ status: 400, body: { status_code: 400 } });
  });
});

describe('phonebooks, profiles and sources', () => {
  it('pages phonebook contacts with {items, total}', async () => {
    const path = `${D}/phonebooks/${env.sim.fixtures.phonebookUuid}`;
    const page = await env.callJson('GET', `${path}/contacts?limit=10&offset=30`, { token: admin });
    expect(page.body).toMatchObject({ total: 40 });
    expect(page.body.items).toHaveLength(10);
    const searched = await env.callJson('GET', `${path}/contacts?search=northwind`, { token: admin });
    expect(searched.body.total).toBe(searched.body.items.length);
    expect(searched.body.total).toBeLessThan(40);
    const created = await env.callJson('POST', `${path}/contacts`, { token: admin, body: { firstname: 'New', number: '1234' } });
    expect(created).toMatchObject({ status: 201, body: { firstname: 'New', id: expect.any(String) } });
    expect((await env.callJson('POST', `${path}/contacts`, { token: admin, body: { firstname: 'New', number: '1234' } })).status).toBe(409);
  });

  it('creates, renames and deletes a phonebook', async () => {
    const created = await env.callJson('POST', `${D}/phonebooks`, { token: admin, body: { name: 'Suppliers' } });
    expect(created).toMatchObject({ status: 201, body: { name: 'Suppliers', description: null, tenant_uuid: env.sim.fixtures.tenants.acme, id: 3 } });
    expect(await env.callJson('POST', `${D}/phonebooks`, { token: admin, body: { name: 'Suppliers' } })).toMatchObject({ status: 409, body: { status_code: 409 } });
    const path = `${D}/phonebooks/${created.body.uuid}`;
    expect((await env.callJson('PUT', path, { token: admin, body: { name: 'Vendors', description: 'All of them' } })).body).toMatchObject({ name: 'Vendors', description: 'All of them' });
    expect((await env.callJson('GET', path, { token: admin })).body.name).toBe('Vendors');
    expect((await env.callJson('GET', `${D}/phonebooks`, { token: admin })).body).toMatchObject({ total: 2 });
    expect((await env.call('DELETE', path, { token: admin })).status).toBe(204);
    expect(await env.callJson('GET', path, { token: admin })).toMatchObject({ status: 404, body: { status_code: 404 } });
  });

  it('lists profiles and sources with {items, total, filtered}', async () => {
    expect((await env.callJson('GET', `${D}/profiles`, { token: admin })).body).toMatchObject({ total: 1, filtered: 1, items: [{ name: 'default' }] });
    const sources = await env.callJson('GET', `${D}/sources?order=backend`, { token: admin });
    expect(sources.body.items.map((s: Json) => s.backend)).toEqual(['personal', 'phonebook', 'wazo']);
    expect((await env.callJson('GET', `${D}/sources?recurse=true&search=personal`, { token: admin })).body).toMatchObject({ total: 6, filtered: 2 });
  });
});

it('exercised every dird operation within the contract', () => {
  expect(env.unexercised('dird')).toEqual([]);
  expect(env.sim.violations).toEqual([]);
});
