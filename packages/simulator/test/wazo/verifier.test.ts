import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startWazo, type WazoEnv } from './harness.js';

let clock = Date.parse('2026-11-02T09:00:00Z');
let env: WazoEnv;
let alice: string;
let carol: string;
let admin: string;

beforeAll(async () => {
  env = await startWazo({ now: () => clock });
  [alice, carol, admin] = await Promise.all([env.tokenOf('alice'), env.tokenOf('carol'), env.tokenOf('admin')]);
});
afterAll(() => env.close());

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('the token check of every daemon', () => {
  it('answers 401 not_found_or_expired without, with an unknown, or with an expired token', async () => {
    const missing = await env.callJson('GET', `${P.calld}/users/me/calls`);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      message: 'Unauthorized',
      error_id: 'unauthorized',
      details: { invalid_token: '', reason: 'not_found_or_expired', required_access: 'calld.users.me.calls.read' },
      timestamp: clock / 1000,
    });
    expect((await env.callJson('GET', `${P.chatd}/users/me/rooms`, { token: UNKNOWN })).body.details).toEqual({
      invalid_token: UNKNOWN,
      reason: 'not_found_or_expired',
      required_access: 'chatd.users.me.rooms.read',
    });
    const shortLived = (await env.logIn('alice', { expiration: 60 })).body.data.token;
    expect((await env.call('GET', `${P.calld}/users/me/calls`, { token: shortLived })).status).toBe(200);
    clock += 60_000;
    const expired = await env.callJson('GET', `${P.calld}/users/me/calls`, { token: shortLived });
    expect(expired.status).toBe(401);
    expect(expired.body.details.reason).toBe('not_found_or_expired');
  });

  it('answers 401 missing_permission_or_invalid_tenant (not 403) when the ACL lacks the access', async () => {
    const refused = await env.callJson('GET', `${P.callLogd}/users/me/cdr`, { token: carol });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      message: 'Unauthorized',
      error_id: 'unauthorized',
      details: { invalid_token: carol, reason: 'missing_permission_or_invalid_tenant', required_access: 'call-logd.users.me.cdr.read', tenant_uuid: env.sim.fixtures.tenants.acme },
    });
    expect((await env.call('GET', `${P.callLogd}/users/me/cdr`, { token: alice })).status).toBe(200);
    const adminOnly = await env.callJson('GET', `${P.calld}/calls`, { token: alice });
    expect(adminOnly.body.details).toMatchObject({ reason: 'missing_permission_or_invalid_tenant', required_access: 'calld.calls.read' });
  });

  it('fills the path parameters into the required access, with me matching the token user', async () => {
    const { alice: aliceUser, bob } = env.sim.fixtures.users;
    expect((await env.call('GET', `${P.confd}/users/${aliceUser.uuid}`, { token: alice })).status).toBe(200);
    const other = await env.callJson('GET', `${P.confd}/users/${bob.uuid}`, { token: alice });
    expect(other.status).toBe(401);
    expect(other.body).toEqual([`('${alice}', 'confd.users.${bob.uuid}.read', '${env.sim.fixtures.tenants.acme}')`]);
  });

  it('answers confd 401s as an array of strings', async () => {
    const reply = await env.callJson('GET', `${P.confd}/users`, { token: UNKNOWN });
    expect(reply).toMatchObject({ status: 401, body: [`('${UNKNOWN}', 'confd.users.read')`] });
  });

  it('answers agentd 401s as {error}', async () => {
    const reply = await env.callJson('GET', `${P.agentd}/agents`, { token: alice });
    expect(reply).toMatchObject({ status: 401, body: { error: 'invalid token or unauthorized' } });
    expect((await env.callJson('GET', `${P.agentd}/users/me/agents`)).body).toEqual({ error: 'invalid token or unauthorized' });
  });

  it("answers dird's legacy endpoints with the legacy 401 (a bare timestamp, no details)", async () => {
    const legacy = await env.callJson('GET', `${P.dird}/personal`, { token: UNKNOWN });
    expect(legacy).toMatchObject({ status: 401, body: { reason: ['Unauthorized'], timestamp: clock / 1000, status_code: 401 } });
    const standard = await env.callJson('GET', `${P.dird}/phonebooks`, { token: alice });
    expect(standard.body).toMatchObject({ error_id: 'unauthorized', details: { reason: 'missing_permission_or_invalid_tenant', required_access: 'dird.phonebooks.read' } });
  });

  it('accepts ?token= where the operation declares it (a voicemail recording link)', async () => {
    const message = [...env.sim.store.voicemailMessages.values()].find((m) => m.voicemailId === 1)!;
    const link = await env.call('GET', `${P.calld}/users/me/voicemails/messages/${message.id}/recording?token=${alice}`);
    expect(link.status).toBe(200);
    expect(link.headers.get('content-type')).toBe('audio/wav');
    expect((await env.call('GET', `${P.calld}/users/me/calls?token=${alice}`)).status).toBe(401);
  });
});

describe('Wazo-Tenant', () => {
  it('acts on a sub-tenant of the token tenant', async () => {
    const east = env.sim.fixtures.tenants.acmeEast;
    const { status, body } = await env.callJson('GET', `${P.confd}/users`, { token: admin, headers: { 'Wazo-Tenant': east } });
    expect(status).toBe(200);
    expect(body.items.every((user: { tenant_uuid: string }) => user.tenant_uuid === east)).toBe(true);
    expect(body.items.map((user: { uuid: string }) => user.uuid)).toContain(env.sim.fixtures.users.erin.uuid);
  });

  it('refuses a tenant outside the token tree with 401 missing_permission_or_invalid_tenant', async () => {
    const globex = env.sim.fixtures.tenants.globex;
    const reply = await env.callJson('GET', `${P.calld}/users/me/calls`, { token: alice, headers: { 'Wazo-Tenant': globex } });
    expect(reply.status).toBe(401);
    expect(reply.body.details).toEqual({ invalid_token: alice, reason: 'missing_permission_or_invalid_tenant', required_access: 'calld.users.me.calls.read', tenant_uuid: globex });
    expect((await env.callJson('GET', `${P.auth}/users`, { token: admin, headers: { 'Wazo-Tenant': globex } })).status).toBe(401);
  });

  it('recurses into sub-tenants with recurse=true', async () => {
    const own = await env.callJson('GET', `${P.auth}/users?limit=1`, { token: admin });
    const all = await env.callJson('GET', `${P.auth}/users?limit=1&recurse=true`, { token: admin });
    expect(all.body.total).toBe(own.body.total + 4);
  });
});

it('has answered every request above within the contract', () => {
  expect(env.sim.violations).toEqual([]);
});
