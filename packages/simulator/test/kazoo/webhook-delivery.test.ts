import { InvalidArgumentError } from '@pbxkit/kazoo';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKazooSimulator } from '../../src/index.js';
import { formEncode } from '../../src/kazoo/webhook-delivery/request-encoding.js';
import { START, startKazoo, type Json, type KazooEnv } from './harness.js';
import { refusedUrl, startReceiver, type Answer } from '../webhook-receiver.js';

let env: KazooEnv;
let token: string;
let demoId: string;
const created: { accountId: string; id: string }[] = [];
const receivers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  // Kazoo's own timeout: a local receiver on a loaded machine must never look like a timeout here.
  env = await startKazoo({ webhooks: { requestTimeoutMs: 10_000 } });
  token = await env.apiToken();
  demoId = env.fixtures.demo.accountId;
});
afterAll(() => env.close());
afterEach(async () => {
  await env.sim.webhooks.idle();
  for (const hook of created.splice(0)) env.sim.store.webhooks.delete(hook.id);
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
  expect(env.sim.violations).toEqual([]);
});

async function receiver(answer?: (request: { url: string }) => Answer) {
  const started = await startReceiver(answer);
  receivers.push(started);
  return started;
}

/** Creates a hook over REST (in the demo account unless told), removed after the test. */
async function createHook(fields: Json, accountId = demoId, hookToken = token): Promise<Json> {
  const { status, body } = await env.callJson('PUT', `/accounts/${accountId}/webhooks`, { token: hookToken, body: { data: { name: `hook ${created.length}`, ...fields } } });
  expect(status).toBe(201);
  created.push({ accountId, id: body.data.id });
  return body.data;
}

/** A quickcall from a demo device that has an owner; resolves once every delivery is done. */
async function quickcall(): Promise<{ deviceId: string }> {
  const device = env.sim.store.devices.inAccount(demoId).find((d) => d.owner_id)!;
  expect((await env.call('GET', env.demo(`/devices/${device.id}/quickcall/+16465550123`), { token })).ok).toBe(true);
  await env.sim.webhooks.idle();
  return { deviceId: device.id };
}

const attemptsOf = async (hookId: string): Promise<Json[]> => (await env.callJson('GET', env.demo(`/webhooks/${hookId}/attempts`), { token })).body.data;

describe('what a hook receives', () => {
  it('posts JSON (pretty-printed) with X-Hook-ID, X-Account-ID and cluster_id', async () => {
    const target = await receiver();
    const hook = await createHook({ hook: 'channel_create', uri: `${target.url}/json`, format: 'json' });
    const { deviceId } = await quickcall();
    expect(target.requests).toHaveLength(1);
    const [request] = target.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/json', headers: { 'content-type': 'application/json', 'x-hook-id': hook.id, 'x-account-id': demoId } });
    expect(request!.body).toContain('\n  "');
    expect(JSON.parse(request!.body)).toMatchObject({
      hook_event: 'channel_create',
      account_id: demoId,
      authorizing_id: deviceId,
      authorizing_type: 'device',
      call_direction: 'outbound',
      callee_id_number: '+16465550123',
      reseller_id: env.fixtures.reseller.accountId,
      custom_channel_vars: { retain_cid: 'true' },
      cluster_id: expect.any(String),
      timestamp: expect.any(Number),
    });
  });

  it('posts form-data by default: nested keys in brackets, every value a string', async () => {
    const target = await receiver();
    await createHook({ hook: 'channel_destroy', uri: `${target.url}/form` });
    await quickcall();
    const [request] = target.requests;
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(request!.body);
    expect(form.get('hook_event')).toBe('channel_destroy');
    expect(form.get('hangup_cause')).toBe('NORMAL_CLEARING');
    expect(form.get('duration_seconds')).toBe('0');
    expect(form.get('is_internal_leg')).toBe('false');
    expect(form.get('timestamp')).toMatch(/^\d{11}$/);
    expect(form.get('custom_channel_vars[retain_cid]')).toBe('true');
    expect(request!.body).toContain('custom_channel_vars[retain_cid]=true');
  });

  it('sends get hooks as a query string, and put hooks with PUT', async () => {
    const target = await receiver();
    await createHook({ hook: 'channel_answer', uri: `${target.url}/get?token=abc`, http_verb: 'get' });
    await createHook({ hook: 'channel_bridge', uri: `${target.url}/put`, http_verb: 'put', format: 'json' });
    await quickcall();
    const get = target.requests.find((r) => r.method === 'GET')!;
    expect(get.body).toBe('');
    const query = new URL(get.url, target.url).searchParams;
    expect(query.get('token')).toBe('abc');
    expect(query.get('hook_event')).toBe('channel_answer');
    const put = target.requests.find((r) => r.method === 'PUT')!;
    expect(JSON.parse(put.body)).toMatchObject({ hook_event: 'channel_bridge', original_number: '+16465550123', other_leg_call_id: expect.any(String) });
  });

  it('encodes arrays as key[]=v and spaces as +', () => {
    expect(formEncode({ name: 'Ada Lovelace', tags: ['a', 'b c'], nested: { list: [1, true] }, gone: null })).toBe('name=Ada+Lovelace&tags[]=a&tags[]=b+c&nested[list][]=1&nested[list][]=true');
  });
});

describe('which hooks fire', () => {
  it('filters object hooks on custom_data type and action, merging the other custom_data', async () => {
    const target = await receiver();
    const createdUsers = await createHook({ hook: 'object', uri: `${target.url}/created`, format: 'json', custom_data: { type: 'user', action: 'doc_created' } });
    const anyEdit = await createHook({ hook: 'object', uri: `${target.url}/edited`, format: 'json', custom_data: { type: 'all', action: 'doc_edited' } });
    const everything = await createHook({ hook: 'object', uri: `${target.url}/all`, format: 'json', custom_data: { team: 'ops' } });
    const user = (await env.callJson('PUT', env.demo('/users'), { token, body: { data: { first_name: 'Grace', last_name: 'Hopper' } } })).body.data;
    await env.callJson('PATCH', env.demo(`/users/${user.id}`), { token, body: { data: { first_name: 'Amazing' } } });
    await env.sim.webhooks.idle();
    const bodies = (path: string) => target.requests.filter((r) => r.url === path).map((r) => JSON.parse(r.body));
    expect(bodies('/created')).toEqual([{ id: user.id, account_id: demoId, action: 'doc_created', type: 'user', cluster_id: expect.any(String) }]);
    expect(bodies('/edited')).toEqual([expect.objectContaining({ id: user.id, action: 'doc_edited', type: 'user' })]);
    expect(bodies('/all')).toEqual([expect.objectContaining({ action: 'doc_created', team: 'ops' }), expect.objectContaining({ action: 'doc_edited', team: 'ops' })]);
    expect(target.requests.find((r) => r.url === '/created')!.headers['x-hook-id']).toBe(createdUsers.id);
    expect([anyEdit.id, everything.id]).not.toContain(createdUsers.id);
  });

  it('fires an ancestor’s hooks only with include_subaccounts, and never disabled ones', async () => {
    const target = await receiver();
    const resellerId = env.fixtures.reseller.accountId;
    const resellerToken = await env.apiToken(env.fixtures.reseller.apiKey);
    const included = await createHook({ hook: 'channel_create', uri: `${target.url}/sub`, include_subaccounts: true }, resellerId, resellerToken);
    await createHook({ hook: 'channel_create', uri: `${target.url}/own`, include_subaccounts: false }, resellerId, resellerToken);
    await createHook({ hook: 'channel_create', uri: `${target.url}/off`, enabled: false });
    await createHook({ hook: 'all', uri: `${target.url}/every` });
    await quickcall();
    expect(target.requests.map((r) => r.url).sort()).toEqual(['/every', '/every', '/every', '/every', '/sub']);
    expect(target.requests.find((r) => r.url === '/sub')!.headers['x-account-id']).toBe(resellerId);
    expect(included.include_subaccounts).toBe(true);
  });
});

describe('success, failure and retries', () => {
  it('counts 200, and 201 for put, as success; any other status is one failed attempt, not retried', async () => {
    const target = await receiver((request) => (request.url === '/put' ? 201 : request.url === '/post201' ? 201 : 500));
    const put = await createHook({ hook: 'channel_create', uri: `${target.url}/put`, http_verb: 'put', retries: 3 });
    const post201 = await createHook({ hook: 'channel_create', uri: `${target.url}/post201`, retries: 3 });
    const failing = await createHook({ hook: 'channel_create', uri: `${target.url}/fail`, retries: 3 });
    await quickcall();
    expect(target.requests.map((r) => r.url).sort()).toEqual(['/fail', '/post201', '/put']);
    expect(await attemptsOf(put.id)).toEqual([expect.objectContaining({ hook_id: put.id, result: 'success', resp_status_code: '201', hook_event: 'channel_create', method: 'put', retries_left: 3 })]);
    expect(await attemptsOf(post201.id)).toEqual([expect.objectContaining({ result: 'failure', reason: 'bad response code', resp_status_code: '201' })]);
    expect(await attemptsOf(failing.id)).toEqual([
      expect.objectContaining({ result: 'failure', reason: 'bad response code', response_code: '500', resp_body: 'answered 500', retries_left: 3, uri: `${target.url}/fail` }),
    ]);
  });

  it('retries a connection the receiver closes, up to the hook’s retries', async () => {
    const target = await receiver(() => 'close');
    const hook = await createHook({ hook: 'channel_create', uri: `${target.url}/drop`, retries: 2 });
    await quickcall();
    expect(target.requests).toHaveLength(3);
    const attempts = await attemptsOf(hook.id);
    expect(attempts.map((a) => [a.result, a.reason, a.client_error])).toEqual(Array(3).fill(['failure', 'kazoo http client error', 'socket_closed_remotely']));
    expect(attempts.map((a) => a.retries_left).sort()).toEqual([0, 1, 'retries exceeded']);
    expect(attempts.every((a) => a.event_id === attempts[0]!.event_id)).toBe(true);
  });

  it('retries a refused connection; default retries are 2', async () => {
    const hook = await createHook({ hook: 'channel_create', uri: `${await refusedUrl()}/gone` });
    await quickcall();
    const attempts = await attemptsOf(hook.id);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.client_error))).toEqual(new Set(['econnrefused']));
    const all = (await env.callJson('GET', env.demo('/webhooks/attempts'), { token })).body.data as Json[];
    expect(all.filter((a) => a.hook_id === hook.id)).toHaveLength(3);
  });

  it('disables a hook after more than 6 failures within the window', async () => {
    const target = await receiver(() => 503);
    const hook = await createHook({ hook: 'object', uri: `${target.url}/flaky`, retries: 0, custom_data: { type: 'device', action: 'doc_edited' } });
    const device = env.sim.store.devices.inAccount(demoId)[0]!;
    for (let i = 0; i < 8; i++) {
      await env.callJson('PATCH', env.demo(`/devices/${device.id}`), { token, body: { data: { name: `Desk ${i}` } } });
      await env.sim.webhooks.idle();
    }
    expect(target.requests).toHaveLength(7);
    const after = (await env.callJson('GET', env.demo(`/webhooks/${hook.id}`), { token })).body.data;
    expect(after).toMatchObject({ enabled: false, disable_reason: 'too many failed attempts' });
    expect(await attemptsOf(hook.id)).toHaveLength(7);
  });
});

describe('options', () => {
  it('refuses bad delivery options with an InvalidArgumentError', () => {
    expect(() => createKazooSimulator({ webhooks: { requestTimeoutMs: 0 } })).toThrow(InvalidArgumentError);
    expect(() => createKazooSimulator({ webhooks: { attemptFailureCount: 1.5 } })).toThrow('webhooks.attemptFailureCount must be an integer ≥ 0');
    expect(() => createKazooSimulator({ webhooks: { attemptFailureExpiryMs: Number.NaN } })).toThrow(InvalidArgumentError);
  });

  it('gives up on a receiver that never answers after requestTimeoutMs', async () => {
    const slow = await startKazoo({ webhooks: { requestTimeoutMs: 100 } });
    try {
      const target = await receiver(() => 'hang');
      const slowToken = await slow.apiToken();
      await slow.callJson('PUT', slow.demo('/webhooks'), { token: slowToken, body: { data: { name: 'slow', hook: 'channel_create', uri: `${target.url}/hang`, retries: 1 } } });
      const device = slow.sim.store.devices.inAccount(demoId)[0]!;
      await slow.call('GET', slow.demo(`/devices/${device.id}/quickcall/100`), { token: slowToken });
      await slow.sim.webhooks.idle();
      expect(target.requests).toHaveLength(2);
      const attempts = (await slow.callJson('GET', slow.demo('/webhooks/attempts'), { token: slowToken })).body.data as Json[];
      expect(attempts.filter((a) => a.uri === `${target.url}/hang`).map((a) => a.client_error)).toEqual(['timeout', 'timeout']);
      expect(slow.sim.violations).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('forgets failures older than the window', async () => {
    let clock = START;
    const windowed = await startKazoo({ now: () => clock, webhooks: { attemptFailureCount: 1, attemptFailureExpiryMs: 60_000 } });
    try {
      const target = await receiver(() => 500);
      const hookToken = await windowed.apiToken();
      const hook = (await windowed.callJson('PUT', windowed.demo('/webhooks'), { token: hookToken, body: { data: { name: 'w', hook: 'object', uri: target.url, format: 'json' } } })).body.data;
      const touch = async () => {
        expect((await windowed.callJson('PUT', windowed.demo('/media'), { token: hookToken, body: { data: { name: 'clip', media_source: 'upload' } } })).status).toBe(201);
        await windowed.sim.webhooks.idle();
      };
      const enabled = async () => (await windowed.callJson('GET', windowed.demo(`/webhooks/${hook.id}`), { token: hookToken })).body.data.enabled;
      await touch();
      clock += 61_000;
      await touch();
      expect(target.requests).toHaveLength(2);
      expect(await enabled()).toBe(true);
      await touch();
      expect(await enabled()).toBe(false);
      expect(target.requests).toHaveLength(3);
      expect(windowed.sim.violations).toEqual([]);
    } finally {
      await windowed.close();
    }
  });
});
