import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startWazo, type Json, type WazoEnv } from './harness.js';

let env: WazoEnv;
let admin: string;
let alice: string;
const A = P.auth;

beforeAll(async () => {
  env = await startWazo();
  [admin, alice] = await Promise.all([env.tokenOf('admin'), env.tokenOf('alice')]);
});
afterAll(() => env.close());

describe('tenants', () => {
  it('lists the tenant and its sub-tenants with {items, total, filtered}', async () => {
    const { body } = await env.callJson('GET', `${A}/tenants`, { token: admin });
    expect(body.items.map((t: Json) => t.name)).toEqual(['Acme', 'Acme East']);
    expect(body).toMatchObject({ total: 2, filtered: 2 });
    expect((await env.callJson('GET', `${A}/tenants?search=east`, { token: admin })).body).toMatchObject({ total: 2, filtered: 1 });
    expect((await env.callJson('GET', `${A}/tenants?domain_name=acme.example.com`, { token: admin })).body.items[0].slug).toBe('acme');
    expect((await env.callJson('GET', `${A}/tenants?order=nope`, { token: admin })).body).toMatchObject({ error_id: 'invalid-data', details: { order: expect.any(Object) } });
  });

  it('creates, reads, updates and deletes a sub-tenant', async () => {
    const created = await env.callJson('POST', `${A}/tenants`, { token: admin, body: { name: 'Acme West', domain_names: ['west.acme.example.com'] } });
    expect(created).toMatchObject({ status: 200, body: { name: 'Acme West', slug: 'AcmeWest', parent_uuid: env.sim.fixtures.tenants.acme, default_authentication_method: 'native' } });
    const path = `${A}/tenants/${created.body.uuid}`;
    expect((await env.callJson('POST', `${A}/tenants`, { token: admin, body: { name: 'Clash', domain_names: ['west.acme.example.com'] } })).status).toBe(409);
    expect((await env.callJson('GET', path, { token: admin })).body.domain_names).toEqual(['west.acme.example.com']);
    const updated = await env.callJson('PUT', path, { token: admin, body: { name: 'Acme West Coast' } });
    expect(updated.body).toMatchObject({ name: 'Acme West Coast', domain_names: [], slug: 'AcmeWest' });
    expect((await env.callJson('DELETE', `${A}/tenants/${env.sim.fixtures.tenants.acme}`, { token: admin })).status).toBe(403);
    expect((await env.call('DELETE', path, { token: admin })).status).toBe(204);
    expect(await env.callJson('GET', path, { token: admin })).toMatchObject({ status: 404, body: { error_id: 'unknown-tenant' } });
    expect((await env.call('GET', `${A}/tenants/${env.sim.fixtures.tenants.globex}`, { token: admin })).status).toBe(404);
  });

  it('refuses to delete a tenant that has sub-tenants', async () => {
    const parent = (await env.callJson('POST', `${A}/tenants`, { token: admin, body: { name: 'Parent' } })).body.uuid;
    await env.callJson('POST', `${A}/tenants`, { token: admin, body: { name: 'Child' }, headers: { 'Wazo-Tenant': parent } });
    const refused = await env.callJson('DELETE', `${A}/tenants/${parent}`, { token: admin });
    expect(refused).toMatchObject({ status: 400, body: { message: expect.any(String) } });
  });
});

describe('users', () => {
  it('pages the users of the tenant: total counts them all, filtered those that match', async () => {
    const first = await env.callJson('GET', `${A}/users?limit=5&offset=0`, { token: admin });
    expect(first.body).toMatchObject({ total: 19, filtered: 19 });
    expect(first.body.items).toHaveLength(5);
    const second = await env.callJson('GET', `${A}/users?limit=5&offset=5`, { token: admin });
    const usernames = [...first.body.items, ...second.body.items].map((u: Json) => u.username);
    expect(usernames).toEqual([...usernames].sort());
    const searched = await env.callJson('GET', `${A}/users?search=martin`, { token: admin });
    expect(searched.body).toMatchObject({ total: 19, filtered: 1, items: [{ username: 'alice' }] });
    const descending = await env.callJson('GET', `${A}/users?order=firstname&direction=desc&limit=1`, { token: admin });
    expect(descending.body.items[0].firstname).toBe('William');
    expect((await env.callJson('GET', `${A}/users?has_policy_slug=pbxkit-no-call-logs`, { token: admin })).body.items.map((u: Json) => u.username)).toEqual(['carol']);
  });

  it('creates a user that can log in, changes its password and emails, and deletes it', async () => {
    const created = await env.callJson('POST', `${A}/users`, { token: admin, body: { username: 'dana', password: 'secret-1', firstname: 'Dana', email_address: 'dana@acme.example.com' } });
    expect(created).toMatchObject({ status: 200, body: { username: 'dana', purpose: 'user', enabled: true, emails: [{ address: 'dana@acme.example.com', main: true, confirmed: true }] } });
    expect(created.body).not.toHaveProperty('password');
    expect((await env.callJson('POST', `${A}/users`, { token: admin, body: { username: 'dana' } })).status).toBe(409);
    const dana = created.body.uuid as string;
    const login = await env.logIn({ login: 'dana', password: 'secret-1' });
    expect(login.body.data.metadata).toMatchObject({ uuid: dana, pbx_user_uuid: null });

    const wrong = await env.callJson('PUT', `${A}/users/${dana}/password`, { token: admin, body: { old_password: 'nope', new_password: 'secret-2' } });
    expect(wrong).toMatchObject({ status: 401, body: { reason: ['Authentication Failed'], status_code: 401 } });
    expect((await env.call('PUT', `${A}/users/${dana}/password`, { token: admin, body: { old_password: 'secret-1', new_password: 'secret-2' } })).status).toBe(204);
    expect((await env.call('HEAD', `${A}/token/${login.body.data.token}`)).status).toBe(404);
    expect((await env.logIn({ login: 'dana', password: 'secret-2' })).status).toBe(200);

    const emails = await env.callJson('PUT', `${A}/users/${dana}/emails`, { token: admin, body: { emails: [{ address: 'dana@acme.example.com', main: false }, { address: 'd@acme.example.com', main: true }] } });
    expect(emails.body).toEqual([
      expect.objectContaining({ address: 'dana@acme.example.com', main: false, confirmed: true }),
      expect.objectContaining({ address: 'd@acme.example.com', main: true, confirmed: false }),
    ]);
    expect((await env.callJson('PUT', `${A}/users/${dana}/emails`, { token: admin, body: { emails: [{ address: 'x@acme.example.com' }] } })).status).toBe(400);
    expect((await env.callJson('PUT', `${A}/users/${dana}/emails`, { token: admin, body: { emails: [{ address: 'alice@acme.example.com', main: true }] } })).status).toBe(409);

    const updated = await env.callJson('PUT', `${A}/users/${dana}`, { token: admin, body: { username: 'dana', firstname: 'Dana', enabled: false } });
    expect(updated.body).toMatchObject({ enabled: false, lastname: null });
    expect((await env.logIn({ login: 'dana', password: 'secret-2' })).status).toBe(401);
    expect((await env.call('DELETE', `${A}/users/${dana}`, { token: admin })).status).toBe(204);
    expect(await env.callJson('GET', `${A}/users/${dana}`, { token: admin })).toMatchObject({ status: 404, body: { error_id: 'unknown-user', resource: 'users' } });
  });

  it('lets a user read itself but not the others', async () => {
    const { alice: me, bob } = env.sim.fixtures.users;
    expect((await env.callJson('GET', `${A}/users/${me.uuid}`, { token: alice })).body.username).toBe('alice');
    expect((await env.call('GET', `${A}/users/${bob.uuid}`, { token: alice })).status).toBe(401);
    expect((await env.call('GET', `${A}/users`, { token: alice })).status).toBe(401);
  });

  it('gives and takes policies, refusing accesses the caller does not hold', async () => {
    const { bob } = env.sim.fixtures.users;
    const policies = await env.callJson('GET', `${A}/users/${bob.uuid}/policies`, { token: admin });
    expect(policies.body).toMatchObject({ items: [], total: 0, filtered: 0 });
    expect((await env.call('PUT', `${A}/users/${bob.uuid}/policies/pbxkit-no-call-logs`, { token: admin })).status).toBe(204);
    expect((await env.callJson('GET', `${A}/users/${bob.uuid}/policies`, { token: admin })).body.items[0].slug).toBe('pbxkit-no-call-logs');
    const bobToken = await env.tokenOf('bob');
    expect((await env.call('GET', `${P.callLogd}/users/me/cdr`, { token: bobToken })).status).toBe(401);
    expect((await env.call('DELETE', `${A}/users/${bob.uuid}/policies/pbxkit-no-call-logs`, { token: admin })).status).toBe(204);
    const unknown = await env.callJson('PUT', `${A}/users/${bob.uuid}/policies/nope`, { token: admin });
    expect(unknown).toMatchObject({ status: 404, body: { reason: [expect.stringContaining('nope')], status_code: 404 } });
    const own = env.sim.fixtures.users.alice.uuid;
    const refused = await env.callJson('PUT', `${A}/users/${own}/policies/wazo_default_admin_policy`, { token: alice });
    expect(refused).toMatchObject({ status: 401, body: { details: { reason: 'missing_permission_or_invalid_tenant', required_access: '#' } } });
  });
});

describe('groups', () => {
  it('lists groups and manages members of a custom group', async () => {
    const listed = await env.callJson('GET', `${A}/groups?order=name`, { token: admin });
    expect(listed.body.items.map((g: Json) => g.name)).toContain('Sales');
    const sales = (listed.body.items as Json[]).find((g) => g.slug === 'sales')!;
    expect((await env.callJson('GET', `${A}/groups/${sales.uuid}/users`, { token: admin })).body.items.map((u: Json) => u.username)).toEqual(['alice', 'bob']);
    const { carol, erin } = env.sim.fixtures.users;
    expect((await env.call('PUT', `${A}/groups/${sales.uuid}/users/${carol.uuid}`, { token: admin })).status).toBe(204);
    expect((await env.callJson('GET', `${A}/users/${carol.uuid}/groups`, { token: admin })).body.items.map((g: Json) => g.name)).toContain('Sales');
    expect((await env.callJson('PUT', `${A}/groups/${sales.uuid}/users/${erin.uuid}`, { token: admin })).status).toBe(400);
    expect((await env.call('DELETE', `${A}/groups/${sales.uuid}/users/${carol.uuid}`, { token: admin })).status).toBe(204);
    expect((await env.callJson('GET', `${A}/groups?user_uuid=${carol.uuid}`, { token: admin })).body.items.every((g: Json) => g.slug !== 'sales')).toBe(true);
  });

  it('creates, renames and deletes a group; system groups are read-only', async () => {
    const created = await env.callJson('POST', `${A}/groups`, { token: admin, body: { name: 'Support' } });
    expect(created.body).toMatchObject({ name: 'Support', slug: 'Support', read_only: false, tenant_uuid: env.sim.fixtures.tenants.acme });
    expect(await env.callJson('POST', `${A}/groups`, { token: admin, body: { name: 'Support' } })).toMatchObject({ status: 409, body: { status_code: 409 } });
    const path = `${A}/groups/${created.body.uuid}`;
    expect((await env.callJson('PUT', path, { token: admin, body: { name: 'Support L2' } })).body.name).toBe('Support L2');
    expect((await env.callJson('GET', path, { token: admin })).body.name).toBe('Support L2');
    expect((await env.call('DELETE', path, { token: admin })).status).toBe(204);
    expect((await env.call('GET', path, { token: admin })).status).toBe(404);
    const system = ((await env.callJson('GET', `${A}/groups?read_only=true`, { token: admin })).body.items as Json[])[0]!;
    expect((await env.callJson('PUT', `${A}/groups/${system.uuid}`, { token: admin, body: { name: 'x' } })).status).toBe(403);
    expect((await env.call('DELETE', `${A}/groups/${system.uuid}`, { token: admin })).status).toBe(403);
  });
});

describe('policies', () => {
  it('lists own and shared policies with {items, total}', async () => {
    const { body } = await env.callJson('GET', `${A}/policies`, { token: admin });
    expect(Object.keys(body).sort()).toEqual(['items', 'total']);
    expect(body.items.map((p: Json) => p.slug)).toEqual(expect.arrayContaining(['wazo_default_user_policy', 'wazo_default_admin_policy', 'pbxkit-no-call-logs']));
    expect((await env.callJson('GET', `${A}/policies?read_only=false`, { token: admin })).body.total).toBe(2);
  });

  it('creates, reads by slug, updates and deletes a policy; read-only ones refuse changes in the legacy shape', async () => {
    const created = await env.callJson('POST', `${A}/policies`, { token: admin, body: { name: 'Agents', description: 'Queue agents', acl: ['agentd.#'] } });
    expect(created.body).toMatchObject({ name: 'Agents', slug: 'Agents', acl: ['agentd.#'], read_only: false, shared: false });
    expect((await env.callJson('POST', `${A}/policies`, { token: admin, body: { name: 'Agents' } })).status).toBe(409);
    expect((await env.callJson('GET', `${A}/policies/Agents`, { token: admin })).body.uuid).toBe(created.body.uuid);
    const path = `${A}/policies/${created.body.uuid}`;
    expect((await env.callJson('PUT', path, { token: admin, body: { name: 'Agents', acl: ['agentd.#', 'calld.users.me.#'] } })).body.acl).toHaveLength(2);
    expect((await env.call('DELETE', path, { token: admin })).status).toBe(204);
    expect(await env.callJson('GET', path, { token: admin })).toMatchObject({ status: 404, body: { reason: [expect.any(String)] } });
    const readOnly = await env.callJson('PUT', `${A}/policies/wazo_default_user_policy`, { token: admin, body: { name: 'x' } });
    expect(readOnly).toMatchObject({ status: 403, body: { status_code: 403 } });
    expect((await env.call('DELETE', `${A}/policies/wazo_default_user_policy`, { token: admin })).status).toBe(403);
  });
});

it('exercised every wazo-auth operation within the contract', async () => {
  // The token operations are exercised in auth.test.ts; run each once here so that this file covers them all.
  const bob = await env.logIn('bob', { access_type: 'offline', client_id: 'sweep' });
  const token = bob.body.data.token as string;
  const { bob: bobUser } = env.sim.fixtures.users;
  await env.call('HEAD', `${A}/token/${token}`);
  await env.call('GET', `${A}/token/${token}`);
  await env.call('POST', `${A}/token/${token}/scopes/check`, { body: { scopes: ['websocketd'] } });
  await env.call('GET', `${A}/users/me/tokens`, { token });
  await env.call('GET', `${A}/tokens`, { token: admin });
  await env.call('GET', `${A}/users/${bobUser.uuid}/tokens`, { token: admin });
  await env.call('GET', `${A}/users/${bobUser.uuid}/sessions`, { token: admin });
  await env.call('GET', `${A}/sessions`, { token: admin });
  await env.call('DELETE', `${A}/users/${bobUser.uuid}/sessions/${bob.body.data.session_uuid}`, { token: admin });
  await env.call('DELETE', `${A}/sessions/${(await env.logIn('bob')).body.data.session_uuid}`, { token: admin });
  await env.call('DELETE', `${A}/users/me/tokens/sweep`, { token: await env.tokenOf('bob') });
  await env.call('DELETE', `${A}/users/${bobUser.uuid}/tokens/sweep`, { token: admin });
  await env.call('DELETE', `${A}/token/${token}`);
  expect(env.unexercised('auth')).toEqual([]);
  expect(env.sim.violations).toEqual([]);
});
