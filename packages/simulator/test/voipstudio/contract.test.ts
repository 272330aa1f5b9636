import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterQuery, startSimulator, type CallOptions, type Json } from './harness.js';

let env: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  env = await startSimulator();
});
afterAll(() => env.close());

describe('the VoIPstudio contract', () => {
  it('matches operations by method and path template, .mp3 and .pdf included', () => {
    const { contract, basePath } = env.sim.app;
    const match = (method: string, path: string) => {
      const found = contract.match(method, `${basePath}${path}`);
      return found.kind === 'operation' ? [found.operation.operationId, found.pathParams] : found.kind;
    };
    expect(basePath).toBe('/v1.2/voipstudio');
    expect(match('GET', '/monitors/2200001.mp3')).toEqual(['downloadMonitorAudio', { id: '2200001' }]);
    expect(match('GET', '/monitors/2200001')).toEqual(['getMonitor', { id: '2200001' }]);
    expect(match('GET', '/faxes/3301.pdf')).toEqual(['downloadFaxPdf', { id: '3301' }]);
    expect(match('DELETE', '/chatmsgs/1,2')).toEqual(['deleteChatMessages', { ids: '1,2' }]);
    expect(match('GET', '/callmeback/settings')).toEqual(['listCallMeBackSettings', {}]);
    expect(match('PUT', '/contacts/1')).toBe('method-not-allowed');
    expect(match('GET', '/recordings')).toBe('not-found');
  });

  it('answers unknown routes with 404 and wrong methods with 405, in the VoIPstudio error shape', async () => {
    const missing = await env.callJson('GET', '/recordings');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: expect.stringContaining('/recordings'), errors: [] });
    const wrong = await env.callJson('PUT', '/contacts/90001', { body: {} });
    expect(wrong.status).toBe(405);
    expect(wrong.response.headers.get('allow')).toBe('GET, DELETE, PATCH');
    expect(wrong.response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers requests that break the contract with 400 and the offending fields', async () => {
    const bad = await env.callJson('POST', '/calls', { body: { to: '', from: 'me' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('Validation error');
    expect(bad.body.errors).toEqual(expect.arrayContaining([{ field: 'to', message: 'must NOT have fewer than 1 characters' }, { field: 'from', message: 'must be integer' }]));
    expect((await env.callJson('GET', '/cdrs/not-a-number')).body.errors).toEqual([{ field: 'id', message: 'must be integer' }]);
  });

  it('allows browsers to send the auth headers (CORS preflight)', async () => {
    const preflight = await fetch(`${env.server.baseUrl}/cdrs`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-auth-token,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['x-auth-token', 'authorization', 'content-type']));
  });
});

describe('faults through the control endpoints', () => {
  const control = (path: string, body?: unknown) =>
    fetch(`${env.server.baseUrl}/__sim${path}`, {
      method: body === undefined ? 'DELETE' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });

  it('injects a 503 in the VoIPstudio error shape, then recovers', async () => {
    expect((await control('/faults', { type: 'status', status: 503, times: 1, path: '/cdrs' })).status).toBe(201);
    const failed = await env.callJson('GET', '/cdrs');
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ message: expect.any(String), errors: [] });
    expect((await env.call('GET', '/cdrs')).status).toBe(200);
  });

  it('injects 429 with Retry-After and drops connections', async () => {
    await control('/faults', [{ type: 'rate-limit', retryAfter: 2, times: 1 }, { type: 'drop', method: 'GET', path: '/me', times: 1 }]);
    const limited = await env.call('GET', '/ping');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    await expect(env.call('GET', '/me')).rejects.toThrow(TypeError);
    expect((await env.call('GET', '/me')).status).toBe(200);
  });

  it('reports health and resets the data', async () => {
    await env.call('DELETE', '/contacts/90001');
    expect(await (await fetch(`${env.server.url}/__sim/health`)).json()).toMatchObject({ status: 'ok', platform: 'voipstudio' });
    expect((await fetch(`${env.server.url}/__sim/reset`, { method: 'POST' })).status).toBe(204);
    expect((await env.call('GET', '/contacts/90001')).status).toBe(200);
  });
});

describe('every operation', () => {
  it('answers every operation of the spec within the contract', async () => {
    env.sim.reset();
    const { contract, basePath } = env.sim.app;
    const covered = new Set<string>();
    // Successful downloads are not JSON, so they are called directly and marked covered by hand.
    const run = async (operationId: string, method: string, path: string, status: number, options?: CallOptions): Promise<Json> => {
      const found = contract.match(method, `${basePath}${path.split('?')[0]}`);
      expect(found.kind === 'operation' && found.operation.operationId, `${method} ${path}`).toBe(operationId);
      const { status: actual, body } = await env.callJson(method, path, options);
      expect(actual, `${operationId}: ${JSON.stringify(body)}`).toBe(status);
      covered.add(operationId);
      return body;
    };
    const anonymous = (body: unknown): CallOptions => ({ token: null, body });

    const session = (await run('login', 'POST', '/login', 200, anonymous({ email: 'demo@example.com', password: 'demo-password' }))).user_token;
    const { nonce } = await run('login', 'POST', '/login', 202, anonymous({ email: '2fa@example.com', password: 'demo-password' }));
    await run('loginTwoFactor', 'POST', '/login2fa', 200, anonymous({ code: '123456', nonce }));
    await run('ping', 'GET', '/ping', 200);
    await run('getMe', 'GET', '/me', 200);
    await run('listUsers', 'GET', '/users', 200);
    const token = (await run('createApiToken', 'POST', '/apitokens', 201, { token: session, body: { name: 'sweep', expiry: 0 } })).data.token;
    await run('listApiTokens', 'GET', '/apitokens', 200, { token: session });
    await run('deleteApiToken', 'DELETE', `/apitokens/${token}`, 204, { token: session });

    const call = (await run('makeCall', 'POST', '/calls', 201, { body: { to: '447700900555' } })).data.id;
    await run('listCalls', 'GET', '/calls', 200);
    await run('getCall', 'GET', `/calls/${call}`, 200);
    await run('updateCall', 'PATCH', `/calls/${call}`, 200, { body: { state: 'CONNECTED' } });
    await run('hangUpCall', 'DELETE', `/calls/${call}`, 204);
    await run('getCall', 'GET', `/calls/${call}`, 404);
    await run('makeCall', 'POST', '/calls', 412, { body: { to: '447700900555', from: env.sim.fixtures.offlineUserId } });
    await run('createWebcall', 'POST', '/webcalls', 201, { body: { from: '447700900556', to: '601' } });
    await run('createLeadcall', 'POST', '/leadcalls', 201, { body: { caller_id: '442079460100', to: '447700900557', tts: 'Hello' } });

    await run('listCdrs', 'GET', `/cdrs?limit=5000&sort=calldate&dir=DESC&${filterQuery({ property: 'type', operator: 'in', value: ['I', 'O'] })}`, 200);
    await run('listCdrs', 'GET', '/cdrs?group_by=user_id', 200);
    await run('getCdr', 'GET', '/cdrs/7340010001', 200);
    await run('getCdr', 'GET', '/cdrs/1', 404);
    const monitor = (await run('listMonitors', 'GET', '/monitors?limit=1', 200)).data[0].id;
    await run('getMonitor', 'GET', `/monitors/${monitor}`, 200);
    await env.call('GET', `/monitors/${monitor}.mp3`).then((r) => expect(r.status).toBe(200));
    covered.add('downloadMonitorAudio');
    const voicemail = (await run('listVoicemessages', 'GET', '/voicemessages?limit=1', 200)).data[0].id;
    await env.call('GET', `/voicemessages/${voicemail}.mp3`).then((r) => expect(r.status).toBe(200));
    covered.add('downloadVoicemessageAudio');
    await run('listChats', 'GET', '/chats', 200);
    await run('getChat', 'GET', '/chats/7001', 200);
    await run('deleteChatMessages', 'DELETE', '/chatmsgs/7001001,7001002', 204);
    await run('deleteAllChatMessages', 'DELETE', `/chatmsgs?${filterQuery({ property: 'chat_id', operator: 'eq', value: 7002 })}`, 204);
    await run('listConversations', 'GET', '/conversations', 200);

    const sms = (await run('sendSms', 'POST', '/sms', 201, { body: { to: '447700900558', message: 'Hi' } })).data.id;
    await run('getSms', 'GET', `/sms/${sms}`, 200);
    await run('listSms', 'GET', '/sms', 200);
    await run('deleteSms', 'DELETE', `/sms?${filterQuery({ property: 'id', operator: 'eq', value: sms })}`, 202);
    const fax = (await run('listFaxes', 'GET', '/faxes', 200)).data[0].id;
    await env.call('GET', `/faxes/${fax}.pdf`).then((r) => expect(r.status).toBe(200));
    covered.add('downloadFaxPdf');
    const transactions = (await run('listTransactions', 'GET', '/transactions?limit=100', 200)).data as Json[];
    await env.call('GET', `/transactions/${transactions[0]!.id}.pdf`).then((r) => expect(r.status).toBe(200));
    await run('downloadTransactionPdf', 'GET', `/transactions/${transactions.at(-1)!.id}.pdf`, 400);

    const group = (await run('createQueueGroup', 'POST', '/queuegroups', 201, { body: { name: 'Sweep' } })).data.id;
    await run('listQueueGroups', 'GET', '/queuegroups', 200);
    await run('getQueueGroup', 'GET', `/queuegroups/${group}`, 200);
    await run('updateQueueGroup', 'PATCH', `/queuegroups/${group}`, 200, { body: { name: 'Sweep 2' } });
    await run('deleteQueueGroup', 'DELETE', `/queuegroups/${group}`, 204);
    const contact = (await run('createContact', 'POST', '/contacts', 201, { body: { first_name: 'Sweep', labels: ['a'] } })).data.id;
    await run('listContacts', 'GET', '/contacts', 200);
    await run('getContact', 'GET', `/contacts/${contact}`, 200);
    await run('updateContact', 'PATCH', `/contacts/${contact}`, 200, { body: { notes: 'updated' } });
    await run('updateContacts', 'PATCH', '/contacts', 200, { body: [{ id: contact, group_name: 'Partners' }] });
    await run('deleteContact', 'DELETE', `/contacts/${contact}`, 204);
    await run('listQueues', 'GET', '/queues?include=users&fields[users]=id,first_name,last_name,status', 200);
    await run('getQueue', 'GET', '/queues/31?include=users', 200);
    await run('updateQueue', 'PATCH', '/queues/31?include=users', 200, { body: { users: [{ id: 1001, status: true }], ring_time: 30 } });
    await run('listDdis', 'GET', '/ddis', 200);
    await run('listCallMeBackSettings', 'GET', '/callmeback/settings', 200);
    await run('deleteCallMeBackSettings', 'DELETE', '/callmeback/settings/16', 204);
    await run('listCallTrackingCampaigns', 'GET', '/calltracking/campaigns', 200);
    await run('requestPasswordReset', 'POST', '/password', 200, anonymous({ email: 'demo@example.com' }));
    const [resetToken] = env.sim.store.passwordResets.keys();
    await run('resetPassword', 'POST', '/reset', 200, anonymous({ token: resetToken, password: 'demo-password' }));
    await run('logout', 'POST', '/logout', 204, { token: session });
    await run('deleteCustomer', 'DELETE', `/customers/${env.sim.fixtures.customerId}`, 204);

    expect([...covered].sort()).toEqual(contract.operations.map((op) => op.operationId).sort());
    expect(env.sim.violations).toEqual([]);
    env.sim.reset();
  });
});
