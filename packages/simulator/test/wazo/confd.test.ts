import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startWazo, type Json, type WazoEnv } from './harness.js';

let env: WazoEnv;
let alice: string;
let admin: string;
const C = P.confd;

beforeAll(async () => {
  env = await startWazo();
  [alice, admin] = await Promise.all([env.tokenOf('alice'), env.tokenOf('admin')]);
});
afterAll(() => env.close());

describe('users', () => {
  it('answers the token user with the fields the seed SDK reads (subscription_type, lines, services, forwards)', async () => {
    const { alice: me, bob } = env.sim.fixtures.users;
    const { status, body } = await env.callJson('GET', `${C}/users/${me.uuid}`, { token: alice });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      uuid: me.uuid,
      firstname: 'Alice',
      lastname: 'Martin',
      subscription_type: 2,
      services: { dnd: { enabled: false }, incallfilter: { enabled: false } },
      forwards: { busy: { enabled: false, destination: null } },
      voicemail: { id: 1, name: 'Alice Martin' },
      agent: { id: 1, number: '1001' },
    });
    expect(body.lines.map((line: Json) => [line.protocol, line.is_webrtc, line.extensions[0].exten])).toEqual([['sip', false, '1001'], ['sip', true, '1001']]);
    expect((await env.callJson('GET', `${C}/users/${bob.uuid}`, { token: admin })).body.subscription_type).toBe(0);
    expect((await env.callJson('GET', `${C}/users/${body.id}`, { token: admin })).body.uuid).toBe(me.uuid);
    expect(await env.callJson('GET', `${C}/users/9999`, { token: admin })).toMatchObject({ status: 404, body: ["Resource Not Found - User was not found ('id': 9999)"] });
    expect((await env.call('GET', `${C}/users/${env.sim.fixtures.users.gary.uuid}`, { token: admin })).status).toBe(404);
  });

  it('serves the SIP endpoint of a line, by id or main', async () => {
    const me = env.sim.fixtures.users.alice.uuid;
    const main = await env.callJson('GET', `${C}/users/${me}/lines/main/associated/endpoints/sip?view=merged`, { token: alice });
    expect(main.body).toMatchObject({ name: expect.any(String), auth_section_options: expect.arrayContaining([['username', main.body.name]]), line: { id: 1 } });
    const web = await env.callJson('GET', `${C}/users/${me}/lines/2/associated/endpoints/sip`, { token: alice });
    expect(web.body.endpoint_section_options).toContainEqual(['webrtc', 'yes']);
    expect((await env.call('GET', `${C}/users/${me}/lines/5/associated/endpoints/sip`, { token: alice })).status).toBe(404);
  });

  it('pages users with {items, total} where total counts the matching ones, in four views', async () => {
    const page = await env.callJson('GET', `${C}/users?limit=4&offset=4&order=lastname`, { token: admin });
    expect(page.body.total).toBe(18);
    expect(page.body.items).toHaveLength(4);
    expect(Object.keys(page.body).sort()).toEqual(['items', 'total']);
    expect((await env.callJson('GET', `${C}/users?search=nguyen&view=summary`, { token: admin })).body).toEqual({
      items: [expect.objectContaining({ firstname: 'Carol', extension: '1003', subscription_type: 1, protocol: 'sip' })],
      total: 1,
    });
    expect((await env.callJson('GET', `${C}/users?search=1002&view=directory`, { token: admin })).body.items[0]).toMatchObject({ exten: '1002', voicemail_number: null, line_id: 3 });
    const presence = await env.callJson('GET', `${C}/users?view=line_presence&uuid=${env.sim.fixtures.users.alice.uuid}`, { token: admin });
    expect(presence.body.items).toEqual([expect.objectContaining({ lines: [expect.objectContaining({ id: 1 }), expect.objectContaining({ id: 2 })], services: { dnd: { enabled: false } } })]);
    expect((await env.callJson('GET', `${C}/users?recurse=true&limit=1`, { token: admin })).body.total).toBe(22);
  });

  it('updates services (dnd also shows in chatd) and forwards, one or all at once', async () => {
    const me = env.sim.fixtures.users.alice.uuid;
    expect((await env.call('PUT', `${C}/users/${me}/services/dnd`, { token: alice, body: { enabled: true } })).status).toBe(204);
    expect((await env.callJson('GET', `${C}/users/${me}/services/dnd`, { token: alice })).body).toEqual({ enabled: true });
    expect((await env.callJson('GET', `${P.chatd}/users/${me}/presences`, { token: alice })).body.do_not_disturb).toBe(true);
    expect((await env.call('PUT', `${C}/users/${me}/services`, { token: alice, body: { dnd: { enabled: false }, incallfilter: { enabled: true } } })).status).toBe(204);
    expect((await env.callJson('GET', `${C}/users/${me}/services`, { token: alice })).body).toEqual({ dnd: { enabled: false }, incallfilter: { enabled: true } });

    expect((await env.call('PUT', `${C}/users/${me}/forwards/unconditional`, { token: alice, body: { enabled: true, destination: '+15145550100' } })).status).toBe(204);
    expect((await env.callJson('GET', `${C}/users/${me}/forwards/unconditional`, { token: alice })).body).toEqual({ enabled: true, destination: '+15145550100' });
    expect((await env.call('PUT', `${C}/users/${me}/forwards`, { token: alice, body: { busy: { enabled: true, destination: '1002' } } })).status).toBe(204);
    expect((await env.callJson('GET', `${C}/users/${me}/forwards`, { token: alice })).body).toEqual({
      busy: { enabled: true, destination: '1002' },
      noanswer: { enabled: false, destination: null },
      unconditional: { enabled: true, destination: '+15145550100' },
    });
    expect((await env.callJson('PUT', `${C}/users/${me}/forwards/sometimes`, { token: alice, body: {} })).status).toBe(400);
  });

  it("lists a user's voicemail", async () => {
    const me = env.sim.fixtures.users.alice.uuid;
    expect((await env.callJson('GET', `${C}/users/${me}/voicemails`, { token: alice })).body).toMatchObject({ total: 1, items: [{ id: 1, number: '1001' }] });
    expect((await env.callJson('GET', `${C}/users/${env.sim.fixtures.users.bob.uuid}/voicemails`, { token: admin })).body).toEqual({ items: [], total: 0 });
  });
});

describe('configuration objects', () => {
  it('lists and gets lines, voicemails, switchboards, conferences and applications of the tenant', async () => {
    const cases: [string, string, (item: Json) => unknown][] = [
      ['lines', 'line_id', (item) => item.id],
      ['voicemails', 'voicemail_id', (item) => item.id],
      ['switchboards', 'switchboard_uuid', (item) => item.uuid],
      ['conferences', 'conference_id', (item) => item.id],
      ['applications', 'application_uuid', (item) => item.uuid],
    ];
    for (const [collection, , key] of cases) {
      const listed = await env.callJson('GET', `${C}/${collection}?limit=2`, { token: admin });
      expect(listed.status, collection).toBe(200);
      expect(listed.body.items.length, collection).toBeGreaterThan(0);
      const first = listed.body.items[0] as Json;
      expect((await env.callJson('GET', `${C}/${collection}/${key(first)}`, { token: admin })).body, collection).toEqual(first);
    }
    expect((await env.callJson('GET', `${C}/voicemails?search=reception`, { token: admin })).body).toMatchObject({ total: 1, items: [{ accesstype: 'global' }] });
    expect((await env.callJson('GET', `${C}/switchboards/${env.sim.fixtures.switchboardUuid}`, { token: alice })).body.members.users).toHaveLength(2);
    expect(await env.callJson('GET', `${C}/lines/9999`, { token: admin })).toMatchObject({ status: 404, body: ["Resource Not Found - Line was not found ('id': 9999)"] });
    expect((await env.callJson('GET', `${C}/lines?order=nope`, { token: admin })).body).toEqual([{ order: [expect.stringContaining('Must be one of')] }]);
  });
});

it('exercised every confd operation within the contract', () => {
  expect(env.unexercised('confd')).toEqual([]);
  expect(env.sim.violations).toEqual([]);
});
