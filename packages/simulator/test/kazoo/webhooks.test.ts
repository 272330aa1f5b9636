import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKazoo, type Json, type KazooEnv } from './harness.js';

let env: KazooEnv;
let token: string;

beforeAll(async () => {
  env = await startKazoo();
  token = await env.apiToken();
});
afterAll(() => env.close());

const json = (method: string, path: string, body?: unknown) => env.callJson(method, path, { token, ...(body === undefined ? {} : { body: { data: body } }) });
const hook = (fields: Json = {}) => ({ name: 'CRM', uri: 'https://hooks.example.com/crm', hook: 'channel_answer', ...fields });

describe('available hooks and samples (no auth)', () => {
  it('lists the hook types and their modifiers without a token', async () => {
    const { status, body } = await env.callJson('GET', '/webhooks');
    expect(status).toBe(200);
    const ids = (body.data as Json[]).map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['channel_create', 'channel_answer', 'channel_bridge', 'channel_destroy', 'object', 'notifications', 'parking']));
    expect((body.data as Json[]).find((h) => h.id === 'object')!.modifiers.type.items).toContain('user');
  });

  it('serves sample payloads by hook', async () => {
    const names = (await env.callJson('GET', '/webhooks/samples')).body.data as string[];
    expect(names).toContain('webhooks_channel_destroy');
    const samples = (await env.callJson('GET', '/webhooks/samples/webhooks_channel_destroy')).body.data as Json[];
    expect(samples[0]).toMatchObject({ hook_event: 'channel_destroy', call_id: expect.any(String), hangup_cause: 'NORMAL_CLEARING' });
    expect((await env.call('GET', '/webhooks/samples/webhooks_nothing')).status).toBe(404);
  });
});

describe('an account’s hooks', () => {
  it('creates a hook with the schema defaults', async () => {
    const { status, body } = await json('PUT', env.demo('/webhooks'), hook());
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ hook: 'channel_answer', http_verb: 'post', format: 'form-data', retries: 2, enabled: true, include_internal_legs: true });
  });

  it('validates required fields, the hook enum, retries and the uri', async () => {
    const missing = await json('PUT', env.demo('/webhooks'), {});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.data).sort()).toEqual(['hook', 'name', 'uri']);
    expect(missing.body.data.hook).toEqual({ required: { message: 'Field is required but missing' } });
    const badHook = await json('PUT', env.demo('/webhooks'), hook({ hook: 'channel_explode' }));
    expect(badHook.body).toMatchObject({ error: '400', message: 'validation error', data: { hook: { enum: expect.objectContaining({ message: 'Value not found in enumerated list of values' }) } } });
    expect((await json('PUT', env.demo('/webhooks'), hook({ retries: 5 }))).body.data.retries).toHaveProperty('maximum');
    expect((await json('PUT', env.demo('/webhooks'), hook({ http_verb: 'delete' }))).body.data.http_verb).toHaveProperty('enum');
    expect((await json('PUT', env.demo('/webhooks'), hook({ uri: 'not a uri' }))).body.data.uri).toHaveProperty('format');
  });

  it('needs custom_data type and action together on an object hook', async () => {
    const typeOnly = await json('PUT', env.demo('/webhooks'), hook({ hook: 'object', custom_data: { type: 'user' } }));
    expect(typeOnly.status).toBe(400);
    expect(typeOnly.body.data).toEqual({ 'custom_data.action': { required: { message: 'An object hook filters on custom_data.type and custom_data.action together' } } });
    expect((await json('PUT', env.demo('/webhooks'), hook({ hook: 'object', custom_data: { action: 'doc_created' } }))).body.data).toHaveProperty(['custom_data.type']);
    expect((await json('PUT', env.demo('/webhooks'), hook({ hook: 'object', custom_data: { type: 'user', action: 'doc_created' } }))).status).toBe(201);
    expect((await json('PUT', env.demo('/webhooks'), hook({ custom_data: { type: 'user' } }))).status).toBe(201);
  });

  it('shows why a hook was disabled, and re-enables hooks in bulk only with re-enable: true', async () => {
    const disabled = ((await json('GET', env.demo('/webhooks?paginate=false'))).body.data as Json[]).find((h) => h.enabled === false)!;
    expect(disabled.disable_reason).toBe('too many failed attempts');
    expect((await json('GET', env.demo(`/webhooks/${disabled.id}`))).body.data.disable_reason).toBe('too many failed attempts');
    const missing = await json('PATCH', env.demo('/webhooks'), {});
    expect(missing.status).toBe(400);
    expect(missing.body.data).toEqual({ 're-enable': { required: { message: 'Field is required but missing' } } });
    expect((await json('PATCH', env.demo('/webhooks'), { 're-enable': false })).body.data['re-enable']).toHaveProperty('enum');
    const done = await json('PATCH', env.demo('/webhooks'), { 're-enable': true });
    expect(done.body.data).toBe('hooks updated');
    const after = (await json('GET', env.demo(`/webhooks/${disabled.id}`))).body.data;
    expect(after.enabled).toBe(true);
    expect(after.disable_reason).toBeUndefined();
  });

  it('re-enables the hooks of descendant accounts', async () => {
    const branchHook = env.sim.store.webhooks.inAccount(env.fixtures.branch.accountId).find((h) => h.enabled === false)!;
    const reseller = await env.apiToken(env.fixtures.reseller.apiKey);
    const { status } = await env.callJson('PATCH', `/accounts/${env.fixtures.reseller.accountId}/descendants/webhooks`, { token: reseller, body: { data: { 're-enable': true } } });
    expect(status).toBe(200);
    expect(env.sim.store.webhooks.find(branchHook.id)!.enabled).toBe(true);
  });

  it('lists delivery attempts of the account and of one hook, time-ranged', async () => {
    const all = (await json('GET', env.demo('/webhooks/attempts?paginate=false'))).body.data as Json[];
    expect(all.length).toBeGreaterThan(10);
    expect(all[0]!.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    expect(all.every((a) => a.result === 'success' || a.result === 'failure')).toBe(true);
    const hookId = all[0]!.hook_id as string;
    const one = (await json('GET', env.demo(`/webhooks/${hookId}/attempts?paginate=false`))).body.data as Json[];
    expect(one.length).toBe(all.filter((a) => a.hook_id === hookId).length);
    expect((await json('GET', env.demo(`/webhooks/${hookId}/attempts?created_from=1&created_to=2`))).body.data).toEqual([]);
    expect((await json('DELETE', env.demo(`/webhooks/${hookId}`))).status).toBe(200);
    expect(((await json('GET', env.demo('/webhooks/attempts?paginate=false'))).body.data as Json[]).some((a) => a.hook_id === hookId)).toBe(false);
  });
});

it('records no contract violations', () => {
  expect(env.sim.violations).toEqual([]);
});
