// Temporary: type-checks the calls of docs/migrating-from-wazo-sdk.md. Delete after the check.
import {
  AuthenticationError,
  BadRequestError,
  composeWazoClient,
  ConnectionError,
  createCalldApi,
  createChatdApi,
  createWazoClient,
  NotFoundError,
  parseWazoTime,
  type Calld,
  type Chatd,
  type Session,
} from '@pbxkit/wazo';

declare const username: string, password: string, token: string, refreshToken: string;
declare const applicationUuid: string, callId: string, nodeUuid: string, conferenceId: number;
declare const switchboardUuid: string, messageId: string, lineId: number, userUuid: string;
declare const contactId: string, source: string, sourceId: string, agentNumber: string, agentId: number;
declare const contactUuid: string, contactUuids: string[], roomUuid: string, tenantUuid: string, policyUuid: string;
declare const pdf: Blob, store: { save(v: unknown): void; load(): { token: string; refreshToken?: string } };

export async function setup() {
  const wazo = createWazoClient({
    host: 'stack.example.com',
    clientId: 'my-app',
    tokenExpiration: 3600,
    minSubscriptionType: 1,
    authorizationName: 'my-app-access',
    fetchOptions: { referrerPolicy: 'no-referrer' },
  });
  const local = createWazoClient({ baseUrl: 'http://127.0.0.1:8080' });
  const restored = createWazoClient({ host: 'stack.example.com', clientId: 'my-app', token, refreshToken, tenant: tenantUuid });
  const session = await wazo.auth.logIn({ username, password });
  const mobile = await wazo.auth.logIn({ username, password, expiration: 600, backend: 'ldap_user', mobile: true, domain: 'example.com' });
  const again = await wazo.auth.validateToken(token, refreshToken);
  const unsubscribe = wazo.onTokenRefresh((s) => store.save({ token: s.token, refreshToken: s.refreshToken }));
  unsubscribe();
  await wazo.auth.logOut();
  const valid: boolean = await wazo.auth.checkToken(token);
  const current: boolean = await wazo.auth.checkToken();
  wazo.setToken(token);
  wazo.setRefreshToken(refreshToken);
  wazo.setTenant(tenantUuid);
  wazo.setTenant(undefined);
  await createWazoClient({ host: 'stack.example.com', token }).auth.logOut();
  const s: Session | undefined = wazo.session;
  if (s) {
    const fields = [s.token, s.refreshToken, s.expiresAt.toISOString(), s.issuedAt, s.userUuid, s.tenantUuid, s.sessionUuid, s.acl, s.metadata];
    const ok: boolean = s.hasAccess('calld.users.me.calls.read');
    void [fields, ok];
  }
  const data = await wazo.auth.getToken({ path: { token } });
  void [local, restored, session, mobile, again, valid, current, data.utc_expires_at];
}

export async function composed() {
  const wazo = composeWazoClient({ host: 'stack.example.com', clientId: 'my-app' }, createCalldApi, createChatdApi);
  await wazo.auth.logIn({ username, password });
  await wazo.calld.listCalls();
  await wazo.application.calls({ path: { application_uuid: applicationUuid } });
  await wazo.chatd.getUserRooms();
  const bare = composeWazoClient({ host: 'stack.example.com', clientId: 'my-app' });
  await bare.auth.logIn({ username, password });
  await bare.request('GET', 'dird/0.1/personal');
}

export async function authAdmin() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  await wazo.auth.listTenants();
  for await (const tenant of wazo.auth.listTenants.all({ query: { limit: 100 } })) void tenant.uuid;
  await wazo.auth.createTenant({ body: { name: 'Acme' } });
  await wazo.auth.deleteTenant({ path: { tenant_uuid: tenantUuid } });
  await wazo.auth.createUser({ body: { username: 'alice', password: 's3cret', firstname: 'Alice', lastname: 'Liddell' } });
  await wazo.auth.addUserEmail({ path: { user_uuid: userUuid }, body: { emails: [{ address: 'alice@example.com', main: true }] } });
  await wazo.auth.addUserPolicy({ path: { user_uuid: userUuid, policy_uuid: policyUuid } });
  await wazo.auth.deleteUser({ path: { user_uuid: userUuid } });
  await wazo.auth.listUsers();
  await wazo.auth.listGroups();
  await wazo.auth.createPolicy({ body: { name: 'agents', description: 'Call center agents', acl: ['calld.users.me.#'] } });
  await wazo.auth.listPolicies();
}

export async function application() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  const a = { application_uuid: applicationUuid };
  await wazo.application.calls({ path: a });
  await wazo.application.hangupCall({ path: { ...a, call_id: callId } });
  await wazo.application.answerCall({ path: { ...a, call_id: callId } });
  await wazo.application.listNodes({ path: a });
  await wazo.application.listCallsNodes({ path: { ...a, node_uuid: nodeUuid } });
  await wazo.application.removeCallNodes({ path: { ...a, node_uuid: nodeUuid, call_id: callId } });
  await wazo.application.addCallNodes({ path: { ...a, node_uuid: nodeUuid, call_id: callId } });
  await wazo.application.playCall({ path: { ...a, call_id: callId }, body: { uri: 'sound:tt-weasels', language: 'en_US' } });
}

export async function calld() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  await wazo.calld.getConferenceParticipantsAsUser({ path: { conference_id: conferenceId } });
  await wazo.calld.answerSwitchboardQueuedCall({ path: { switchboard_uuid: switchboardUuid, call_id: callId }, query: { line_id: lineId } });
  await wazo.calld.answerSwitchboardHeldCall({ path: { switchboard_uuid: switchboardUuid, call_id: callId }, query: { line_id: lineId } });
  await wazo.calld.cancelCall({ path: { call_id: callId } });
  await wazo.calld.deleteVoicemail({ path: { message_id: messageId } });
  await wazo.calld.fetchSwitchboardHeldCalls({ path: { switchboard_uuid: switchboardUuid } });
  await wazo.calld.fetchSwitchboardQueuedCalls({ path: { switchboard_uuid: switchboardUuid } });
  await wazo.chatd.getContactStatusInfo({ path: { user_uuid: contactUuid } });
  const presence = await wazo.chatd.getContactStatusInfo({ path: { user_uuid: userUuid } });
  const lines = presence.lines;
  const lineState = presence.line_state;
  await wazo.calld.holdSwitchboardCall({ path: { switchboard_uuid: switchboardUuid, call_id: callId } });
  const calls = await wazo.calld.listCalls();
  await wazo.chatd.getRoomMessages({ path: { room_uuid: roomUuid }, query: { limit: 20 } });
  await wazo.chatd.getMessages({ query: { search: 'hello', limit: 20 } });
  await wazo.calld.listVoicemails();
  await wazo.calld.makeCall({ body: { extension: '1002', from_mobile: false, line_id: lineId, all_lines: false } });
  await wazo.calld.sendFax({ query: { extension: '5551234', caller_id: 'Acme <5550000>' }, body: pdf });
  await wazo.chatd.sendRoomMessage({ path: { room_uuid: roomUuid }, body: { content: 'On my way', alias: 'Alice' } });
  await wazo.calld.relocateCall({
    body: { initiator_call: callId, destination: 'line', location: { line_id: lineId }, completions: ['answer'], auto_answer: true },
  });
  await wazo.chatd.updateStatus({ path: { user_uuid: userUuid }, body: { state: 'away', status: 'In a meeting' } });
  void [lines, lineState, calls.length];
}

export async function confdDird() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  await wazo.confd.listUsers();
  await wazo.confd.getUser({ path: { user_id: userUuid } });
  await wazo.confd.getUserLineSip({ path: { user_uuid: userUuid, line_id: String(lineId) }, query: { view: 'merged' } });
  await wazo.confd.listApplications();
  await wazo.dird.search({ path: { profile: 'default' }, query: { term: 'ali' } });
  await wazo.dird.listPersonalContacts();
  await wazo.dird.listPersonalContacts({ query: { limit: 50, offset: 0, order: 'firstname', direction: 'asc' } });
  await wazo.dird.exportPersonalContacts();
  await wazo.dird.addContact({ body: { firstname: 'Bob', lastname: 'Smith', number: '5551234', email: 'bob@example.com' } });
  await wazo.dird.editContact({ path: { contact_id: contactId }, body: { firstname: 'Bob', lastname: 'Smith', number: '5551235' } });
  await wazo.dird.deleteContact({ path: { contact_id: contactId } });
  await wazo.dird.listFavorites({ path: { profile: 'default' } });
  await wazo.dird.markAsFavorite({ path: { directory: source, contact: sourceId } });
  await wazo.dird.removeFavorite({ path: { directory: source, contact: sourceId } });
}

export async function agentd() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  await wazo.agentd.getAgent({ path: { agent_id: agentId } });
  await wazo.agentd.getAgentByNumber({ path: { agent_number: agentNumber } });
  await wazo.agentd.login({ path: { agent_number: agentNumber }, body: { context: 'default', extension: '1001' } });
  await wazo.agentd.logout({ path: { agent_number: agentNumber } });
  await wazo.agentd.pause({ path: { agent_number: agentNumber }, body: { reason: 'lunch' } });
  await wazo.agentd.pause({ path: { agent_number: agentNumber } });
  await wazo.agentd.resume({ path: { agent_number: agentNumber } });
  await wazo.agentd.loginWithLineId({ body: { line_id: lineId } });
  await wazo.agentd.getStatus();
  await wazo.agentd.staticLogout();
  await wazo.agentd.staticPause({ body: { reason: 'lunch' } });
  await wazo.agentd.staticResume();
}

export async function callLogd() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  await wazo.callLogd.listCallLogs({ query: { search: 'alice', limit: 5 } });
  await wazo.callLogd.listCallLogs({ query: { offset: 0, limit: 5 } });
  await wazo.callLogd.listCallLogs({ query: { from: '2025-03-01T00:00:00+00:00', number: '1002' } });
  const page = await wazo.callLogd.listCallLogs({ query: { limit: 50 } });
  const more = page.hasNextPage() ? await page.nextPage() : undefined;
  for await (const cdr of wazo.callLogd.listCallLogs.all({ query: { limit: 100, call_direction: 'inbound' } })) void cdr.id;
  const csv: string = await wazo.callLogd.listCallLogsCsv({ query: { limit: 1000 } });
  void [page.items.length, page.body.total, page.body.filtered, more, csv];
}

export async function chatd() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  const presence = await wazo.chatd.getContactStatusInfo({ path: { user_uuid: contactUuid } });
  const state = presence.state;
  const lineState = presence.line_state;
  const presences = await wazo.chatd.getMultipleLineState({ query: { user_uuid: contactUuids.join(',') } });
  const rooms = await wazo.chatd.getUserRooms();
  await wazo.chatd.updateStatus({ path: { user_uuid: contactUuid }, body: { state: 'available' } });
  await wazo.chatd.updateStatus({ path: { user_uuid: contactUuid }, body: { state: 'away', status: 'Back at 2' } });
  const room = await wazo.chatd.createRoom({ body: { name: 'Support', users: [{ uuid: userUuid }, { uuid: contactUuid }] } });
  await wazo.chatd.getRoomMessages({ path: { room_uuid: room.uuid } });
  await wazo.chatd.sendRoomMessage({ path: { room_uuid: roomUuid }, body: { content: 'Hello', alias: 'Alice' } });
  await wazo.chatd.getMessages({ query: { search: 'invoice', distinct: 'room_uuid' } });
  void [state, lineState, presences.map((p) => p.line_state), rooms.length];
}

export async function requester() {
  const wazo = createWazoClient({ host: 'stack.example.com', clientId: 'my-app' });
  const results = await wazo.request('GET', 'dird/0.1/personal');
  await wazo.request('POST', 'dird/0.1/personal', { body: { firstname: 'Bob' } });
  await wazo.request('GET', 'call-logd/1.0/users/me/cdr', { query: { offset: 0, limit: 10 } });
  const text = await wazo.request('GET', 'dird/0.1/personal', { query: { format: 'text/csv' }, parseAs: 'text' });
  void [results, text];
}

export async function errorsAndResponses() {
  const wazo = createWazoClient({ host: 'stack.example.com' });
  try {
    await wazo.calld.makeCall({ body: { extension: '1002' } });
  } catch (error) {
    if (error instanceof BadRequestError) {
      for (const { field, message } of error.fieldErrors) console.log(field, message);
    } else if (error instanceof AuthenticationError) {
      console.log(error.status, error.message);
    } else if (error instanceof NotFoundError || error instanceof ConnectionError) {
      console.log(error.message);
    } else throw error;
  }
  const { data, body, response, requestId } = await wazo.calld.listCalls.withResponse();
  const raw: Response = await wazo.calld.downloadVoicemailRecording.asResponse({ path: { message_id: messageId } });
  const audio: Blob = await wazo.calld.downloadVoicemailRecording({ path: { message_id: messageId } });
  const controller = new AbortController();
  await wazo.calld.listCalls({ signal: controller.signal, timeout: 5_000, retry: false });
  void [data, body, response.status, requestId, raw, audio];
}

export function websocketMeanwhile() {
  const wazo = createWazoClient({ host: 'stack.example.com', clientId: 'my-app' });
  const ws = new WebSocket(`wss://stack.example.com/api/websocketd/?token=${wazo.session!.token}&version=2`);
  ws.onmessage = ({ data }) => {
    const message = JSON.parse(data as string) as { op: string; data: { name?: string } };
    if (message.op === 'init') {
      ws.send(JSON.stringify({ op: 'subscribe', data: { event_name: '*' } }));
      ws.send(JSON.stringify({ op: 'start' }));
    } else if (message.op === 'event') {
      console.log(message.data.name, message.data);
    }
  };
  const stop = wazo.onTokenRefresh(({ token }) => ws.send(JSON.stringify({ op: 'token', data: { token } })));
  ws.onclose = () => stop();
}

declare const email: string, name: string, description: string, voicemailId: string, participantUuid: string;
declare const toUserId: string, msg: string, alias: string, from: Date, search: string, limit: number;
declare const expiration: number, backend: string, mobile: boolean, firstname: string, lastname: string;
declare const session: Session, showCalls: () => void, query: { limit?: number };

export async function tables() {
  const wazo = createWazoClient({ host: 'stack.example.com', clientId: 'my-app' });
  const state = (await wazo.chatd.getContactStatusInfo({ path: { user_uuid: contactUuid } })).state;
  const lineState = (await wazo.chatd.getContactStatusInfo({ path: { user_uuid: contactUuid } })).line_state;
  const lines = (await wazo.chatd.getContactStatusInfo({ path: { user_uuid: userUuid } })).lines;
  const room = (await wazo.chatd.getUserRooms({ query: { user_uuid: participantUuid } }))[0];
  await wazo.auth.addUserEmail({ path: { user_uuid: userUuid }, body: { emails: [{ address: email, main: true }] } });
  await wazo.auth.createPolicy({ body: { name, description, acl: ['calld.users.me.#'] } });
  await wazo.auth.createUser({ body: { username, password, firstname, lastname } });
  await wazo.auth.logIn({ username, password, expiration, backend, mobile });
  await wazo.callLogd.listCallLogs({ query: { from: from.toISOString(), number: '1002' } });
  await wazo.callLogd.listCallLogsCsv({ query });
  await wazo.calld.answerMyCall({ path: { call_id: callId } });
  await wazo.calld.answerSwitchboardHeldCall({ path: { switchboard_uuid: switchboardUuid, call_id: callId } });
  await wazo.calld.answerSwitchboardQueuedCall({ path: { switchboard_uuid: switchboardUuid, call_id: callId } });
  await wazo.calld.createTransfer({ body: { initiator_call: callId, exten: '1003', flow: 'blind' } });
  await wazo.calld.createTransfer({ body: { initiator_call: callId, exten: '1003', flow: 'attended' } });
  await wazo.calld.completeTransfer({ path: { transfer_id: callId } });
  await wazo.calld.cancelTransfer({ path: { transfer_id: callId } });
  await wazo.calld.deleteVoicemail({ path: { message_id: voicemailId } });
  await wazo.calld.holdCall({ path: { call_id: callId } });
  await wazo.calld.resumeCall({ path: { call_id: callId } });
  await wazo.calld.muteCall({ path: { call_id: callId } });
  await wazo.calld.unmuteCall({ path: { call_id: callId } });
  await wazo.calld.listLineStatuses();
  await wazo.calld.relocateCall({ body: { initiator_call: callId, destination: 'line', location: { line_id: lineId }, completions: ['answer'], auto_answer: true } });
  await wazo.calld.sendDtmf({ path: { call_id: callId }, query: { digits: '1234#' } });
  await wazo.calld.listVoicemailMessages.all();
  const created = await wazo.chatd.createRoom({ body: { users: [{ uuid: toUserId }] } });
  await wazo.chatd.getMessages({ query: { search, limit } });
  await wazo.chatd.getRoomMessages({ path: { room_uuid: roomUuid } });
  await wazo.chatd.sendRoomMessage({ path: { room_uuid: roomUuid }, body: { content: msg, alias } });
  await wazo.chatd.updateStatus({ path: { user_uuid: session.userUuid }, body: { state: 'away' } });
  await wazo.chatd.updateStatus({ path: { user_uuid: session.userUuid }, body: { state: 'away', status: null } });
  await wazo.application.createCall({ path: { application_uuid: applicationUuid }, body: { context: 'default', exten: '1002', autoanswer: false } });
  await wazo.application.deletePlayback({ path: { application_uuid: applicationUuid, playback_uuid: callId } });
  wazo.onTokenRefresh((session) => void session.token);
  await wazo.request('POST', 'dird/0.1/personal', { query: {}, body: {} });
  wazo.setRefreshToken(undefined);
  await wazo.auth.logOut();
  wazo.setTenant(tenantUuid);
  const logged = createWazoClient({ host: 'stack.example.com', logger: console, logLevel: 'debug', fetch: globalThis.fetch, retry: false, timeout: 10_000, headers: { 'Accept-Language': 'fr' } });
  void [state, lineState, lines, room, created.uuid, logged];
}

export async function fenced() {
  {
    const { token, refreshToken } = store.load();
    const wazo = createWazoClient({ host: 'stack.example.com', clientId: 'my-app', token, refreshToken });
    void wazo;
  }
  if (session.hasAccess('calld.users.me.calls.read')) showCalls();
  const wazo = createWazoClient({ host: 'stack.example.com', clientId: 'my-app' });
  const unsubscribe = wazo.onTokenRefresh((s) => store.save({ token: s.token, refreshToken: s.refreshToken }));
  const controller = new AbortController();
  const { data: calls, response } = await wazo.calld.listCalls.withResponse();
  const audio = await wazo.calld.downloadVoicemailRecording({ path: { message_id: messageId } }); // a Blob
  await wazo.calld.listCalls({ signal: controller.signal, timeout: 5_000, retry: false });
  const page = await wazo.callLogd.listCallLogs({ query: { offset: 0, limit: 50 } });
  console.log(page.items.length, page.body.total, page.hasNextPage());
  const t: Calld.Call[] = calls;
  const p: Chatd.Presence = await wazo.chatd.getContactStatusInfo({ path: { user_uuid: userUuid } });
  const d: Date = parseWazoTime('2025-06-01T15:00:00.123456');
  void [unsubscribe, response, audio satisfies Blob, t, p, d];
}
