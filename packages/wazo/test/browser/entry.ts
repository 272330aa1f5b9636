// Runs in Chromium: the browser build of the client against the simulator (another origin: CORS applies).
import { composeWazoClient, createCalldApi, createChatdApi, createConfdApi, createWazoEvents, PermissionDeniedError } from '@pbxkit/wazo';

async function run(baseUrl: string, username: string, password: string, clientId: string, tenant: string) {
  const wazo = composeWazoClient({ baseUrl, clientId, tenant, fetchOptions: { credentials: 'omit', cache: 'no-store' } }, createCalldApi, createConfdApi);
  const session = await wazo.auth.logIn({ username, password, mobile: true });
  const calls = await wazo.calld.listCalls();
  const me = await wazo.confd.getUser({ path: { user_id: session.userUuid } });
  // Refused headers are dropped, not sent: the preflight of a bare fetch with one fails.
  const withExtraHeader = await wazo.calld.listCalls({ headers: { 'X-Request-Id': 'abc' } });
  const bareFetchRefused = await fetch(`${baseUrl}/api/calld/1.0/users/me/calls`, {
    headers: { 'X-Auth-Token': session.token, 'X-Request-Id': 'abc' },
  }).then(
    () => false,
    () => true,
  );
  let permission = '';
  try {
    await wazo.confd.listUsers();
  } catch (error) {
    permission = error instanceof PermissionDeniedError ? `${error.name} ${error.status}` : String(error);
  }
  await wazo.auth.logOut();
  return {
    userUuid: session.userUuid,
    expiresInMs: session.expiresAt.getTime() - Date.now(),
    hasRefreshToken: !!session.refreshToken,
    calls: calls.length,
    extraHeaderCalls: withExtraHeader.length,
    bareFetchRefused,
    firstname: me.firstname,
    permission,
    stillValid: await wazo.auth.checkToken(session.token),
  };
}

/** Events over the browser's own WebSocket: a presence set through chatd comes back on websocketd. */
async function runEvents(baseUrl: string, username: string, password: string) {
  const wazo = composeWazoClient({ baseUrl, fetchOptions: { credentials: 'omit' } }, createChatdApi);
  const session = await wazo.auth.logIn({ username, password });
  const events = createWazoEvents(wazo);
  const heard = new Promise<{ state: string | undefined; name: string }>((resolve) =>
    events.on('chatd_presence_updated', (presence, event) => resolve({ state: presence.state, name: event.name })),
  );
  await events.connect();
  await wazo.chatd.updateStatus({ path: { user_uuid: session.userUuid }, body: { state: 'away' } });
  const event = await heard;
  await events.close();
  return { ...event, stateAfterClose: events.state, globalWebSocket: typeof WebSocket === 'function' };
}

Object.assign(globalThis, { runScenario: run, runEvents });
