import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filterQuery, startSimulator, type Json } from './harness.js';

let env: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  env = await startSimulator();
});
beforeEach(() => env.sim.reset());
afterAll(() => env.close());

describe('contacts', () => {
  it('creates (201 {data, links}), reads, updates and deletes (204, no body), then 404', async () => {
    const created = await env.callJson('POST', '/contacts', { body: { first_name: 'Ada', last_name: 'Byron', tel: '442079460999', group_name: 'Partners' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ data: expect.objectContaining({ first_name: 'Ada', user_id: 1001, internal: false, global: false }), links: {} });
    const id = created.body.data.id as number;
    expect((await env.callJson('GET', `/contacts/${id}`)).body.data.tel).toBe('442079460999');
    const patched = await env.callJson('PATCH', `/contacts/${id}`, { body: { last_name: 'Lovelace', id: 1 } });
    expect(patched.body.data).toMatchObject({ id, last_name: 'Lovelace' });
    const removed = await env.call('DELETE', `/contacts/${id}`);
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    expect((await env.callJson('GET', `/contacts/${id}`)).status).toBe(404);
    expect((await env.call('DELETE', `/contacts/${id}`)).status).toBe(404);
  });

  it('moves contacts to other groups in bulk, and refuses unknown ids', async () => {
    const moved = await env.callJson('PATCH', '/contacts', { body: [{ id: 90001, group_name: 'VIP customers' }, { id: 90002, group_name: 'VIP customers' }] });
    expect(moved.status).toBe(200);
    expect(moved.body.total).toBe(2);
    expect(moved.body.data.map((c: Json) => c.group_name)).toEqual(['VIP customers', 'VIP customers']);
    const vip = await env.callJson('GET', `/contacts?limit=100&${filterQuery({ property: 'group_name', operator: 'eq', value: 'VIP customers' })}`);
    expect(vip.body.data.map((c: Json) => c.id)).toEqual(expect.arrayContaining([90001, 90002]));
    const unknown = await env.callJson('PATCH', '/contacts', { body: [{ id: 1, group_name: 'x' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('0.id');
  });
});

describe('queue groups and queues', () => {
  it('runs queue group CRUD with the documented codes', async () => {
    const created = await env.callJson('POST', '/queuegroups', { body: { name: 'Weekend' } });
    expect(created.status).toBe(201);
    const id = created.body.data.id as number;
    expect((await env.callJson('PATCH', `/queuegroups/${id}`, { body: { name: 'Weekend cover' } })).body.data).toEqual({ id, name: 'Weekend cover' });
    expect((await env.callJson('GET', `/queuegroups/${id}`)).body.data.name).toBe('Weekend cover');
    expect((await env.call('DELETE', `/queuegroups/${id}`)).status).toBe(204);
    expect((await env.call('GET', `/queuegroups/${id}`)).status).toBe(404);
    expect((await env.call('POST', '/queuegroups', { body: { name: '' } })).status).toBe(400);
  });

  it('embeds members with include=users and logs agents in and out', async () => {
    const plain = (await env.callJson('GET', '/queues/31')).body.data;
    expect(plain.users.every((u: unknown) => typeof u === 'number')).toBe(true);
    const outsider = [1001, 1002, 1003, 1004].find((id) => !plain.users.includes(id))!;
    const joined = await env.callJson('PATCH', '/queues/31?include=users', { body: { users: [{ id: outsider, status: true }] } });
    expect(joined.status).toBe(200);
    expect(joined.body.data.users).toContainEqual(expect.objectContaining({ id: outsider, status: true }));
    await env.call('PATCH', '/queues/31', { body: { users: [{ id: outsider, status: false }] } });
    const fields = (await env.callJson('GET', '/queues/31?include=users&fields[users]=status')).body.data.users as Json[];
    expect(fields.find((u) => u.id === outsider)).toEqual({ id: outsider, status: false });
    expect((await env.callJson('PATCH', '/queues/31', { body: { users: [{ id: 5, status: true }] } })).status).toBe(400);
    expect((await env.call('PATCH', '/queues/999', { body: { name: 'x' } })).status).toBe(404);
  });
});

describe('live calls', () => {
  it('makes a call that shows in /calls, answers and transfers it, hangs it up into a CDR', async () => {
    const made = await env.callJson('POST', '/calls', { body: { to: '+447700900555', caller_id: '442079460100' } });
    expect(made.status).toBe(201);
    const call = made.body.data as Json;
    expect(call).toMatchObject({ state: 'RINGING', dst: '447700900555', src_id: '1001' });
    expect(call.id).toBeGreaterThan(2 ** 31);
    expect((await env.callJson('GET', '/calls?limit=100')).body.data.map((c: Json) => c.id)).toContain(call.id);
    const answered = await env.callJson('PATCH', `/calls/${call.id}`, { body: { state: 'CONNECTED' } });
    expect(answered.body.data).toMatchObject({ state: 'CONNECTED', connected_at: expect.any(Number) });
    const transferred = await env.callJson('PATCH', `/calls/${call.id}`, { body: { dst: '102' } });
    expect(transferred.body.data).toMatchObject({ dst: '102', dst_id: '1002', referred_by: '447700900555' });
    const cdrsBefore = (await env.callJson('GET', '/cdrs?limit=1')).body.total as number;
    expect((await env.call('DELETE', `/calls/${call.id}`)).status).toBe(204);
    expect((await env.call('GET', `/calls/${call.id}`)).status).toBe(404);
    expect((await env.call('PATCH', `/calls/${call.id}`, { body: { state: 'CONNECTED' } })).status).toBe(404);
    expect((await env.call('DELETE', `/calls/${call.id}`)).status).toBe(404);
    const after = (await env.callJson('GET', `/cdrs?${filterQuery({ property: 'live_id', operator: 'eq', value: call.id })}`)).body;
    expect(after.total).toBe(1);
    expect(after.data[0]).toMatchObject({ type: 'O', disposition: 'CONNECTED', dst: '102' });
    expect((await env.callJson('GET', '/cdrs?limit=1')).body.total).toBe(cdrsBefore + 1);
  });

  it('answers the seeded call ringing the demo user', async () => {
    const ringing = (await env.callJson('GET', `/calls?${filterQuery({ property: 'state', operator: 'eq', value: 'RINGING' })}`)).body.data[0];
    expect(ringing).toMatchObject({ destination: 'in', dst_id: '1001' });
    expect((await env.callJson('PATCH', `/calls/${ringing.id}`, { body: { state: 'CONNECTED' } })).body.data.state).toBe('CONNECTED');
    expect((await env.call('PATCH', `/calls/${ringing.id}`, { body: { state: 'DANCING' } })).status).toBe(400);
  });

  it('answers 412 when the from user has no device, 400 for an unknown user or without a CLI prefix', async () => {
    const offline = await env.callJson('POST', '/calls', { body: { to: '447700900555', from: env.sim.fixtures.offlineUserId } });
    expect(offline.status).toBe(412);
    expect(offline.body.message).toBe('Unable to make a call with no VoIP clients registered');
    const unknown = await env.callJson('POST', '/calls', { body: { to: '447700900555', from: 31 } });
    expect(unknown.body.errors).toEqual([{ field: 'from', code: 'SF0010', message: 'This value is not valid.' }]);
    env.sim.store.account.cliPrefix = null;
    expect((await env.callJson('POST', '/calls', { body: { to: '447700900555', caller_id: 'anonymous' } })).body.message).toBe('No CLI prefix set');
  });

  it('starts web calls up to the per-minute limit, and lead calls', async () => {
    for (let i = 0; i < 5; i++) expect((await env.call('POST', '/webcalls', { body: { from: '447700900777', to: '601' } })).status).toBe(201);
    const limited = await env.callJson('POST', '/webcalls', { body: { from: '+447700900777', to: '601' } });
    expect(limited.status).toBe(400);
    expect(limited.body.message).toMatch(/^Maximum per minute call rate exceeded for 447700900777/);
    const lead = await env.callJson('POST', '/leadcalls', { body: { caller_id: '442079460100', to: '447700900778', tts: 'Your order has shipped.' } });
    expect(lead.status).toBe(201);
    expect((await env.callJson('GET', `/calls/${lead.body.data.id}`)).body.data.context).toBe('LEADCALL');
  });
});

describe('SMS and chat messages', () => {
  it('sends an SMS from an SMS-capable number and deletes a filtered collection with 202', async () => {
    const sent = await env.callJson('POST', '/sms', { body: { to: '447700900321', message: 'Hello from the simulator' } });
    expect(sent.status).toBe(201);
    expect(sent.body.data).toMatchObject({ from: '447700900100', to: '447700900321', type: 'O', user_id: 1001 });
    expect((await env.callJson('GET', `/sms/${sent.body.data.id}`)).body.data.message).toBe('Hello from the simulator');
    expect((await env.callJson('POST', '/sms', { body: { to: '447700900321', from: '442079460100', message: 'x' } })).status).toBe(400);
    const inbound = filterQuery({ property: 'type', operator: 'eq', value: 'I' });
    const removed = await env.callJson('DELETE', `/sms?${inbound}`);
    expect(removed.status).toBe(202);
    expect((await env.callJson('GET', `/sms?${inbound}`)).body.total).toBe(0);
    expect((await env.callJson('GET', '/sms')).body.total).toBeGreaterThan(0);
    expect((await env.call('DELETE', `/sms?${filterQuery({ property: 'nope', operator: 'eq', value: 1 })}`)).status).toBe(400);
  });

  it('deletes chat messages by comma-separated ids (204, 404 when none exist) and by filter', async () => {
    const [first, second] = env.sim.store.chatMessages.all();
    expect((await env.call('DELETE', `/chatmsgs/${first!.id},${second!.id}`)).status).toBe(204);
    expect(env.sim.store.chatMessages.get(first!.id)).toBeUndefined();
    expect((await env.call('DELETE', `/chatmsgs/${first!.id}`)).status).toBe(404);
    expect((await env.call('DELETE', '/chatmsgs/abc')).status).toBe(400);
    expect((await env.call('DELETE', `/chatmsgs?${filterQuery({ property: 'chat_id', operator: 'eq', value: 7001 })}`)).status).toBe(204);
    expect(env.sim.store.chatMessages.all().some((m) => m.chat_id === 7001)).toBe(false);
  });
});

describe('downloads', () => {
  it('serves a recording as audio/mpeg starting with an MPEG frame sync, as long as its size', async () => {
    const recording = (await env.callJson('GET', '/monitors?limit=1')).body.data[0] as Json;
    const response = await env.call('GET', `/monitors/${recording.id}.mp3`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    const audio = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(audio.length));
    expect(audio.length).toBe(recording.size);
    expect(audio[0]).toBe(0xff);
    expect(audio[1]! & 0xe0).toBe(0xe0);
    expect((await env.call('GET', '/monitors/1.mp3')).status).toBe(404);
  });

  it('serves voicemail audio', async () => {
    const voicemail = (await env.callJson('GET', '/voicemessages?limit=1')).body.data[0] as Json;
    const response = await env.call('GET', `/voicemessages/${voicemail.id}.mp3`);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(new Uint8Array(await response.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0xff, 0xfb]));
  });

  it('serves fax and invoice PDFs, and "not completed yet" for a pending transaction', async () => {
    const fax = (await env.callJson('GET', '/faxes?limit=1')).body.data[0] as Json;
    const pdf = await env.call('GET', `/faxes/${fax.id}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = new TextDecoder().decode(await pdf.arrayBuffer());
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.headers.get('content-length')).toBe(String(text.length));
    const transactions = (await env.callJson('GET', '/transactions?limit=100')).body.data as Json[];
    const done = transactions.find((t) => t.result === 'COMPLETED')!;
    const pending = transactions.find((t) => t.result === 'PENDING')!;
    expect((await env.call('GET', `/transactions/${done.id}.pdf`)).headers.get('content-type')).toBe('application/pdf');
    const refused = await env.callJson('GET', `/transactions/${pending.id}.pdf`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/not completed yet/i);
  });
});

describe('account and settings', () => {
  it('deletes call-me-back settings', async () => {
    expect((await env.call('DELETE', '/callmeback/settings/15')).status).toBe(204);
    expect((await env.callJson('GET', '/callmeback/settings')).body.data.map((s: Json) => s.id)).not.toContain(15);
  });

  it('deletes the customer account: every credential stops working until a reset', async () => {
    expect((await env.call('DELETE', '/customers/1')).status).toBe(404);
    expect((await env.call('DELETE', `/customers/${env.sim.fixtures.customerId}`)).status).toBe(204);
    expect((await env.call('GET', '/ping')).status).toBe(401);
    expect((await env.call('POST', '/login', { token: null, body: { email: 'demo@example.com', password: 'demo-password' } })).status).toBe(400);
    expect((await fetch(`${env.server.baseUrl}/__sim/reset`, { method: 'POST' })).status).toBe(204);
    expect((await env.call('GET', '/ping')).status).toBe(200);
  });
});

it('records no contract violations', () => {
  expect(env.sim.violations).toEqual([]);
});
