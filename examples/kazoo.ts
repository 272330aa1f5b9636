/**
 * The Kazoo client end to end, against the built-in simulator (or a real Crossbar: set KAZOO_BASE_URL, e.g.
 * https://kazoo.example.com:8443/v2, KAZOO_API_KEY and, for live events, KAZOO_WS_URL (blackhole, e.g.
 * wss://kazoo.example.com:5555); the simulator-only steps are then skipped).
 *
 *   pnpm demo:run
 */
import { createKazooSimulator } from '@pbxkit/simulator';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import {
  BadRequestError,
  createKazooClient,
  createKazooEvents,
  createKazooWebhook,
  createKazooWebhookReceiver,
  fromGregorian,
  NotFoundError,
  type KazooWebhookEvent,
} from '@pbxkit/kazoo';

const real = process.env.KAZOO_BASE_URL || undefined;
const sim = real ? undefined : createKazooSimulator();
const server = await sim?.listen();
const baseUrl = real ?? server!.baseUrl;
const apiKey = process.env.KAZOO_API_KEY ?? sim!.fixtures.demo.apiKey;
const step = (title: string) => console.log(`\n== ${title}`);
const DAY = 86_400_000;
let receiver: Server | undefined;

try {
  step(`Authenticate with the account's API key at ${baseUrl}`);
  const kazoo = createKazooClient({ baseUrl, auth: { apiKey } });
  kazoo.onTokenRefresh((s) => console.log(`  token for account ${s.accountId}, valid until ${s.expiresAt?.toISOString()} (token kept out of logs)`));
  const account = await kazoo.accounts.get({ path: { account_id: (await kazoo.authenticate()).accountId! } });
  console.log(`  account "${account.name}" (${account.realm})`);

  if (sim) {
    step('Log in as a user: md5 of "username:password", by account name');
    const { user, demo } = sim.fixtures;
    const asUser = createKazooClient({ baseUrl, auth: { username: user.username, password: user.password, accountName: demo.name } });
    console.log(`  logged in as user ${(await asUser.authenticate()).ownerId === user.userId ? user.username : '?'}`);
  }

  step("Filters: the seed SDK's { key, value } form and the natural object form");
  const james = await kazoo.users.list({ query: { filter: { key: 'first_name', value: 'James' } } });
  console.log(`  users named James: ${james.items.map((u) => `${u.first_name} ${u.last_name}`).join(', ')}`);
  const admins = await kazoo.users.list({ query: { filter: { priv_level: 'admin', has_key: 'email' } } });
  console.log(`  admins with an email: ${admins.items.length}`);

  step('Every CDR of the last 120 days: .all() walks start_key pages in 31-day windows');
  let count = 0;
  let billed = 0;
  let oldest: Date | undefined;
  for await (const cdr of kazoo.cdrs.list.all({ query: { created_from: new Date(Date.now() - 120 * DAY), page_size: 500 } })) {
    count++;
    billed += Number(cdr.billing_seconds ?? 0);
    if (cdr.timestamp !== undefined) oldest = fromGregorian(cdr.timestamp);
  }
  console.log(`  walked ${count} CDRs, ${Math.round(billed / 3600)} billed hours; oldest ${oldest?.toISOString().slice(0, 10)}`);

  step('The envelope beside the data, and a CSV export of the same listing');
  const page = await kazoo.cdrs.list({ query: { page_size: 5 } });
  console.log(`  page of ${page.body.page_size}, next_start_key ${page.body.next_start_key ? 'present' : 'absent'}, request id ${page.requestId ? 'present' : 'absent'}`);
  const csv = await kazoo.cdrs.exportCsv({ query: { page_size: 5 } });
  console.log(`  CSV: ${csv.trim().split('\n').length - 1} rows; columns ${csv.split('\n')[0]!.split(',').slice(0, 4).join(', ')}, ...`);

  step('Binaries: a call recording, and a fax sent as a PDF');
  const [recording] = (await kazoo.recordings.list({ query: { page_size: 1 } })).items;
  if (recording) {
    const audio = await kazoo.recordings.downloadAudio({ path: { recording_id: recording.id! } });
    console.log(`  recording: ${audio.size} bytes of ${audio.type}`);
  }
  if (sim) {
    const pdf = new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' });
    const job = await kazoo.faxes.createOutgoing({ body: { data: { to_number: '+14155550123', from_number: '+14155550100' }, file: pdf } });
    console.log(`  fax job queued: ${job.status ?? 'queued'}`);
  }

  const websocketUrl = process.env.KAZOO_WS_URL ?? server?.websocketUrl;
  if (websocketUrl) {
    step('Live events over blackhole: a quickcall and a new user, as they happen');
    const events = createKazooEvents(kazoo, { url: websocketUrl });
    await events.connect();
    const hungUp = new Promise<void>((resolve) => events.on('call.CHANNEL_DESTROY', () => resolve()));
    const userCreated = new Promise<string>((resolve) => events.on('object.doc_created', (event) => resolve(event.data.id)));
    await events.subscribe(['call.*.*', 'object.doc_created.user'], (event) => console.log(`  event ${event.name} (${event.binding})`));
    if (sim) {
      const { user } = sim.fixtures;
      await kazoo.quickcall.callFromUser({ path: { user_id: user.userId, phone_number: '+14155550142' } });
      await hungUp;
      const created = await kazoo.users.create({ body: { first_name: 'Grace', last_name: 'Hopper', username: 'ghopper' } });
      console.log(`  the new user ${(await userCreated) === created.id ? 'was announced' : 'was not announced'}`);
      await kazoo.users.delete({ path: { user_id: created.id! } });
    }
    await events.close();
  }

  if (sim) {
    step('A webhook delivered to a local receiver: Kazoo POSTs a form when a user is deleted');
    const delivered = new Promise<KazooWebhookEvent>((resolve) => {
      receiver = createServer(createKazooWebhookReceiver({ onEvent: resolve }).node).listen(0, '127.0.0.1');
    });
    await once(receiver!, 'listening');
    const uri = `http://127.0.0.1:${(receiver!.address() as AddressInfo).port}/kazoo-hooks`;
    const hook = await createKazooWebhook(kazoo, { name: 'pbxkit demo', uri, hook: 'object', action: 'doc_deleted', type: 'user' });
    const doomed = await kazoo.users.create({ body: { first_name: 'Temp', last_name: 'User', username: 'temp-user' } });
    await kazoo.users.delete({ path: { user_id: doomed.id! } });
    const event = await delivered;
    if (event.hook === 'object') console.log(`  received ${event.hook} ${event.data.action} ${event.data.type} for hook ${event.hookId === hook.id ? 'pbxkit demo' : '?'}`);
    await kazoo.webhooks.delete({ path: { webhook_id: hook.id! } });
  }

  step('Typed errors');
  await kazoo.users.create({ body: { last_name: 'Nobody' } }).catch((e: unknown) => {
    if (e instanceof BadRequestError) console.log(`  ${e.name}: ${e.fieldErrors.map((f) => `${f.field} ${f.code}`).join(', ')}`);
  });
  await kazoo.devices.get({ path: { device_id: 'f'.repeat(32) } }).catch((e: unknown) => {
    if (e instanceof NotFoundError) console.log(`  ${e.name}: ${e.status}`);
  });

  if (sim) {
    step('Resilience: the simulator fails twice with 503, the GET is retried');
    sim.faults.status(503, { path: '/devices', times: 2 });
    const devices = await kazoo.devices.list({ query: { page_size: 5 } });
    console.log(`  got ${devices.items.length} devices after 2 retried 503s`);
  }
  console.log('\nDone.');
} finally {
  receiver?.close();
  await server?.close();
}
