/**
 * The Kazoo client end to end, against the built-in simulator (or a real Crossbar: set KAZOO_BASE_URL, e.g.
 * https://kazoo.example.com:8443/v2, and KAZOO_API_KEY; the simulator-only steps are then skipped).
 *
 *   pnpm demo:run
 */
import { createKazooSimulator } from '@pbxkit/simulator';
import { BadRequestError, createKazooClient, fromGregorian, NotFoundError } from '@pbxkit/kazoo';

const real = process.env.KAZOO_BASE_URL || undefined;
const sim = real ? undefined : createKazooSimulator();
const server = await sim?.listen();
const baseUrl = real ?? server!.baseUrl;
const apiKey = process.env.KAZOO_API_KEY ?? sim!.fixtures.demo.apiKey;
const step = (title: string) => console.log(`\n== ${title}`);
const DAY = 86_400_000;

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

  step('Webhooks: create one for deleted users (object hook), then remove it');
  const hook = await kazoo.webhooks.create({
    body: { name: 'pbxkit demo', uri: 'https://hooks.example.com/kazoo', hook: 'object', format: 'json', custom_data: { type: 'user', action: 'doc_deleted' } },
  });
  console.log(`  webhook ${hook.name}: ${hook.hook} (${hook.custom_data?.type}/${hook.custom_data?.action})`);
  await kazoo.webhooks.delete({ path: { webhook_id: hook.id! } });

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
  await server?.close();
}
