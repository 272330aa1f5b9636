/**
 * The VoIPstudio client end to end, against the built-in simulator (or a real account: set
 * VOIPSTUDIO_BASE_URL, VOIPSTUDIO_EMAIL and VOIPSTUDIO_PASSWORD; the fault-injection step is then skipped).
 *
 *   pnpm demo:run
 */
import { createVoipstudioSimulator } from '@pbxkit/simulator';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createVoipstudioClient,
  createVoipstudioWebhookReceiver,
  isWebhookEvent,
  NotFoundError,
  parseWebhookEvent,
  where,
  type Cdr,
} from '@pbxkit/voipstudio';

const real = process.env.VOIPSTUDIO_BASE_URL || undefined;
const sim = real ? undefined : createVoipstudioSimulator();
const server = await sim?.listen();
const baseUrl = real ?? `${server!.url}/v1.2/voipstudio`;
const email = process.env.VOIPSTUDIO_EMAIL ?? 'demo@example.com';
const password = process.env.VOIPSTUDIO_PASSWORD ?? 'demo-password';
const step = (title: string) => console.log(`\n== ${title}`);
let receiver: Server | undefined;

try {
  step(`Log in to ${baseUrl}`);
  const vs = createVoipstudioClient({ baseUrl, auth: { email, password } });
  vs.onTokenRefresh((s) => console.log(`  session for user ${s.userId} (token kept out of logs)`));
  const me = await vs.users.me();
  console.log(`  logged in as ${me.first_name} ${me.last_name} <${me.email}>`);

  step('Two-factor login (the code comes from a callback)');
  if (sim) {
    const twoFa = createVoipstudioClient({
      baseUrl,
      auth: { email: '2fa@example.com', password: 'demo-password', twoFactor: () => '123456' },
    });
    console.log(`  2FA session for user ${(await twoFa.login()).userId}`);
  }

  step('One page of CDRs, then every CDR of the account');
  const first = await vs.cdrs.list({ query: { limit: 100, sort: 'calldate', dir: 'DESC' } });
  console.log(`  first page: ${first.items.length} of ${first.body.total}; newest ${first.items[0]?.calldate}`);
  let count = 0;
  let talk = 0;
  for await (const cdr of vs.cdrs.list.all({ query: { limit: 1000 } })) {
    count++;
    talk += cdr.billsec ?? 0;
  }
  console.log(`  walked ${count} CDRs page by page; ${Math.round(talk / 3600)} hours of talk`);

  step('Typed filters: answered inbound calls longer than a minute');
  const inbound = await vs.cdrs.list({
    query: { limit: 3, filter: where<Cdr>({ type: 'I', billsec: { gt: 60 } }), sort: 'billsec', dir: 'DESC' },
  });
  console.log(`  ${inbound.body.total} match; longest: ${inbound.items.map((c) => `${c.billsec}s`).join(', ')}`);

  step('Downloads: a call recording (mp3) and a fax (pdf)');
  const [recording] = (await vs.monitors.list({ query: { limit: 1 } })).items;
  if (recording) {
    const audio = await vs.monitors.downloadAudio({ path: { id: recording.id } });
    console.log(`  recording ${recording.id}: ${audio.size} bytes of ${audio.type}`);
  }
  const [fax] = (await vs.faxes.list({ query: { limit: 1 } })).items;
  if (fax) {
    const pdf = await vs.faxes.downloadPdf({ path: { id: fax.id } });
    console.log(`  fax ${fax.id}: ${pdf.size} bytes of ${pdf.type}`);
  }

  step('API tokens: mint one, use it, revoke it');
  const minted = await vs.apiTokens.create({ body: { name: `pbxkit demo ${Date.now()}`, expiry: 3600 } });
  const keyed = createVoipstudioClient({ baseUrl, auth: { apiKey: minted.token } });
  console.log(`  API token works: ${(await keyed.auth.ping()).response}`);
  await vs.apiTokens.delete({ path: { token: minted.token } });
  await keyed.auth.ping().catch((e: Error) => console.log(`  after revocation: ${e.name}`));

  step('Typed errors');
  await vs.contacts.get({ path: { id: 999_999_999 } }).catch((e) => {
    if (e instanceof NotFoundError) console.log(`  ${e.name}: ${e.message} (request id ${e.requestId})`);
  });

  if (sim) {
    step('Resilience: the simulator fails twice with 503, the GET is retried');
    sim.faults.status(503, { path: '/users', times: 2 });
    const users = await vs.users.list({ query: { limit: 5 } });
    console.log(`  got ${users.items.length} users after 2 retried 503s`);
  }

  step('Webhook events VoIPstudio POSTs to you');
  const event = parseWebhookEvent(
    '{"id":"uk003.1","event_time":"2026-11-22 08:46:13","event_name":"call.hangup","call_id":139543232,' +
      '"state":"HANGUP","duration":42,"src":"441234567890","dst":"10002","t_cause":"Normal Clearing"}',
  );
  if (isWebhookEvent(event, 'call.hangup')) console.log(`  call ${event.call_id} hung up after ${event.duration}s`);

  if (sim) {
    step('Webhooks delivered to a local receiver: a call made, answered and hung up');
    const events: { event_name: string; call_id?: unknown }[] = [];
    const hungUp = new Promise<void>((resolve) => {
      const onEvent = (e: (typeof events)[number]) => {
        events.push(e);
        if (e.event_name === 'call.hangup') resolve();
      };
      receiver = createServer(createVoipstudioWebhookReceiver({ onEvent }).node).listen(0, '127.0.0.1');
    });
    await once(receiver!, 'listening');
    // VoIPstudio sets webhooks up in its dashboard; the simulator takes them from code.
    const unsubscribe = sim.webhooks.add({ url: `http://127.0.0.1:${(receiver!.address() as AddressInfo).port}/voipstudio-hooks` });
    const call = await vs.calls.make({ body: { to: '447700900555' } });
    await vs.calls.update({ path: { id: call.id }, body: { state: 'CONNECTED' } });
    await vs.calls.hangUp({ path: { id: call.id } });
    await hungUp; // each webhook gets its events in order, so the hangup comes last
    const sameCall = events.every((e) => e.call_id === call.id);
    console.log(`  received ${events.map((e) => e.event_name).join(', ')} for call ${sameCall ? call.id : '(several)'}`);
    unsubscribe();
  }

  await vs.logout();
  console.log('\nDone.');
} finally {
  receiver?.closeAllConnections();
  receiver?.close();
  await server?.close();
}
