import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5Credentials, startKazoo, type CallOptions, type Json, type KazooEnv } from './harness.js';

let env: KazooEnv;
let token: string;

beforeAll(async () => {
  env = await startKazoo();
  token = await env.apiToken();
});
afterAll(() => env.close());

describe('envelopes and errors', () => {
  it('answers unknown routes with 404 and wrong methods with 405, in Crossbar’s error envelope', async () => {
    const missing = await env.callJson('GET', '/nothing-here', { token });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 'error', error: '404', message: 'not_found', data: { message: 'not found' } });
    const wrong = await env.callJson('PATCH', env.demo('/cdrs'), { token, body: { data: {} } });
    expect(wrong.status).toBe(405);
    expect(wrong.body).toMatchObject({ status: 'error', error: '405', message: 'invalid_method', data: { message: 'method not allowed' } });
    expect(wrong.response.headers.get('allow')).toBe('GET');
  });

  it('sends request_id as X-Request-ID, reusing the client’s, with node, timestamp and version', async () => {
    const { body, response } = await env.callJson('GET', env.demo(), { token, headers: { 'X-Request-ID': 'my-request-1' } });
    expect(response.headers.get('x-request-id')).toBe('my-request-1');
    expect(body).toMatchObject({ status: 'success', request_id: 'my-request-1', auth_token: token, node: expect.any(String), timestamp: '2026-11-22T10:00:00Z', version: expect.any(String), revision: expect.stringMatching(/^\d+-[0-9a-f]{32}$/) });
    const generated = await env.callJson('GET', env.demo());
    expect(generated.body.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(generated.response.headers.get('x-request-id')).toBe(generated.body.request_id);
    expect(generated.body.version).toBeUndefined();
  });

  it('sends the request id with binary answers too', async () => {
    const vcard = await env.call('GET', env.demo(`/users/${env.fixtures.user.userId}/vcard`), { token, headers: { 'X-Request-ID': 'vcard-1' } });
    expect(vcard.headers.get('x-request-id')).toBe('vcard-1');
  });

  it('omits version on unauthenticated success', async () => {
    const { body } = await env.callJson('GET', '/webhooks');
    expect(body.status).toBe('success');
    expect(body.version).toBeUndefined();
  });

  it('answers JSON that does not parse with 400 on json', async () => {
    const response = await env.call('PUT', env.demo('/users'), { token, headers: { 'Content-Type': 'application/json' } as Record<string, string> });
    expect(response.status).toBe(400);
    const broken = await fetch(`${env.server.baseUrl}${env.demo('/users')}`, { method: 'PUT', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: '{"data":' });
    expect(await broken.json()).toMatchObject({ error: '400', message: 'validation error', data: { json: { invalid: { message: 'All JSON must be valid', target: 'body' } } } });
  });

  it('allows browsers to send the auth and request-id headers (CORS preflight)', async () => {
    const preflight = await fetch(`${env.server.baseUrl}${env.demo('/cdrs')}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-auth-token,x-request-id' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')!.toLowerCase().split(',')).toEqual(expect.arrayContaining(['x-auth-token', 'x-request-id', 'content-type']));
  });
});

describe('faults', () => {
  const control = (path: string, body?: unknown) =>
    fetch(`${env.server.url}/__sim${path}`, { method: body === undefined ? 'POST' : 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });

  it('injects statuses, 429 with Retry-After and dropped sockets through /__sim, then recovers', async () => {
    expect((await control('/faults', { type: 'status', status: 503, times: 1, path: '/accounts/*/cdrs' })).status).toBe(201);
    const failed = await env.callJson('GET', env.demo('/cdrs'), { token });
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ status: 'error', error: '503', message: 'datastore_unreachable', request_id: failed.response.headers.get('x-request-id') });
    expect((await env.call('GET', env.demo('/cdrs'), { token })).status).toBe(200);

    env.sim.faults.rateLimit(3, { times: 1 });
    const limited = await env.callJson('GET', env.demo(), { token });
    expect(limited.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('3');
    expect(limited.body).toMatchObject({ error: '429', message: 'too_many_requests', data: { message: 'too many requests' } });

    env.sim.faults.drop({ method: 'GET', path: '/accounts/*', times: 1 });
    await expect(env.call('GET', env.demo(), { token })).rejects.toThrow(TypeError);
    expect((await env.call('GET', env.demo(), { token })).status).toBe(200);
  });

  it('reports health and resets the data', async () => {
    const user = env.fixtures.secondUser.userId;
    expect((await env.call('DELETE', env.demo(`/users/${user}`), { token })).status).toBe(200);
    expect(await (await fetch(`${env.server.url}/__sim/health`)).json()).toMatchObject({ status: 'ok', platform: 'kazoo' });
    expect((await fetch(`${env.server.baseUrl}/__sim/reset`, { method: 'POST' })).status).toBe(204);
    expect((await env.call('GET', env.demo(`/users/${user}`), { token })).status).toBe(200);
  });
});

describe('every operation', () => {
  it('answers every operation of the spec within the contract', async () => {
    env.sim.reset();
    const { contract, basePath } = env.sim.app;
    const { store, fixtures } = env.sim;
    const A = fixtures.demo.accountId;
    const covered = new Set<string>();
    const run = async (method: string, path: string, status: number, options: CallOptions = { token }): Promise<Json> => {
      const found = contract.match(method, `${basePath}${path.split('?')[0]}`);
      expect(found.kind, `${method} ${path}`).toBe('operation');
      const response = await env.call(method, path, options);
      const text = await response.text();
      const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
      expect(response.status, `${method} ${path}: ${text.slice(0, 400)}`).toBe(status);
      if (found.kind === 'operation') covered.add(found.operation.operationId);
      return body;
    };
    const withToken = (body: unknown, headers?: Record<string, string>): CallOptions => ({ token, body, ...(headers ? { headers } : {}) });
    const demo = (path = '') => `/accounts/${A}${path}`;
    const first = <T extends { id: string; pvt_account_id: string }>(rows: T[]) => rows.find((row) => row.pvt_account_id === A)!;

    // auth
    await run('PUT', '/api_auth', 201, { body: { data: { api_key: fixtures.demo.apiKey } } });
    const user = (await run('PUT', '/user_auth', 201, { body: { data: { credentials: md5Credentials('jsmith', 'demo-password'), account_name: 'pbxkit-demo' } } })).auth_token;
    await run('PUT', '/ip_auth', 201, { headers: { 'X-Forwarded-For': fixtures.demo.ipAddress } });
    await run('PUT', '/auth', 201, { token: user, body: { data: { action: 'refresh_token' } } });
    await run('GET', `/auth/tokeninfo?token=${user}`, 200, {});
    await run('POST', '/auth/tokeninfo', 200, { body: { data: { token: user } } });
    await run('GET', '/token_auth', 200, { token: user });
    await run('GET', `/user_auth/${user}`, 200, { token: user });
    await run('PUT', '/user_auth/recovery', 201, { body: { data: { username: 'jsmith', account_name: 'pbxkit-demo', ui_url: 'https://portal.example.com' } } });
    const [resetId] = store.passwordResets.keys();
    await run('POST', '/user_auth/recovery', 200, { body: { data: { reset_id: resetId } } });
    const admin = (await run('PUT', '/user_auth', 201, { body: { data: { credentials: md5Credentials('superadmin', 'demo-password'), account_name: 'pbxkit-master' } } })).auth_token;
    await run('PUT', demo(`/users/${fixtures.secondUser.userId}/user_auth`), 201, { token: admin, body: { data: { action: 'impersonate_user' } } });
    await run('DELETE', '/token_auth', 200, { token: user });

    // accounts
    await run('GET', demo(), 200);
    await run('POST', demo(), 200, withToken({ data: { name: 'pbxkit-demo', realm: 'demo.pbxkit.test', timezone: 'America/Los_Angeles' } }));
    await run('PATCH', demo(), 200, withToken({ data: { language: 'en-us' } }));
    const child = (await run('PUT', demo(), 201, withToken({ data: { name: 'sweep-child' } }))).data.id;
    const top = (await run('PUT', '/accounts', 201, withToken({ data: { name: 'sweep-top' } }))).data.id;
    await run('GET', demo('/api_key'), 200);
    await run('PUT', `/accounts/${child}/api_key`, 201);
    await run('GET', demo('/children'), 200);
    await run('GET', demo('/descendants'), 200);
    await run('GET', demo('/parents'), 200);
    await run('GET', demo('/siblings'), 200);
    await run('GET', demo('/tree'), 200);
    await run('PUT', `/accounts/${child}/reseller`, 201, { token: admin });
    await run('DELETE', `/accounts/${child}/reseller`, 200, { token: admin });
    await run('POST', `/accounts/${child}/move`, 200, { token: admin, body: { data: { to: fixtures.reseller.accountId } } });
    await run('DELETE', `/accounts/${child}`, 200, { token: admin });
    await run('DELETE', `/accounts/${top}`, 200);
    await run('POST', demo('/token_restrictions'), 200, withToken({ data: { restrictions: { _: { user: { devices: [{ allowed_accounts: ['{AUTH_ACCOUNT_ID}'], rules: { '#': ['GET'] } }] } } } } }));
    await run('GET', demo('/token_restrictions'), 200);
    await run('DELETE', demo('/token_restrictions'), 200);
    await run('GET', demo('/metaflows'), 200);
    await run('POST', demo('/metaflows'), 200, withToken({ data: { binding_digit: '*', numbers: { '2': { module: 'transfer', data: {} } } } }));
    await run('DELETE', demo('/metaflows'), 200);

    // users
    await run('GET', demo('/users'), 200);
    const newUser = (await run('PUT', demo('/users'), 201, withToken({ data: { first_name: 'Sweep', last_name: 'User', username: 'sweep', password: 'sweep-password' } }))).data.id;
    await run('GET', demo(`/users/${newUser}`), 200);
    await run('POST', demo(`/users/${newUser}`), 200, withToken({ data: { first_name: 'Sweep', last_name: 'User', username: 'sweep' } }));
    await run('PATCH', demo(`/users/${newUser}`), 200, withToken({ data: { email: 'sweep@example.com' } }));
    await runBinary('POST', demo(`/users/${newUser}/photo`), 200, new Uint8Array([137, 80, 78, 71]), 'application/octet-stream');
    await runBinary('GET', demo(`/users/${newUser}/photo`), 200);
    await run('DELETE', demo(`/users/${newUser}/photo`), 200);
    await runBinary('GET', demo(`/users/${newUser}/vcard`), 200);
    await run('GET', demo(`/users/${fixtures.user.userId}/cdrs`), 200);
    await run('GET', demo(`/users/${fixtures.user.userId}/cdrs/interaction`), 200);
    await run('GET', demo(`/users/${fixtures.user.userId}/channels`), 200);
    await run('GET', demo(`/users/${fixtures.user.userId}/devices`), 200);
    await run('GET', demo(`/users/${fixtures.user.userId}/recordings`), 200);
    await run('DELETE', demo(`/users/${newUser}`), 200);

    // devices, callflows, quickcall, channels
    await run('GET', demo('/devices'), 200);
    await run('GET', demo('/devices/status'), 200);
    const device = (await run('PUT', demo('/devices'), 201, withToken({ data: { name: 'Sweep phone', owner_id: fixtures.user.userId, sip: { username: 'sweep_phone', password: 'sweep-secret' } } }))).data.id;
    await run('GET', demo(`/devices/${device}`), 200);
    await run('POST', demo(`/devices/${device}`), 200, withToken({ data: { name: 'Sweep phone 2', sip: { username: 'sweep_phone', password: 'sweep-secret' } } }));
    await run('PATCH', demo(`/devices/${device}`), 200, withToken({ data: { enabled: false } }));
    await run('PUT', demo(`/devices/${device}`), statusOf('notifyDevice', 202), withToken({ data: { action: 'notify', data: { event: 'check-sync' } } }));
    await run('POST', demo(`/devices/${device}/sync`), 200);
    await run('GET', demo(`/devices/${device}/channels`), 200);
    await run('GET', demo(`/devices/${device}/quickcall/+14155550177`), statusOf('quickcallFromDevice', 202));
    await run('GET', demo(`/users/${fixtures.user.userId}/quickcall/+14155550178`), statusOf('quickcallFromUser', 202));
    await run('POST', demo(`/users/${fixtures.user.userId}/quickcall/1002`), statusOf('quickcallBlocking', 202));
    await run('DELETE', demo(`/devices/${device}`), 200);
    await run('GET', demo('/callflows'), 200);
    const flow = (await run('PUT', demo('/callflows'), 201, withToken({ data: { name: 'Sweep', numbers: ['5999'], flow: { module: 'user', data: { id: fixtures.user.userId }, children: {} } } }))).data.id;
    await run('GET', demo(`/callflows/${flow}`), 200);
    await run('POST', demo(`/callflows/${flow}`), 200, withToken({ data: { numbers: ['5998'], flow: { module: 'user', data: { id: fixtures.user.userId }, children: {} } } }));
    await run('PATCH', demo(`/callflows/${flow}`), 200, withToken({ data: { name: 'Sweep 2' } }));
    await run('DELETE', demo(`/callflows/${flow}`), 200);
    await run('GET', demo('/channels'), 200);
    await run('GET', '/channels', 200, { token: admin });
    const [ringing, answered] = [store.channels.inAccount(A).find((c) => !c.answered)!, store.channels.inAccount(A).find((c) => c.answered)!];
    await run('GET', demo(`/channels/${answered.id}`), 200);
    await run('PUT', demo(`/channels/${answered.id}`), statusOf('sendChannelMetaflow', 202), withToken({ data: { action: 'metaflow', module: 'hold', data: {} } }));
    await run('POST', demo(`/channels/${ringing.id}`), statusOf('executeChannelAction', 202), withToken({ data: { action: 'hangup' } }));

    // cdrs, recordings, call inspector
    const cdr = first(store.cdrs.all());
    await run('GET', demo('/cdrs'), 200);
    await runBinary('GET', demo('/cdrs'), 200, undefined, undefined, { Accept: 'text/csv' });
    await run('GET', demo('/cdrs/interaction'), 200);
    await run('GET', demo(`/cdrs/${cdr.id}`), 200);
    await run('GET', demo(`/cdrs/legs/${cdr.interaction_id}`), 200);
    await run('GET', demo('/cdrs/summary'), 200);
    const recording = first(store.recordings.all());
    await run('GET', demo('/recordings'), 200);
    await run('GET', demo(`/recordings/${recording.id}`), 200);
    await runBinary('GET', demo(`/recordings/${recording.id}`), 200, undefined, undefined, { Accept: 'audio/mpeg' });
    await run('DELETE', demo(`/recordings/${recording.id}`), 200);
    const inspected = [...store.inspectedCalls.values()].find((call) => call.account_id === A)!;
    await run('GET', demo('/call_inspector'), 200);
    await run('GET', demo(`/call_inspector/${inspected.call_id}`), 200);

    // voicemail
    const box = first(store.vmboxes.all());
    const message = store.voicemailMessages.all().find((m) => m.source_id === box.id)!;
    await run('GET', demo('/vmboxes'), 200);
    await run('GET', demo('/vmboxes/messages'), 200);
    const newBox = (await run('PUT', demo('/vmboxes'), 201, withToken({ data: { name: 'Sweep box', mailbox: '5999' } }))).data.id;
    await run('GET', demo(`/vmboxes/${newBox}`), 200);
    await run('POST', demo(`/vmboxes/${newBox}`), 200, withToken({ data: { name: 'Sweep box', mailbox: '5998' } }));
    await run('PATCH', demo(`/vmboxes/${newBox}`), 200, withToken({ data: { pin: '4321' } }));
    const newMessage = (await run('PUT', demo(`/vmboxes/${newBox}/messages`), 201, withToken({ data: { caller_id_number: '+16465550101', caller_id_name: 'Sweep' } }))).data.media_id as string;
    await runBinary('PUT', demo(`/vmboxes/${newBox}/messages/${newMessage}/raw`), statusOf('uploadVmboxMessageAudio', 200), new Uint8Array([0xff, 0xfb, 0x18, 0xc4]), 'audio/mpeg');
    await run('GET', demo(`/vmboxes/${box.id}/messages`), 200);
    await run('POST', demo(`/vmboxes/${box.id}/messages`), 200, withToken({ data: { folder: 'saved', messages: [message.id] } }));
    await runBinary('POST', demo(`/vmboxes/${box.id}/messages/raw`), 200, JSON.stringify({ data: { messages: [message.id] } }), 'application/json');
    await run('GET', demo(`/vmboxes/${box.id}/messages/${message.id}`), 200);
    await run('POST', demo(`/vmboxes/${box.id}/messages/${message.id}`), 200, withToken({ data: { folder: 'new' } }));
    await runBinary('GET', demo(`/vmboxes/${box.id}/messages/${message.id}/raw`), 200);
    await run('DELETE', demo(`/vmboxes/${box.id}/messages/${message.id}`), 200);
    await run('DELETE', demo(`/vmboxes/${newBox}/messages`), 200, withToken({ data: { messages: [newMessage] } }));
    await run('DELETE', demo(`/vmboxes/${newBox}`), 200);

    // media
    const media = first(store.media.all());
    await run('GET', demo('/media'), 200);
    await run('GET', demo('/media/languages'), 200);
    await run('GET', demo('/media/languages/en-us'), 200);
    await run('GET', demo('/media/prompts'), 200);
    await run('GET', demo('/media/prompts/vm-enter_pass'), 200);
    const newMedia = (await run('PUT', demo('/media'), 201, withToken({ data: { name: 'Sweep greeting', media_source: 'upload' } }))).data.id;
    await run('GET', demo(`/media/${newMedia}`), 200);
    await run('POST', demo(`/media/${newMedia}`), 200, withToken({ data: { name: 'Sweep greeting', media_source: 'upload', description: 'swept' } }));
    await runBinary('POST', demo(`/media/${newMedia}/raw`), 200, new Uint8Array([0xff, 0xfb, 0x18, 0xc4]), 'audio/mpeg');
    await runBinary('GET', demo(`/media/${newMedia}/raw`), 200);
    await runBinary('GET', demo(`/media/${media.id}`), 200, undefined, undefined, { Accept: 'audio/mpeg' });
    await run('DELETE', demo(`/media/${newMedia}`), 200);

    // faxes
    const inbox = store.faxes.all().find((fax) => fax.pvt_account_id === A && fax.folder === 'inbox')!;
    const outbox = store.faxes.all().find((fax) => fax.pvt_account_id === A && fax.folder === 'outbox')!;
    const smtp = first(store.smtpLogs.all());
    const faxBody = { data: { from_number: '+14155550107', to_number: '+16465550111', document: { url: 'https://files.example.com/a.pdf', method: 'get' } } };
    const job = (await run('PUT', demo('/faxes'), 201, withToken(faxBody))).data.id;
    await run('PUT', demo('/faxes/outgoing'), 201, withToken(faxBody));
    await run('GET', demo('/faxes/outgoing'), 200);
    await run('GET', demo(`/faxes/outgoing/${job}`), 200);
    await run('GET', demo('/faxes/incoming'), 200);
    await run('GET', demo(`/faxes/incoming/${'0'.repeat(32)}`), 404);
    await run('GET', demo('/faxes/inbox'), 200);
    await run('GET', demo(`/faxes/inbox/${inbox.id}`), 200);
    await runBinary('GET', demo(`/faxes/inbox/${inbox.id}/attachment`), 200);
    await run('PUT', demo(`/faxes/inbox/${inbox.id}`), 201, withToken({ action: 'forward', data: { to_number: '+16465550112' } }));
    await run('DELETE', demo(`/faxes/inbox/${inbox.id}/attachment`), 200);
    await run('DELETE', demo(`/faxes/inbox/${inbox.id}`), 200);
    await run('GET', demo('/faxes/outbox'), 200);
    await run('GET', demo(`/faxes/outbox/${outbox.id}`), 200);
    await runBinary('GET', demo(`/faxes/outbox/${outbox.id}/attachment`), 200);
    await run('PUT', demo(`/faxes/outbox/${outbox.id}`), 201, withToken({ action: 'resubmit', data: {} }));
    await run('DELETE', demo(`/faxes/outbox/${outbox.id}/attachment`), 200);
    await run('DELETE', demo(`/faxes/outbox/${outbox.id}`), 200);
    await run('GET', demo('/faxes/smtplog'), 200);
    await run('GET', demo(`/faxes/smtplog/${smtp.id}`), 200);
    await run('GET', demo('/faxboxes'), 200);
    const faxbox = (await run('PUT', demo('/faxboxes'), 201, withToken({ data: { name: 'Sweep fax' } }))).data.id;
    await run('GET', demo(`/faxboxes/${faxbox}`), 200);
    await run('POST', demo(`/faxboxes/${faxbox}`), 200, withToken({ data: { name: 'Sweep fax 2' } }));
    await run('PATCH', demo(`/faxboxes/${faxbox}`), 200, withToken({ data: { caller_name: 'Sweep' } }));
    await run('DELETE', demo(`/faxboxes/${faxbox}`), 200);

    // webhooks and websockets
    await run('GET', '/webhooks', 200, {});
    const samples = (await run('GET', '/webhooks/samples', 200, {})).data as string[];
    await run('GET', `/webhooks/samples/${samples[0]}`, 200, {});
    await run('GET', demo('/webhooks/samples'), 200);
    await run('GET', demo(`/webhooks/samples/${samples[0]}`), 200);
    await run('GET', demo('/webhooks'), 200);
    const hook = (await run('PUT', demo('/webhooks'), 201, withToken({ data: { name: 'Sweep hook', uri: 'https://hooks.example.com/sweep', hook: 'channel_create' } }))).data.id;
    await run('GET', demo(`/webhooks/${hook}`), 200);
    await run('POST', demo(`/webhooks/${hook}`), 200, withToken({ data: { name: 'Sweep hook', uri: 'https://hooks.example.com/sweep2', hook: 'channel_destroy' } }));
    await run('PATCH', demo(`/webhooks/${hook}`), 200, withToken({ data: { retries: 4 } }));
    await run('GET', demo(`/webhooks/${hook}/attempts`), 200);
    await run('GET', demo('/webhooks/attempts'), 200);
    await run('PATCH', demo('/webhooks'), 200, withToken({ data: { 're-enable': true } }));
    await run('PATCH', `/accounts/${fixtures.reseller.accountId}/descendants/webhooks`, 200, { token: admin, body: { data: { 're-enable': true } } });
    await run('DELETE', demo(`/webhooks/${hook}`), 200);
    const socket = env.sim.store.websockets.find((s) => s.account_id === A)!;
    await run('GET', '/websockets', 200, {});
    await run('GET', demo('/websockets'), 200);
    await run('GET', demo(`/websockets/${socket.websocket_session_id}`), 200);

    // conferences
    const conference = first(store.conferences.all());
    await run('GET', demo('/conferences'), 200);
    const room = (await run('PUT', demo('/conferences'), 201, withToken({ data: { name: 'Sweep room', conference_numbers: ['3999'] } }))).data.id;
    await run('GET', demo(`/conferences/${room}`), 200);
    await run('POST', demo(`/conferences/${room}`), 200, withToken({ data: { name: 'Sweep room 2' } }));
    await run('PATCH', demo(`/conferences/${room}`), 200, withToken({ data: { play_name_on_join: true } }));
    await run('PUT', demo(`/conferences/${conference.id}`), 202, withToken({ data: { action: 'lock' } }));
    await run('GET', demo(`/conferences/${conference.id}/participants`), 200);
    await run('PUT', demo(`/conferences/${conference.id}/participants`), 202, withToken({ data: { action: 'mute' } }));
    await run('GET', demo(`/conferences/${conference.id}/participants/1`), 200);
    await run('PUT', demo(`/conferences/${conference.id}/participants/1`), 202, withToken({ data: { action: 'deaf' } }));
    await run('DELETE', demo(`/conferences/${room}`), 200);

    // registrations
    const registration = store.registrations.find((r) => r.account_id === A)!;
    await run('GET', demo('/registrations'), 200);
    await run('GET', demo('/registrations/count'), 200);
    await run('DELETE', demo(`/registrations/${registration.username}`), 200);
    await run('DELETE', demo('/registrations'), 200);

    // phone numbers
    await run('GET', demo('/phone_numbers'), 200);
    await run('GET', demo('/phone_numbers?prefix=415&quantity=2'), 200);
    await run('GET', '/phone_numbers?prefix=415&quantity=2', 200, {});
    await run('GET', demo('/phone_numbers/carriers_info'), 200);
    await run('POST', demo('/phone_numbers/check'), 200, withToken({ data: { numbers: ['+14155550150'] } }));
    await run('GET', demo('/phone_numbers/classifiers'), 200);
    await run('GET', demo('/phone_numbers/classifiers/4155550150'), 200);
    await run('PUT', demo('/phone_numbers/collection'), 201, withToken({ data: { numbers: ['+14155550160', '+14155550161'] } }));
    await run('POST', demo('/phone_numbers/collection'), 200, withToken({ data: { numbers: ['+14155550160'], cnam: { display_name: 'Sweep' } } }));
    await run('PATCH', demo('/phone_numbers/collection'), 200, withToken({ data: { numbers: ['+14155550160'], features: ['cnam'] } }));
    await run('PUT', demo('/phone_numbers/collection/activate'), 402, withToken({ data: { numbers: ['+14155550161', '+14155550162'] } }));
    await run('PUT', demo('/phone_numbers/collection/activate'), 201, withToken({ data: { numbers: ['+14155550161', '+14155550162'], accept_charges: true } }));
    await run('DELETE', demo('/phone_numbers/collection'), 200, withToken({ data: { numbers: ['+14155550160', '+14155550161', '+14155550162'] } }));
    await run('POST', demo('/phone_numbers/fix'), 200);
    await run('POST', demo('/phone_numbers/fix/+14155550100'), 200);
    await run('POST', demo('/phone_numbers/locality'), 200, withToken({ data: { numbers: ['+14155550100'] } }));
    await run('GET', demo('/phone_numbers/prefix?city=Boston'), 200);
    await run('GET', demo('/phone_numbers/+14155550100'), 200);
    await run('GET', demo('/phone_numbers/+14155550100/identify'), 200);
    await run('PUT', demo('/phone_numbers/+14155550170'), 201, withToken({ data: {} }));
    await run('POST', demo('/phone_numbers/+14155550170'), 200, withToken({ data: { cnam: { display_name: 'Sweep' } } }));
    await run('PATCH', demo('/phone_numbers/+14155550170'), 200, withToken({ data: { features: [] } }));
    await run('PUT', demo('/phone_numbers/+14155550170/activate'), statusOf('activatePhoneNumber', 200), withToken({ data: {} }));
    await run('PUT', demo('/phone_numbers/+14155550171/reserve'), 201, withToken({ data: {} }));
    await run('PUT', demo('/phone_numbers/+14155550172/port'), 201, withToken({ data: {} }));
    await run('DELETE', demo('/phone_numbers/+14155550170'), 200);

    const missing = contract.operations.map((op) => op.operationId).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
    expect(env.sim.violations).toEqual([]);
    env.sim.reset();

    /** A download or raw upload: the status and, for downloads, a non-JSON body. */
    async function runBinary(method: string, path: string, status: number, body?: Uint8Array | string, contentType?: string, headers: Record<string, string> = {}): Promise<void> {
      const found = contract.match(method, `${basePath}${path}`);
      expect(found.kind, `${method} ${path}`).toBe('operation');
      const response = await fetch(`${env.server.baseUrl}${path}`, {
        method,
        headers: { 'X-Auth-Token': token, ...(contentType ? { 'Content-Type': contentType } : {}), ...headers },
        ...(body === undefined ? {} : { body: body as BodyInit }),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(response.status, `${method} ${path}: ${new TextDecoder().decode(bytes.slice(0, 300))}`).toBe(status);
      if (found.kind === 'operation') covered.add(found.operation.operationId);
    }

    /** The success status the contract declares for an operation (Kazoo answers some actions 202). */
    function statusOf(operationId: string, preferred: number): number {
      const declared = Object.keys(contract.operation(operationId).responses).map(Number).filter((code) => code < 300);
      return declared.includes(preferred) ? preferred : declared[0]!;
    }
  });
});
