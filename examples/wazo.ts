/**
 * The Wazo client end to end, against the built-in simulator (or a real stack: set WAZO_HOST, e.g.
 * `stack.example.com`, WAZO_USERNAME and WAZO_PASSWORD, and optionally WAZO_CLIENT_ID; the steps that
 * need the simulator are then skipped).
 *
 *   pnpm tsx --conditions=@pbxkit/source examples/wazo.ts
 */
import { createWazoSimulator } from '@pbxkit/simulator';
import {
  composeWazoClient,
  createCalldApi,
  createCallLogdApi,
  createConfdApi,
  createWazoClient,
  createWazoEvents,
  PermissionDeniedError,
} from '@pbxkit/wazo';

const host = process.env.WAZO_HOST || undefined;
const sim = host ? undefined : createWazoSimulator();
const server = await sim?.listen();
const target = host ? { host } : { baseUrl: server!.baseUrl };
const alice = sim?.fixtures.users.alice;
const username = process.env.WAZO_USERNAME ?? alice!.username;
const password = process.env.WAZO_PASSWORD ?? alice!.password;
const clientId = process.env.WAZO_CLIENT_ID ?? sim?.fixtures.refreshToken.clientId ?? 'pbxkit-example';
const step = (title: string) => console.log(`\n== ${title}`);

try {
  step(`Log in to ${host ?? server!.baseUrl} as ${username}`);
  const wazo = createWazoClient({ ...target, clientId });
  wazo.onTokenRefresh((s) => console.log(`  token refreshed; the new one expires at ${s.expiresAt.toISOString()} (tokens kept out of logs)`));
  const session = await wazo.auth.logIn({ username, password });
  console.log(`  user ${session.userUuid} of tenant ${session.tenantUuid}, session expires at ${session.expiresAt.toISOString()}`);
  console.log(`  refresh token for "${clientId}": ${session.refreshToken ? 'yes' : 'no'}`);
  console.log(`  may list its calls: ${session.hasAccess('calld.users.me.calls.read')}; may list every user: ${session.hasAccess('confd.users.read')}`);

  step('Who am I, and my calls');
  const me = await wazo.confd.getUser({ path: { user_id: session.userUuid } });
  console.log(`  ${me.firstname} ${me.lastname}, subscription type ${me.subscription_type}`);
  console.log(`  ${(await wazo.calld.listCalls()).length} active call(s)`);

  step('Live events over wazo-websocketd: a call and a presence change, as they happen');
  let reconnections = 0;
  const events = createWazoEvents(wazo, { onStatus: (status) => void (status.state === 'reconnecting' && reconnections++) });
  const ended = new Promise<void>((resolve) => events.on('call_ended', () => resolve()));
  const presence = new Promise<string | undefined>((resolve) => events.on('chatd_presence_updated', (p) => p.uuid === session.userUuid && resolve(p.state)));
  for (const name of ['call_created', 'call_ended', 'chatd_presence_updated'] as const) events.on(name, () => console.log(`  event ${name}`));
  await events.connect();
  if (sim) {
    const { call_id } = await wazo.calld.makeCall({ body: { extension: sim.fixtures.users.bob.exten! } });
    await wazo.calld.cancelCall({ path: { call_id } });
    await ended;
    await wazo.chatd.updateStatus({ path: { user_uuid: session.userUuid }, body: { state: 'away', status: 'in a demo' } });
    console.log(`  my presence is now ${await presence}`);
  }

  step('Call history, page by page');
  const page = await wazo.callLogd.listCallLogs({ query: { limit: 5 } });
  console.log(`  ${page.body.total} call logs; the newest: ${page.items[0]?.start}, then ${page.items.length - 1} more on this page`);

  step('A permission 401 is not a reason to refresh');
  await wazo.confd.listUsers().catch((e: unknown) => {
    if (e instanceof PermissionDeniedError) console.log(`  ${e.name} (${e.status}): ${e.message}`);
  });

  if (sim) {
    step('The server drops the token: the client refreshes once, replays, and hands the new token to the socket');
    const pushed = new Promise<void>((resolve) => wazo.onTokenRefresh(() => resolve()));
    sim.tokens.revoke(wazo.session!.token);
    console.log(`  still ${(await wazo.calld.listCalls()).length} active call(s)`);
    await pushed;
    await wazo.chatd.updateStatus({ path: { user_uuid: session.userUuid }, body: { state: 'available' } });
    await new Promise<void>((resolve) => events.on('chatd_presence_updated', () => resolve()));
    console.log(`  the events socket still delivers, ${reconnections === 0 ? 'on the same connection' : `after ${reconnections} reconnection(s)`}`);

    step('Login gates: bob has subscription type 0');
    const gated = composeWazoClient({ ...target, clientId, minSubscriptionType: 1 }, createCalldApi);
    await gated.auth.logIn({ username: sim.fixtures.users.bob.username, password: sim.fixtures.users.bob.password }).catch((e: Error) => {
      console.log(`  ${e.name}: ${e.message}`);
    });
  }

  step('A client of only the daemons it uses, restored from the stored tokens');
  const restored = composeWazoClient({ ...target, clientId }, createCalldApi, createCallLogdApi, createConfdApi);
  const again = await restored.auth.validateToken(wazo.session!.token, wazo.session!.refreshToken);
  console.log(`  validated: session of ${again.userUuid}; ${(await restored.calld.listCalls()).length} active call(s)`);

  step('Generic request (paths relative to /api/)');
  const contacts = (await wazo.request('GET', 'dird/0.1/personal')) as { items: unknown[] };
  console.log(`  ${contacts.items.length} personal contact(s)`);

  await events.close();
  await wazo.auth.logOut();
  console.log(`  logged out: token still valid? ${await wazo.auth.checkToken(again.token)}`);
  console.log('\nDone.');
} finally {
  await server?.close();
}
