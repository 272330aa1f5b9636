import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startWazo, type Json, type WazoEnv } from './harness.js';

let clock = Date.parse('2026-11-02T09:00:00Z');
let env: WazoEnv;
let alice: string;
let admin: string;
const L = P.callLogd;

beforeAll(async () => {
  env = await startWazo({ now: () => clock });
  [alice, admin] = await Promise.all([env.tokenOf('alice'), env.tokenOf('admin')]);
});
afterAll(() => env.close());

const list = async (path: string, token = alice) => (await env.callJson('GET', path, { token })).body as { items: Json[]; filtered: number; total: number };

describe('the token user call logs', () => {
  it('pages at least 500 CDRs of six months, newest first, with {items, filtered, total}', async () => {
    expect(env.sim.store.cdrs.length).toBeGreaterThanOrEqual(500);
    const first = await list(`${L}/users/me/cdr?limit=5`);
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThan(200);
    expect(first.filtered).toBe(first.total);
    const starts = first.items.map((cdr) => cdr.start);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(first.items[0]).not.toHaveProperty('tags');
    expect(first.items[0]!.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$/);
    const next = await list(`${L}/users/me/cdr?limit=5&offset=5`);
    expect(next.items[0]!.start <= first.items[4]!.start).toBe(true);
    const oldest = (await list(`${L}/users/me/cdr?limit=1&direction=asc`)).items[0]!;
    expect(Date.parse(oldest.start)).toBeLessThan(clock - 150 * 86_400_000);
    const everything = await list(`${L}/users/me/cdr?limit=0`);
    expect(everything.items).toHaveLength(everything.total);
    expect(everything.items.every((cdr) => [cdr.source_user_uuid, cdr.destination_user_uuid].includes(env.sim.fixtures.users.alice.uuid))).toBe(true);
  });

  it('filters by date, search, direction, number and status', async () => {
    const all = await list(`${L}/users/me/cdr?limit=0`);
    const from = new Date(clock - 30 * 86_400_000).toISOString();
    const recent = await list(`${L}/users/me/cdr?limit=0&from=${from}`);
    expect(recent.total).toBe(all.total);
    expect(recent.filtered).toBe(recent.items.length);
    expect(recent.items.every((cdr) => Date.parse(cdr.start) >= Date.parse(from))).toBe(true);
    expect(recent.filtered).toBeLessThan(all.total);
    const until = await list(`${L}/users/me/cdr?limit=0&until=${from}`);
    expect(recent.filtered + until.filtered).toBe(all.total);
    const inbound = await list(`${L}/users/me/cdr?call_direction=inbound&limit=0`);
    expect(inbound.items.every((cdr) => cdr.call_direction === 'inbound')).toBe(true);
    const withBob = await list(`${L}/users/me/cdr?search=tremblay&limit=0`);
    expect(withBob.items.length).toBeGreaterThan(0);
    expect(withBob.items.every((cdr) => [cdr.source_name, cdr.destination_name].includes('Bob Tremblay'))).toBe(true);
    const number = await list(`${L}/users/me/cdr?number=1002&limit=0`);
    expect(number.filtered).toBe(withBob.filtered);
    const endsWith = await list(`${L}/users/me/cdr?number=_002&limit=0`);
    expect(endsWith.filtered).toBeGreaterThanOrEqual(number.filtered);
    const answered = await list(`${L}/users/me/cdr?call_status=answered&limit=0`);
    expect(answered.items.every((cdr) => cdr.answered && cdr.call_status === 'answered')).toBe(true);
    const recorded = await list(`${L}/users/me/cdr?recorded=true&limit=0`);
    expect(recorded.items.every((cdr) => cdr.recordings.length > 0)).toBe(true);
    const distinct = await list(`${L}/users/me/cdr?distinct=peer_exten&limit=0`);
    expect(distinct.filtered).toBeLessThan(all.total);
    const longest = (await list(`${L}/users/me/cdr?order=duration&direction=desc&limit=3`)).items.map((cdr) => cdr.duration);
    expect(longest).toEqual([...longest].sort((a, b) => b - a));
    expect(longest[0]).toBe(Math.max(...all.items.map((cdr) => cdr.duration)));
    expect((await env.callJson('GET', `${L}/users/me/cdr?order=tags`, { token: alice })).status).toBe(400);
  });

  it('answers CSV with format=csv or Accept: text/csv; charset=utf-8', async () => {
    const byQuery = await env.call('GET', `${L}/users/me/cdr?format=csv&limit=3`, { token: alice });
    expect(byQuery.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(byQuery.headers.get('content-disposition')).toBe('attachment; filename=cdr.csv');
    const lines = (await byQuery.text()).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.startsWith('id,tenant_uuid,answered,start,answer,end,destination_extension')).toBe(true);
    const byAccept = await env.call('GET', `${L}/users/me/cdr?limit=2`, { token: alice, headers: { Accept: 'text/csv; charset=utf-8' } });
    expect((await byAccept.text()).trim().split('\r\n')).toHaveLength(3);
    const bare = await env.call('GET', `${L}/users/me/cdr?limit=2`, { token: alice, headers: { Accept: 'text/csv' } });
    expect(bare.headers.get('content-type')).toContain('application/json');
  });

  it('downloads recording audio as WAV, whole or by range', async () => {
    const cdr = (await list(`${L}/users/me/cdr?recorded=true&limit=1`)).items[0]!;
    const path = `${L}/users/me/cdr/${cdr.id}/recordings/${cdr.recordings[0].uuid}/media`;
    const whole = await env.call('GET', path, { token: alice });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    const audio = new Uint8Array(await whole.arrayBuffer());
    expect(new TextDecoder().decode(audio.subarray(0, 4))).toBe('RIFF');
    const part = await env.call('GET', path, { token: alice, headers: { Range: 'bytes=0-43' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-43/${audio.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(audio.subarray(0, 44));
    expect((await env.call('GET', path, { token: alice, headers: { Range: `bytes=${audio.length}-` } })).status).toBe(416);
    expect((await env.call('GET', `${L}/users/me/cdr/${cdr.id}/recordings/00000000-0000-4000-8000-000000000000/media`, { token: alice })).status).toBe(404);
  });

  it('refuses a token without a PBX user', async () => {
    expect(await env.callJson('GET', `${L}/users/me/cdr`, { token: admin })).toMatchObject({ status: 400, body: { error_id: 'token-with-user-uuid-required' } });
  });
});

describe('the tenant CDRs', () => {
  it('lists the tenant CDRs, by user, by id, and as CSV; ?token= and ?tenant= work for links', async () => {
    const tenant = await list(`${L}/cdr?limit=10`, admin);
    expect(tenant.items[0]).toHaveProperty('tags');
    const recursed = await list(`${L}/cdr?limit=1&recurse=true`, admin);
    expect(recursed.total).toBeGreaterThan(tenant.total);
    const east = await env.callJson('GET', `${L}/cdr?limit=1&token=${admin}&tenant=${env.sim.fixtures.tenants.acmeEast}`);
    expect(east.status).toBe(200);
    expect(east.body.total).toBe(recursed.total - tenant.total);
    const bob = await list(`${L}/users/${env.sim.fixtures.users.bob.uuid}/cdr?limit=0`, admin);
    expect(bob.items.every((cdr) => [cdr.source_user_uuid, cdr.destination_user_uuid].includes(env.sim.fixtures.users.bob.uuid))).toBe(true);
    const one = await env.callJson('GET', `${L}/cdr/${tenant.items[0]!.id}`, { token: admin });
    expect(one.body).toEqual(tenant.items[0]);
    expect((await (await env.call('GET', `${L}/cdr/${tenant.items[0]!.id}?format=csv`, { token: admin })).text()).trim().split('\r\n')).toHaveLength(2);
    expect(await env.callJson('GET', `${L}/cdr/999999`, { token: admin })).toMatchObject({ status: 404, body: { error_id: 'cdr-not-found-with-given-id' } });
    const tagged = await list(`${L}/cdr?tags=vip&limit=0`, admin);
    expect(tagged.items.every((cdr) => cdr.tags.includes('vip'))).toBe(true);
    expect((await list(`${L}/cdr?from_id=800&limit=0`, admin)).items.every((cdr) => cdr.id >= 800)).toBe(true);
  });

  it('deletes recording audio, one or several at once, and exports the rest as a ZIP', async () => {
    const recorded = (await list(`${L}/cdr?recorded=true&limit=0`, admin)).items;
    const [first, second, third] = recorded;
    const media = (cdr: Json) => `${L}/cdr/${cdr.id}/recordings/${cdr.recordings[0].uuid}/media`;
    expect((await env.call('GET', `${media(first!)}?token=${admin}`)).status).toBe(200);
    expect((await env.call('DELETE', media(first!), { token: admin })).status).toBe(204);
    expect(await env.callJson('GET', media(first!), { token: admin })).toMatchObject({ status: 400, body: { error_id: 'recording-media-not-found' } });
    expect((await env.callJson('GET', `${L}/cdr/${first!.id}`, { token: admin })).body.recordings[0].deleted).toBe(true);
    expect((await env.call('DELETE', `${L}/cdr/recordings/media`, { token: admin, body: { cdr_ids: [second!.id, 999999] } })).status).toBe(404);
    expect((await env.call('DELETE', `${L}/cdr/recordings/media`, { token: admin, body: { cdr_ids: [second!.id] } })).status).toBe(204);

    const created = await env.callJson('POST', `${L}/cdr/recordings/media/export`, { token: admin, body: { cdr_ids: [third!.id] } });
    expect(created.status).toBe(202);
    expect(created.response.headers.get('location')).toBe(`${L}/exports/${created.body.uuid}`);
    const path = `${L}/exports/${created.body.uuid}`;
    expect((await env.callJson('GET', path, { token: admin })).body).toMatchObject({ status: 'processing', user_uuid: env.sim.fixtures.users.admin.uuid });
    expect(await env.callJson('GET', `${path}/download`, { token: admin })).toMatchObject({ status: 202, body: { error_id: 'export-not-done-yet' } });
    clock += 1000;
    expect((await env.callJson('GET', path, { token: admin })).body.status).toBe('finished');
    const zip = await env.call('GET', `${path}/download`, { token: admin });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const archive = new Uint8Array(await zip.arrayBuffer());
    expect([...archive.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder().decode(archive)).toContain(third!.recordings[0].filename);
    expect((await env.call('GET', `${L}/exports/00000000-0000-4000-8000-000000000000`, { token: admin })).status).toBe(404);
    expect(await env.callJson('POST', `${L}/cdr/recordings/media/export`, { token: admin, body: { cdr_ids: [first!.id] } })).toMatchObject({ status: 400, body: { error_id: 'no-recording-to-export' } });
  });
});

it('exercised every call-logd operation within the contract', async () => {
  const cdr = (await list(`${L}/cdr?recorded=true&limit=1&direction=asc`, admin)).items.find((c) => !c.recordings[0].deleted)!;
  await env.call('GET', `${L}/cdr/${cdr.id}/recordings/${cdr.recordings[0].uuid}/media`, { token: admin });
  expect(env.unexercised('callLogd')).toEqual([]);
  expect(env.sim.violations).toEqual([]);
});
