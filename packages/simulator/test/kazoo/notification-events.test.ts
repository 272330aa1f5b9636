import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectBlackhole, subscribe } from './blackhole-client.js';
import { gregorian, START, startKazoo, type Json, type KazooEnv } from './harness.js';
import { startReceiver } from '../webhook-receiver.js';

let env: KazooEnv;
let token: string;
let demoId: string;
/** What each test set up and must undo: hooks, receivers, sockets. */
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  // Kazoo's own timeout: a local receiver on a loaded machine must never look like a timeout here.
  env = await startKazoo({ webhooks: { requestTimeoutMs: 10_000 } });
  demoId = env.fixtures.demo.accountId;
  token = await env.apiToken();
});
afterEach(async () => {
  await env.sim.webhooks.idle();
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  expect(env.sim.violations).toEqual([]);
});
afterAll(() => env.close());

/** A receiver behind a JSON `notifications` hook of the demo account for `type`; removed after the test. */
async function notificationsHook(type: string): Promise<{ requests: { body: string }[] }> {
  const target = await startReceiver();
  cleanups.push(() => target.close());
  const fields = { name: `notifications ${type}`, hook: 'notifications', uri: `${target.url}/${type}`, format: 'json', custom_data: { type } };
  const { status, body } = await env.callJson('PUT', env.demo('/webhooks'), { token, body: { data: fields } });
  expect(status).toBe(201);
  cleanups.push(() => env.sim.store.webhooks.delete(body.data.id));
  return target;
}

const bodiesOf = (target: { requests: { body: string }[] }): Json[] => target.requests.map((request) => JSON.parse(request.body) as Json);

/** Queues an outgoing fax over REST; resolves with the job once every webhook delivery is done. */
async function sendFax(): Promise<Json> {
  const fax = { from_number: '+14155550107', to_number: '+16465550111', document: { url: 'https://files.example.com/q.pdf' } };
  const { status, body } = await env.callJson('PUT', env.demo('/faxes/outgoing'), { token, body: { data: fax } });
  expect(status).toBe(201);
  await env.sim.webhooks.idle();
  return body.data;
}

describe('an outgoing fax', () => {
  it('reports its progress on fax.status.<job id> to blackhole subscribers', async () => {
    const client = await connectBlackhole(env.server.websocketUrl);
    cleanups.push(() => client.socket.terminate());
    expect((await client.command({ ...subscribe(demoId, 'fax.status.*'), auth_token: token })).status).toBe('success');
    const job = await sendFax();
    const frames = [await client.next(), await client.next(), await client.next()];
    expect(frames.map((frame) => frame.data.status)).toEqual(['processing', 'sending', 'completed']);
    for (const frame of frames) {
      expect(frame).toMatchObject({ action: 'event', subscribed_key: 'fax.status.*', name: 'status', routing_key: `fax.${demoId}.status.${job.id}` });
      expect(frame.data).toMatchObject({ job_id: job.id, account_id: demoId, direction: 'outgoing', event_category: 'fax', event_name: 'status' });
    }
    expect(frames[2]!.data.fax_info).toEqual({ fax_transferred_pages: 1, fax_total_pages: 1 });
  });

  it('fires the outbound_fax notification to hooks of that type and of all, not of another type', async () => {
    const [outbound, all, voicemail] = await Promise.all([notificationsHook('outbound_fax'), notificationsHook('all'), notificationsHook('voicemail_new')]);
    const job = await sendFax();
    const expected = {
      event_category: 'notification',
      event_name: 'outbound_fax',
      account_id: demoId,
      app_name: 'fax',
      fax_id: job.id,
      caller_id_number: '+14155550107',
      callee_id_number: '+16465550111',
      fax_timestamp: gregorian(START),
    };
    expect(bodiesOf(outbound)).toEqual([expect.objectContaining({ ...expected, type: 'outbound_fax' })]);
    expect(bodiesOf(all)).toEqual([expect.objectContaining({ ...expected, type: 'all' })]);
    expect(voicemail.requests).toEqual([]);
  });

  it('fires again for a resubmitted outbox fax', async () => {
    const outbound = await notificationsHook('outbound_fax');
    const sent = env.sim.store.faxes.inAccount(demoId).find((fax) => fax.folder === 'outbox')!;
    const { status, body } = await env.callJson('PUT', env.demo(`/faxes/outbox/${sent.id}`), { token, body: { action: 'resubmit', data: {} } });
    expect(status).toBe(201);
    await env.sim.webhooks.idle();
    expect(bodiesOf(outbound)).toEqual([expect.objectContaining({ event_name: 'outbound_fax', fax_id: body.data.id, caller_id_number: sent.from_number })]);
  });
});

describe('a new voicemail message', () => {
  it('fires voicemail_new to hooks of that type and of all, not of another type', async () => {
    const [voicemail, all, outbound] = await Promise.all([notificationsHook('voicemail_new'), notificationsHook('all'), notificationsHook('outbound_fax')]);
    const box = env.sim.store.vmboxes.inAccount(demoId)[0]!;
    const message = { caller_id_number: '+16465550177', caller_id_name: 'SAN FRANCISCO CA', length: 17_000 };
    const { status, body } = await env.callJson('PUT', env.demo(`/vmboxes/${box.id}/messages`), { token, body: { data: message } });
    expect(status).toBe(201);
    await env.sim.webhooks.idle();
    const expected = { event_category: 'notification', event_name: 'voicemail_new', account_id: demoId, voicemail_box: box.id, voicemail_id: body.data.media_id, voicemail_length: 17_000, caller_id_number: '+16465550177', caller_id_name: 'SAN FRANCISCO CA' };
    expect(bodiesOf(voicemail)).toEqual([expect.objectContaining(expected)]);
    expect(bodiesOf(all)).toEqual([expect.objectContaining(expected)]);
    expect(outbound.requests).toEqual([]);
  });

  it('stays quiet for a message filed straight into saved', async () => {
    const all = await notificationsHook('all');
    const box = env.sim.store.vmboxes.inAccount(demoId)[0]!;
    expect((await env.callJson('PUT', env.demo(`/vmboxes/${box.id}/messages`), { token, body: { data: { folder: 'saved' } } })).status).toBe(201);
    await env.sim.webhooks.idle();
    expect(all.requests).toEqual([]);
  });
});
