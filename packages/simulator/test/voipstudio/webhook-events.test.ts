import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEventReceiver } from './event-receiver.js';
import { filterQuery, startSimulator, type Json } from './harness.js';

const START = Date.parse('2026-11-20T10:00:00Z');
let clock = START;
let env: Awaited<ReturnType<typeof startSimulator>>;
let receiver: Awaited<ReturnType<typeof startEventReceiver>>;
let remove: () => void;

beforeAll(async () => {
  // Long enough that a local receiver on a loaded machine never looks like a timeout.
  env = await startSimulator({ now: () => clock, webhookTimeoutMs: 10_000 });
  receiver = await startEventReceiver();
});
beforeEach(() => {
  clock = START;
  env.sim.reset();
  receiver.events.length = 0;
  remove = env.sim.webhooks.add({ url: receiver.url });
});
afterEach(async () => {
  remove();
  await env.sim.webhooks.idle();
  expect(env.sim.violations).toEqual([]);
});
afterAll(async () => {
  await receiver.close();
  await env.close();
});

const seconds = (count: number) => void (clock += count * 1000);

describe('call events from the REST API', () => {
  it('sends call.ringing, call.connected and call.hangup for a call made, answered and hung up', async () => {
    const call = (await env.callJson('POST', '/calls', { body: { to: '+447700900555' } })).body.data as Json;
    seconds(7);
    await env.call('PATCH', `/calls/${call.id}`, { body: { state: 'CONNECTED' } });
    seconds(60);
    await env.call('PATCH', `/calls/${call.id}`, { body: { state: 'ON_HOLD' } });
    await env.call('PATCH', `/calls/${call.id}`, { body: { state: 'CONNECTED' } });
    seconds(5);
    expect((await env.call('DELETE', `/calls/${call.id}`)).status).toBe(204);

    const [ringing, connected, hangup] = await receiver.received(3);
    await env.sim.webhooks.idle();
    // Holding and resuming is no event of its own.
    expect(receiver.events.map((e) => e.event_name)).toEqual(['call.ringing', 'call.connected', 'call.hangup']);
    const common = { call_id: call.id, start_time: '2026-11-20 10:00:00', context: 'LOCAL_USER', destination: 'out', src: '101', src_id: '1001', dst: '447700900555' };
    expect(ringing).toEqual({
      ...common,
      id: expect.stringMatching(/^sim01\.[0-9a-f]{14}\.\d{8}$/),
      event_time: '2026-11-20 10:00:00',
      event_name: 'call.ringing',
      state: 'RINGING',
      connected_at: null,
      duration: 0,
      src_name: call.src_name,
      src_hash: expect.stringMatching(/^[0-9a-f]{40}$/),
      dst_id: '0',
      dst_name: call.dst_name,
    });
    expect(connected).toMatchObject({ ...common, event_name: 'call.connected', event_time: '2026-11-20 10:00:07', state: 'CONNECTED', connected_at: '2026-11-20 10:00:07', duration: 7 });
    expect(hangup).toMatchObject({
      ...common,
      event_name: 'call.hangup',
      event_time: '2026-11-20 10:01:12',
      state: 'HANGUP',
      connected_at: '2026-11-20 10:00:07',
      duration: 72,
      t_cause: 'Normal Clearing',
      terminated_by: 'caller',
      src_hash: ringing!.src_hash,
    });
    expect(new Set(receiver.events.map((e) => e.id)).size).toBe(3);

    const cdr = (await env.callJson('GET', `/cdrs?${filterQuery({ property: 'call_id', operator: 'eq', value: call.id })}`)).body.data[0];
    expect(cdr).toMatchObject({ duration: 72, billsec: 65, t_cause: 'Normal Clearing' });
    expect(env.sim.webhooks.deliveries).toEqual(
      receiver.events.map((e) => ({ url: receiver.url, event: e.event_name, eventId: e.id, status: 200 })),
    );
  });

  it('sends call.missed, then call.hangup, when an inbound call is hung up unanswered', async () => {
    const ringing = (await env.callJson('GET', `/calls?${filterQuery({ property: 'destination', operator: 'eq', value: 'in' })}`)).body.data[0] as Json;
    expect(ringing.state).toBe('RINGING');
    await env.call('DELETE', `/calls/${ringing.id}`);
    const [missed, hangup] = await receiver.received(2);
    const ended = { call_id: ringing.id, destination: 'in', connected_at: null, t_cause: 'No Answer', terminated_by: 'callee', dst_id: '1001', src: ringing.src };
    expect(missed).toMatchObject({ ...ended, event_name: 'call.missed', state: 'MISSED' });
    expect(hangup).toMatchObject({ ...ended, event_name: 'call.hangup', state: 'HANGUP', duration: missed!.duration });
  });

  it('sends call.ringing for web calls and lead calls', async () => {
    const web = await env.callJson('POST', '/webcalls', { body: { from: '+447700900777', to: '601' } });
    const lead = await env.callJson('POST', '/leadcalls', { body: { caller_id: '442079460100', to: '447700900778', tts: 'Your order has shipped.' } });
    expect([web.status, lead.status]).toEqual([201, 201]);
    const events = await receiver.received(2);
    expect(events).toEqual([
      expect.objectContaining({ event_name: 'call.ringing', call_id: web.body.data.id, context: 'WEBCALL', src: '447700900777', dst: '601' }),
      expect.objectContaining({ event_name: 'call.ringing', call_id: lead.body.data.id, context: 'LEADCALL', dst: '447700900778' }),
    ]);
  });

  it('sends nothing for a refused request', async () => {
    expect((await env.call('POST', '/calls', { body: { to: '447700900555', from: env.sim.fixtures.offlineUserId } })).status).toBe(412);
    expect((await env.call('PATCH', '/calls/1', { body: { state: 'CONNECTED' } })).status).toBe(404);
    await env.sim.webhooks.idle();
    expect(env.sim.webhooks.deliveries).toEqual([]);
  });
});

describe('sms.received', () => {
  it('is sent when an SMS goes to one of the account’s own SMS numbers, which then lists it as inbound', async () => {
    const sent = await env.callJson('POST', '/sms', { body: { from: '447700900100', to: '+447700900101', message: 'Ping from sales' } });
    expect(sent.status).toBe(201);
    const [event] = await receiver.received(1);
    expect(event).toEqual({
      id: expect.any(String),
      event_time: '2026-11-20 10:00:00',
      event_name: 'sms.received',
      customer_id: 521156,
      from_no: '447700900100',
      to_no: '447700900101',
      text: 'Ping from sales',
    });
    const inbound = await env.callJson('GET', `/sms?${filterQuery({ property: 'type', operator: 'eq', value: 'I' }, { property: 'message', operator: 'eq', value: 'Ping from sales' })}`);
    expect(inbound.body.data).toEqual([expect.objectContaining({ from: '447700900100', to: '447700900101', result: 'RECEIVED', user_id: null })]);
  });

  it('is not sent for an SMS to an outside number', async () => {
    expect((await env.call('POST', '/sms', { body: { to: '447700900321', message: 'Hello' } })).status).toBe(201);
    await env.sim.webhooks.idle();
    expect(env.sim.webhooks.deliveries).toEqual([]);
  });
});
