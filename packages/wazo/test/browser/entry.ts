// Runs in Chromium: the browser build of the client against the simulator (another origin: CORS applies).
import { composeWazoClient, createCalldApi, createConfdApi, PermissionDeniedError } from '@pbxkit/wazo';

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

(globalThis as { runScenario?: typeof run }).runScenario = run;
