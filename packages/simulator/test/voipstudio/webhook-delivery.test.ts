import { InvalidArgumentError, webhookEventNames, type VoipstudioWebhookEvents } from '@pbxkit/voipstudio';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVoipstudioSimulator, type VoipstudioSimulatorOptions } from '../../src/index.js';
import { refusedUrl, startReceiver } from '../webhook-receiver.js';
import { startEventReceiver } from './event-receiver.js';
import { startSimulator } from './harness.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A simulator over HTTP whose every violation fails the test; long timeout unless told. */
async function simulator(options: VoipstudioSimulatorOptions = {}) {
  const env = await startSimulator({ webhookTimeoutMs: 10_000, ...options });
  closers.push(async () => {
    await env.sim.webhooks.idle();
    await env.close();
  });
  return env;
}

async function eventReceiver() {
  const receiver = await startEventReceiver();
  closers.push(receiver.close);
  return receiver;
}

/** A spec-valid payload (beyond `id`, `event_time`, `event_name`) for every event. */
const SAMPLES: { [N in keyof VoipstudioWebhookEvents]: Partial<VoipstudioWebhookEvents[N]> } = {
  'call.ringing': { call_id: 1, state: 'RINGING' },
  'call.connected': { call_id: 1, state: 'CONNECTED', connected_at: '2026-11-20 10:00:07' },
  'call.hangup': { call_id: 1, state: 'HANGUP', duration: 42, t_cause: 'Normal Clearing' },
  'call.missed': { call_id: 2, state: 'MISSED', t_cause: 'No Answer' },
  'call.dtmf': { call_id: 3, state: 'DTMF_RECEIVED', dtmf_tag: '*', dtmf_target: 'U:1001' },
  'sms.received': { from_no: '447700900555', to_no: '447700900100', text: 'Hi' },
  'monitor.audio_ready': { monitor_id: 2200001, call_id: 1, duration: 42, size: 1024 },
};

describe('sim.webhooks.emit', () => {
  it('delivers every documented event as a JSON POST the client’s receiver accepts', async () => {
    const { sim } = await simulator();
    const receiver = await eventReceiver();
    sim.webhooks.add({ url: receiver.url });
    const sent = webhookEventNames.map((name) => sim.webhooks.emit(name, SAMPLES[name]));
    expect(await receiver.received(webhookEventNames.length)).toEqual(sent);
    expect(sent.map((event) => event.event_name)).toEqual(webhookEventNames);
    expect(sent[0]).toMatchObject({ id: expect.any(String), event_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
    await sim.webhooks.idle();
    expect(sim.webhooks.deliveries.map((d) => d.status)).toEqual(webhookEventNames.map(() => 200));
    expect(sim.violations).toEqual([]);
  });

  it('records a payload outside the spec as a violation, and sends it anyway', async () => {
    const { sim } = await simulator();
    const target = await startReceiver();
    closers.push(target.close);
    sim.webhooks.add({ url: target.url });
    sim.webhooks.emit('call.hangup', { call_id: 'not a number' } as never);
    await sim.webhooks.idle();
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]!.headers['content-type']).toBe('application/json');
    expect(sim.violations).toEqual([
      {
        method: 'POST',
        path: 'webhook call.hangup',
        status: 0,
        violations: expect.arrayContaining([{ at: 'data/call_id', message: 'must be integer' }, { at: 'data/state', message: 'is required' }]),
      },
    ]);
  });

  it('refuses unknown event names and fields that are not an object', async () => {
    const { sim } = await simulator();
    expect(() => sim.webhooks.emit('call.transferred' as never)).toThrow(InvalidArgumentError);
    expect(() => sim.webhooks.emit('call.hangup', 'x' as never)).toThrow(InvalidArgumentError);
    expect(() => sim.webhooks.emit('call.hangup', null as never)).toThrow(InvalidArgumentError);
  });
});

describe('subscriptions', () => {
  it('sends a webhook only the events it names, and nothing once removed', async () => {
    const { sim, callJson, call } = await simulator();
    const everything = await eventReceiver();
    const hangups = await eventReceiver();
    sim.webhooks.add({ url: everything.url });
    const remove = sim.webhooks.add({ url: hangups.url, events: ['call.hangup'] });
    const made = (await callJson('POST', '/calls', { body: { to: '447700900555' } })).body.data;
    await call('DELETE', `/calls/${made.id}`);
    await everything.received(2);
    expect((await hangups.received(1)).map((e) => [e.event_name, e.call_id])).toEqual([['call.hangup', made.id]]);
    remove();
    sim.webhooks.emit('call.hangup', SAMPLES['call.hangup']);
    await everything.received(3);
    await sim.webhooks.idle();
    expect(hangups.events).toHaveLength(1);
  });

  it('starts with the webhooks of the options and goes back to them on reset()', async () => {
    const configured = await eventReceiver();
    const added = await eventReceiver();
    const { sim } = await simulator({ webhooks: [{ url: configured.url, events: ['sms.received'] }] });
    sim.webhooks.add({ url: added.url });
    sim.webhooks.emit('sms.received', SAMPLES['sms.received']);
    await sim.webhooks.idle();
    expect(sim.webhooks.deliveries.map((d) => d.url).sort()).toEqual([added.url, configured.url].sort());
    sim.reset();
    expect(sim.webhooks.deliveries).toEqual([]);
    sim.webhooks.emit('sms.received', SAMPLES['sms.received']);
    await sim.webhooks.idle();
    expect(sim.webhooks.deliveries.map((d) => d.url)).toEqual([configured.url]);
    expect(added.events).toHaveLength(1);
  });

  it('refuses bad subscriptions and options with an InvalidArgumentError', () => {
    const sim = createVoipstudioSimulator();
    const bad: unknown[] = [
      null,
      'https://hooks.example.com',
      {},
      { url: 'not a url' },
      { url: 'ftp://hooks.example.com/x' },
      { url: 'https://hooks.example.com', events: [] },
      { url: 'https://hooks.example.com', events: 'call.hangup' },
      { url: 'https://hooks.example.com', events: ['call.hangup', 'call.transferred'] },
    ];
    for (const subscription of bad) expect(() => sim.webhooks.add(subscription as never), JSON.stringify(subscription)).toThrow(InvalidArgumentError);
    expect(() => createVoipstudioSimulator({ webhooks: {} as never })).toThrow(InvalidArgumentError);
    expect(() => createVoipstudioSimulator({ webhooks: [{ url: 'mailto:a@example.com' }] })).toThrow(/webhooks\[0\]\.url/);
    for (const webhookTimeoutMs of [0, -1, Number.NaN, '500']) {
      expect(() => createVoipstudioSimulator({ webhookTimeoutMs: webhookTimeoutMs as never })).toThrow(InvalidArgumentError);
    }
  });
});

describe('failed deliveries', () => {
  it('records the status or the connection error of each webhook, once, without failing the others', async () => {
    const { sim } = await simulator();
    const failing = await startReceiver(() => 500);
    const closing = await startReceiver(() => 'close');
    closers.push(failing.close, closing.close);
    const refused = await refusedUrl();
    for (const url of [failing.url, closing.url, refused, 'https://hooks.example.com/voipstudio']) sim.webhooks.add({ url });
    const event = sim.webhooks.emit('call.ringing', SAMPLES['call.ringing']);
    await sim.webhooks.idle();
    const byUrl = Object.fromEntries(sim.webhooks.deliveries.map(({ url, ...rest }) => [url, rest]));
    expect(byUrl).toEqual({
      [failing.url]: { event: 'call.ringing', eventId: event.id, status: 500 },
      [closing.url]: { event: 'call.ringing', eventId: event.id, error: 'socket_closed_remotely' },
      [refused]: { event: 'call.ringing', eventId: event.id, error: 'econnrefused' },
      'https://hooks.example.com/voipstudio': { event: 'call.ringing', eventId: event.id, error: 'nxdomain' },
    });
    // One attempt each: no retry policy is documented.
    expect([failing.requests.length, closing.requests.length]).toEqual([1, 1]);
    expect(sim.violations).toEqual([]);
  });

  it('gives up on a receiver that never answers after webhookTimeoutMs', async () => {
    const { sim } = await simulator({ webhookTimeoutMs: 200 });
    const silent = await startReceiver(() => 'hang');
    closers.push(silent.close);
    sim.webhooks.add({ url: silent.url });
    sim.webhooks.emit('call.hangup', SAMPLES['call.hangup']);
    await sim.webhooks.idle();
    expect(sim.webhooks.deliveries).toEqual([expect.objectContaining({ error: 'timeout' })]);
  });

  it('answers the REST request while the delivery is still in flight; idle() waits for it', async () => {
    const { sim, callJson } = await simulator();
    const silent = await startReceiver(() => 'hang');
    sim.webhooks.add({ url: silent.url });
    expect((await callJson('POST', '/calls', { body: { to: '447700900555' } })).status).toBe(201);
    await vi.waitFor(() => expect(silent.requests).toHaveLength(1));
    expect(sim.webhooks.deliveries).toEqual([]);
    let idle = false;
    const waiting = sim.webhooks.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    await silent.close();
    await waiting;
    expect(sim.webhooks.deliveries).toEqual([expect.objectContaining({ event: 'call.ringing', error: 'socket_closed_remotely' })]);
  });

  it('idle() resolves at once when nothing was sent', async () => {
    const { sim } = await simulator();
    await sim.webhooks.idle();
    expect(sim.webhooks.deliveries).toEqual([]);
  });
});
