import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simplePdf, silentWav } from '../../src/index.js';
import { P, startWazo, type Json, type WazoEnv } from './harness.js';

let env: WazoEnv;
let alice: string;
let bob: string;
let carol: string;
let admin: string;
const me = `${P.calld}/users/me`;

beforeAll(async () => {
  env = await startWazo();
  [alice, bob, carol, admin] = await Promise.all([env.tokenOf('alice'), env.tokenOf('bob'), env.tokenOf('carol'), env.tokenOf('admin')]);
});
afterAll(() => env.close());

const myCalls = async (token: string) => (await env.callJson('GET', `${me}/calls`, { token })).body.items as Json[];

describe('the token user calls', () => {
  it('lists the user channels with their calld fields', async () => {
    const calls = await myCalls(alice);
    expect(calls.map((call) => call.status).sort()).toEqual(['Ringing', 'Up']);
    const talking = calls.find((call) => call.status === 'Up')!;
    expect(talking).toMatchObject({
      call_id: expect.stringMatching(/^\d+\.\d+$/),
      user_uuid: env.sim.fixtures.users.alice.uuid,
      direction: 'internal',
      caller_id_number: '1001',
      peer_caller_id_number: '1002',
      is_caller: true,
      on_hold: false,
      record_state: 'inactive',
      creation_time: expect.stringMatching(/[+-]\d{4}$/),
      answer_time: expect.stringMatching(/\+00:00$/),
    });
    expect(Object.values(talking.talking_to)).toEqual([env.sim.fixtures.users.bob.uuid]);
    expect((await env.callJson('GET', `${me}/calls?application=ivr-demo`, { token: alice })).body.items).toEqual([]);
  });

  it('makes a call to a colleague: the caller is up, the colleague rings; answering and hanging up end in a CDR', async () => {
    const cdrsBefore = env.sim.store.cdrs.length;
    const made = await env.callJson('POST', `${me}/calls`, { token: bob, body: { extension: '10 03' } });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ status: 'Up', direction: 'internal', dialed_extension: '1003', peer_caller_id_name: 'Carol Nguyen', is_caller: true });
    const ringing = (await myCalls(carol)).find((call) => call.call_id in made.body.talking_to || made.body.talking_to[call.call_id] !== undefined)!;
    expect(ringing).toMatchObject({ status: 'Ringing', is_caller: false, peer_caller_id_number: '1002' });
    expect((await env.call('PUT', `${me}/calls/${ringing.call_id}/answer`, { token: carol })).status).toBe(204);
    expect((await myCalls(carol)).find((call) => call.call_id === ringing.call_id)).toMatchObject({ status: 'Up', answer_time: expect.any(String) });
    expect((await env.call('DELETE', `${me}/calls/${made.body.call_id}`, { token: bob })).status).toBe(204);
    expect((await myCalls(carol)).some((call) => call.call_id === ringing.call_id)).toBe(false);
    expect(env.sim.store.cdrs.length).toBe(cdrsBefore + 1);
    expect(env.sim.store.cdrs.at(-1)).toMatchObject({ answered: true, call_direction: 'internal', source_extension: '1002', destination_extension: '1003' });
    expect((await env.call('DELETE', `${me}/calls/${made.body.call_id}`, { token: bob })).status).toBe(404);
  });

  it('makes an outbound call through the trunk, and refuses a foreign line', async () => {
    const made = await env.callJson('POST', `${me}/calls`, { token: alice, body: { extension: '+15145550188', line_id: 2 } });
    expect(made.body).toMatchObject({ direction: 'outbound', line_id: 2, peer_caller_id_number: '+15145550188' });
    expect((await env.callJson('POST', `${me}/calls`, { token: alice, body: { extension: '1002', line_id: 99 } })).status).toBe(400);
    expect((await env.callJson('POST', `${me}/calls`, { token: admin, body: { extension: '1002' } })).body.error_id).toBe('invalid-data');
    await env.call('DELETE', `${me}/calls/${made.body.call_id}`, { token: alice });
  });

  it('holds, resumes, mutes, sends DTMF and records, checking ownership', async () => {
    const call = (await myCalls(alice)).find((c) => c.status === 'Up')!.call_id;
    const put = (action: string, token = alice) => env.callJson('PUT', `${me}/calls/${call}/${action}`, { token });
    for (const action of ['hold/start', 'mute/start', 'dtmf?digits=12*#', 'record/start', 'record/pause']) expect((await put(action)).status).toBe(204);
    expect((await myCalls(alice)).find((c) => c.call_id === call)).toMatchObject({ on_hold: true, muted: true, record_state: 'paused' });
    for (const action of ['hold/stop', 'mute/stop', 'record/resume', 'record/stop']) expect((await put(action)).status).toBe(204);
    expect((await myCalls(alice)).find((c) => c.call_id === call)).toMatchObject({ on_hold: false, muted: false, record_state: 'inactive' });
    expect(await put('record/pause')).toMatchObject({ status: 400, body: { error_id: 'recording-not-started' } });
    expect(await put('hold/start', bob)).toMatchObject({ status: 403, body: { error_id: 'user-permission-denied' } });
    expect((await put('answer', carol)).status).toBe(403);
    const bobCall = (await myCalls(bob))[0]!.call_id;
    expect(await env.callJson('PUT', `${me}/calls/${bobCall}/record/start`, { token: bob })).toMatchObject({ status: 403, body: { error_id: 'recording-unauthorized' } });
    expect((await env.callJson('PUT', `${me}/calls/9.9/mute/start`, { token: alice })).body.error_id).toBe('no-such-call');
  });

  it('lists every call of the tenant for an admin, and gets, connects and hangs up any call', async () => {
    const all = (await env.callJson('GET', `${P.calld}/calls`, { token: admin })).body.items as Json[];
    expect(all.length).toBeGreaterThan(4);
    expect(all.every((call) => call.user_uuid !== env.sim.fixtures.users.gary.uuid)).toBe(true);
    const trunk = all.find((call) => call.user_uuid === null && call.status === 'Ring')!;
    expect((await env.callJson('GET', `${P.calld}/calls/${trunk.call_id}`, { token: admin })).body.call_id).toBe(trunk.call_id);
    const connected = await env.callJson('PUT', `${P.calld}/calls/${trunk.call_id}/user/${env.sim.fixtures.users.bob.uuid}`, { token: admin, body: { timeout: 30 } });
    expect(connected).toMatchObject({ status: 200, body: { user_uuid: env.sim.fixtures.users.bob.uuid, status: 'Ringing' } });
    expect((await env.call('DELETE', `${P.calld}/calls/${trunk.call_id}`, { token: admin })).status).toBe(204);
    expect((await env.call('GET', `${P.calld}/calls/${trunk.call_id}`, { token: admin })).status).toBe(404);
    const lines = await env.callJson('GET', `${P.calld}/lines`, { token: admin });
    expect(lines.body.items[0]).toMatchObject({ id: expect.any(Number), technology: 'PJSIP', current_call_count: expect.any(Number) });
    expect((await env.callJson('GET', `${P.calld}/trunks`, { token: admin })).body.total).toBe(1);
  });
});

describe('transfers and relocates', () => {
  const talkingCall = async (token: string, to: string) => (await env.callJson('POST', `${me}/calls`, { token, body: { extension: to } })).body as Json;

  it('runs an attended transfer to completion', async () => {
    const call = await talkingCall(bob, '+15145550177');
    const created = await env.callJson('POST', `${me}/transfers`, { token: bob, body: { initiator_call: call.call_id, exten: '1003' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ flow: 'attended', status: 'ringback', initiator_call: call.call_id, initiator_uuid: env.sim.fixtures.users.bob.uuid });
    expect((await env.callJson('POST', `${me}/transfers`, { token: bob, body: { initiator_call: call.call_id, exten: '1004' } })).status).toBe(409);
    expect((await env.callJson('GET', `${me}/transfers`, { token: bob })).body.items).toHaveLength(1);
    expect((await env.call('PUT', `${me}/transfers/${created.body.id}/complete`, { token: alice })).status).toBe(403);
    expect((await env.call('PUT', `${me}/transfers/${created.body.id}/complete`, { token: bob })).status).toBe(204);
    const carolLeg = (await myCalls(carol)).find((c) => c.call_id === created.body.recipient_call)!;
    expect(carolLeg.talking_to).toHaveProperty(created.body.transferred_call);
    expect((await env.call('PUT', `${me}/transfers/${created.body.id}/complete`, { token: bob })).status).toBe(404);
  });

  it('cancels an attended transfer and refuses to complete a blind one', async () => {
    const call = await talkingCall(bob, '+15145550178');
    const attended = (await env.callJson('POST', `${me}/transfers`, { token: bob, body: { initiator_call: call.call_id, exten: '1005', flow: 'attended' } })).body;
    expect((await env.call('DELETE', `${me}/transfers/${attended.id}`, { token: bob })).status).toBe(204);
    expect((await myCalls(bob)).find((c) => c.call_id === call.call_id)!.talking_to).toHaveProperty(attended.transferred_call);
    const blind = await env.callJson('POST', `${me}/transfers`, { token: bob, body: { initiator_call: call.call_id, exten: '1006', flow: 'blind' } });
    expect(blind.body.status).toBe('blind_transferred');
    expect((await env.callJson('PUT', `${me}/transfers/${blind.body.id}/complete`, { token: bob })).body.error_id).toBe('transfer-completion-error');
    expect((await env.callJson('POST', `${me}/transfers`, { token: alice, body: { initiator_call: call.call_id, exten: '1004' } })).status).toBe(400);
  });

  it('relocates a call to another line and completes it by API', async () => {
    const call = await talkingCall(alice, '+15145550179');
    const body = { initiator_call: call.call_id, destination: 'line', location: { line_id: 2 }, completions: ['api'] };
    expect((await env.callJson('POST', `${me}/relocates`, { token: bob, body })).status).toBe(403);
    const created = await env.callJson('POST', `${me}/relocates`, { token: alice, body });
    expect(created).toMatchObject({ status: 201, body: { initiator: env.sim.fixtures.users.alice.uuid, relocated_call: expect.any(String), completions: ['api'], timeout: 30 } });
    expect((await env.callJson('POST', `${me}/relocates`, { token: alice, body })).status).toBe(409);
    expect((await env.callJson('GET', `${me}/relocates`, { token: alice })).body.items).toHaveLength(1);
    expect((await env.callJson('GET', `${me}/relocates/${created.body.uuid}`, { token: alice })).body.uuid).toBe(created.body.uuid);
    expect((await env.call('PUT', `${me}/relocates/${created.body.uuid}/complete`, { token: alice })).status).toBe(204);
    const recipient = (await myCalls(alice)).find((c) => c.call_id === created.body.recipient_call)!;
    expect(recipient).toMatchObject({ line_id: 2, status: 'Up' });
    expect((await env.call('GET', `${me}/relocates/${created.body.uuid}`, { token: alice })).status).toBe(404);
  });

  it('cancels a relocate, and refuses to complete one that waits for an answer', async () => {
    const call = await talkingCall(alice, '+15145550180');
    const created = (await env.callJson('POST', `${me}/relocates`, { token: alice, body: { initiator_call: call.call_id, destination: 'mobile' } })).body;
    expect((await env.callJson('PUT', `${me}/relocates/${created.uuid}/complete`, { token: alice })).body.error_id).toBe('relocate-completion-error');
    expect((await env.call('PUT', `${me}/relocates/${created.uuid}/cancel`, { token: alice })).status).toBe(204);
    expect((await env.call('PUT', `${me}/relocates/${created.uuid}/cancel`, { token: alice })).status).toBe(404);
  });
});

describe('switchboards and conferences', () => {
  const switchboard = `${P.calld}/switchboards/${'d4c3b2a1-f0e9-4d8c-9b7a-6f5e4d3c2b1a'}`;

  it('answers queued calls, holds them and answers them again', async () => {
    const queued = (await env.callJson('GET', `${switchboard}/calls/queued`, { token: admin })).body.items as Json[];
    expect(queued).toHaveLength(3);
    expect(queued[0]).toEqual({ id: expect.any(String), caller_id_name: 'Contoso', caller_id_number: expect.stringMatching(/^\+1/) });
    expect((await env.callJson('PUT', `${switchboard}/calls/queued/${queued[0]!.id}/answer`, { token: admin })).body.error_id).toBe('no-such-confd-user');
    const answered = await env.callJson('PUT', `${switchboard}/calls/queued/${queued[0]!.id}/answer?line_id=1`, { token: alice });
    expect(answered).toMatchObject({ status: 200, body: { call_id: expect.any(String) } });
    expect((await env.callJson('GET', `${switchboard}/calls/queued`, { token: admin })).body.items).toHaveLength(2);
    expect((await env.call('PUT', `${switchboard}/calls/held/${answered.body.call_id}`, { token: admin })).status).toBe(204);
    const held = (await env.callJson('GET', `${switchboard}/calls/held`, { token: admin })).body.items as Json[];
    expect(held.map((call) => call.id)).toContain(queued[0]!.id);
    expect((await env.callJson('PUT', `${switchboard}/calls/held/${queued[0]!.id}/answer`, { token: alice })).status).toBe(200);
    expect((await env.callJson('GET', `${P.calld}/switchboards/00000000-0000-4000-8000-000000000000/calls/queued`, { token: admin })).body.error_id).toBe('no-such-switchboard');
  });

  it('lists, mutes and kicks conference participants; a user sees only its conferences', async () => {
    const mine = await env.callJson('GET', `${me}/conferences/1/participants`, { token: alice });
    expect(mine.body.total).toBe(3);
    expect(mine.body.items[0]).toMatchObject({ caller_id_name: 'Alice Martin', admin: true, join_time: expect.any(Number) });
    expect(await env.callJson('GET', `${me}/conferences/2/participants`, { token: alice })).toMatchObject({ status: 403, body: { error_id: 'user-not-participant' } });
    expect(await env.callJson('GET', `${me}/conferences/9/participants`, { token: alice })).toMatchObject({ status: 404, body: { resource: 'conference' } });
    const guest = (mine.body.items as Json[]).find((p) => p.user_uuid === null)!;
    const conference = `${P.calld}/conferences/1/participants`;
    expect((await env.call('PUT', `${conference}/${guest.id}/mute`, { token: admin })).status).toBe(204);
    expect((await env.callJson('GET', conference, { token: admin })).body.items.find((p: Json) => p.id === guest.id).muted).toBe(true);
    expect((await env.call('PUT', `${conference}/${guest.id}/unmute`, { token: admin })).status).toBe(204);
    expect((await env.call('DELETE', `${conference}/${guest.id}`, { token: admin })).status).toBe(204);
    expect(await env.callJson('DELETE', `${conference}/${guest.id}`, { token: admin })).toMatchObject({ status: 404, body: { error_id: 'no-such-participant' } });
  });
});

describe('voicemail and faxes', () => {
  it('shows the box with its folders, and 404 for a user without one', async () => {
    const { body } = await env.callJson('GET', `${me}/voicemails`, { token: alice });
    expect(body).toMatchObject({ id: 1, number: '1001', accesstype: 'personal' });
    expect(body.folders.map((f: Json) => [f.name, f.type])).toEqual([['inbox', 'new'], ['old', 'old'], ['urgent', 'urgent'], ['work', 'other'], ['family', 'other'], ['friends', 'other']]);
    expect(body.folders.reduce((sum: number, f: Json) => sum + f.messages.length, 0)).toBe(12);
    expect((await env.callJson('GET', `${me}/voicemails/folders/1`, { token: alice })).body.messages).toHaveLength(5);
    expect((await env.call('GET', `${me}/voicemails/folders/9`, { token: alice })).status).toBe(404);
    expect(await env.callJson('GET', `${me}/voicemails`, { token: bob })).toMatchObject({ status: 404, body: { error_id: 'no-such-user-voicemail' } });
  });

  it('pages the messages of the personal and global boxes, newest first', async () => {
    const all = await env.callJson('GET', `${me}/voicemails/messages?limit=5`, { token: alice });
    expect(all.body.total).toBe(16);
    expect(all.body.items).toHaveLength(5);
    const stamps = (all.body.items as Json[]).map((m) => m.timestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(all.body.items[0]).toMatchObject({ folder: { id: expect.any(Number) }, voicemail: { accesstype: expect.any(String) } });
    expect((await env.callJson('GET', `${me}/voicemails/messages?voicemail_type=global`, { token: alice })).body.total).toBe(4);
    const byDuration = (await env.callJson('GET', `${me}/voicemails/messages?order=duration&direction=asc&voicemail_type=personal`, { token: alice })).body.items as Json[];
    expect(byDuration.map((m) => m.duration)).toEqual([...byDuration.map((m) => m.duration)].sort((a, b) => a - b));
    expect((await env.call('GET', `${me}/voicemails/messages?limit=0`, { token: alice })).status).toBe(400);
  });

  it('moves, downloads (real WAV) and deletes a message', async () => {
    const [message] = (await env.callJson('GET', `${me}/voicemails/messages?voicemail_type=personal&limit=1`, { token: alice })).body.items as Json[];
    const path = `${me}/voicemails/messages/${message!.id}`;
    expect((await env.call('PUT', path, { token: alice, body: { folder_id: 4 } })).status).toBe(204);
    expect((await env.callJson('GET', path, { token: alice })).body.folder).toEqual({ id: 4, name: 'work', type: 'other' });
    expect((await env.call('PUT', path, { token: alice, body: { folder_id: 12 } })).status).toBe(400);
    const audio = await env.call('GET', `${path}/recording?download=1`, { token: alice });
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    expect(audio.headers.get('content-disposition')).toContain('attachment');
    const wav = new Uint8Array(await audio.arrayBuffer());
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
    expect(new TextDecoder().decode(wav.subarray(8, 16))).toBe('WAVEfmt ');
    expect(new DataView(wav.buffer).getUint32(40, true)).toBe(message!.duration * 16_000);
    expect(Number(audio.headers.get('content-length'))).toBe(44 + message!.duration * 16_000);
    expect((await env.call('DELETE', path, { token: alice })).status).toBe(204);
    expect(await env.callJson('GET', path, { token: alice })).toMatchObject({ status: 404, body: { error_id: 'no-such-voicemail-message' } });
    expect((await env.call('GET', `${me}/voicemails/messages/not_valid!`, { token: alice })).status).toBe(400);
  });

  it('stores, replaces, copies and deletes greetings as WAV', async () => {
    const greeting = `${me}/voicemails/greetings`;
    expect(await env.callJson('GET', `${greeting}/busy`, { token: alice })).toMatchObject({ status: 404, body: { error_id: 'no-such-voicemail-greeting' } });
    expect((await env.call('POST', `${greeting}/busy`, { token: alice, body: new Uint8Array([1, 2, 3]), contentType: 'audio/wav' })).status).toBe(400);
    const wav = silentWav(1);
    expect((await env.call('POST', `${greeting}/busy`, { token: alice, body: wav, contentType: 'audio/wav' })).status).toBe(204);
    expect((await env.call('POST', `${greeting}/busy`, { token: alice, body: wav, contentType: 'audio/wav' })).status).toBe(409);
    const fetched = await env.call('GET', `${greeting}/busy`, { token: alice });
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(wav);
    expect((await env.call('PUT', `${greeting}/busy`, { token: alice, body: silentWav(2), contentType: 'audio/wav' })).status).toBe(204);
    expect((await env.call('PUT', `${greeting}/name`, { token: alice, body: wav, contentType: 'audio/wav' })).status).toBe(404);
    expect((await env.call('POST', `${greeting}/busy/copy`, { token: alice, body: { dest_greeting: 'unavailable' } })).status).toBe(204);
    expect((await env.call('GET', `${greeting}/unavailable`, { token: alice })).status).toBe(200);
    expect((await env.call('DELETE', `${greeting}/busy`, { token: alice })).status).toBe(204);
    expect((await env.call('DELETE', `${greeting}/busy`, { token: alice })).status).toBe(404);
  });

  it('sends a PDF as a fax, and refuses what is not one', async () => {
    const pdf = simplePdf('Quote', ['Total: 120.00 CAD']);
    const sent = await env.callJson('POST', `${me}/faxes?extension=5145550190&caller_id=Alice`, { token: alice, body: pdf, contentType: 'application/pdf' });
    expect(sent).toMatchObject({ status: 201, body: { extension: '5145550190', caller_id: 'Alice', context: 'default', user_uuid: env.sim.fixtures.users.alice.uuid } });
    const refused = await env.callJson('POST', `${me}/faxes?extension=5145550190`, { token: alice, body: new TextEncoder().encode('not a pdf'), contentType: 'application/pdf' });
    expect(refused).toMatchObject({ status: 400, body: { error_id: 'fax-failure' } });
    const admin = await env.tokenOf('admin');
    expect((await env.callJson('POST', `${P.calld}/faxes?context=default&extension=1001`, { token: admin, body: pdf, contentType: 'application/pdf' })).body.user_uuid).toBeNull();
    expect((await env.call('POST', `${me}/faxes`, { token: alice, body: pdf, contentType: 'application/pdf' })).status).toBe(400);
  });
});

describe('applications', () => {
  const app = `${P.calld}/applications/${'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b'}`;

  it('drives calls, nodes, playbacks and snoops of a Stasis application', async () => {
    expect((await env.callJson('GET', app, { token: admin })).body).toEqual({ destination_node_uuid: expect.any(String) });
    expect((await env.call('GET', app, { token: alice })).status).toBe(401);
    expect(await env.callJson('GET', `${P.calld}/applications/00000000-0000-4000-8000-000000000000`, { token: admin })).toMatchObject({ status: 404, body: { error_id: 'no-such-application' } });
    const calls = (await env.callJson('GET', `${app}/calls`, { token: admin })).body.items as Json[];
    expect(calls).toHaveLength(2);
    const created = await env.callJson('POST', `${app}/calls`, { token: admin, body: { exten: '1002', context: 'default', displayed_caller_id_name: 'IVR' } });
    expect(created).toMatchObject({ status: 201, body: { status: 'Ring', caller_id_name: 'IVR', dialed_extension: '1002' } });
    const id = created.body.id as string;
    for (const action of ['answer', 'dtmf?digits=1', 'hold/start', 'hold/stop', 'mute/start', 'mute/stop', 'progress/start', 'progress/stop', `moh/${'0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'}/start`, 'moh/stop']) {
      expect((await env.call('PUT', `${app}/calls/${id}/${action}`, { token: admin })).status, action).toBe(204);
    }
    const playback = await env.callJson('POST', `${app}/calls/${id}/playbacks`, { token: admin, body: { uri: 'sound:tt-weasels' } });
    expect(playback.body).toMatchObject({ uri: 'sound:tt-weasels', language: 'en_US', state: 'playing' });
    expect((await env.call('DELETE', `${app}/playbacks/${playback.body.uuid}`, { token: admin })).status).toBe(204);
    expect((await env.call('DELETE', `${app}/playbacks/${playback.body.uuid}`, { token: admin })).status).toBe(404);

    const node = await env.callJson('POST', `${app}/nodes`, { token: admin, body: { calls: [{ id }] } });
    expect(node).toMatchObject({ status: 201, body: { calls: [{ id }] } });
    expect((await env.callJson('POST', `${app}/nodes`, { token: admin, body: { calls: [{ id: '1.1' }] } })).status).toBe(400);
    expect((await env.callJson('GET', `${app}/nodes`, { token: admin })).body.items).toHaveLength(2);
    const nodePath = `${app}/nodes/${node.body.uuid}`;
    const toExten = await env.callJson('POST', `${nodePath}/calls`, { token: admin, body: { exten: '1003', context: 'default' } });
    const toUser = await env.callJson('POST', `${nodePath}/calls/user`, { token: admin, body: { user_uuid: env.sim.fixtures.users.bob.uuid } });
    expect([toExten.status, toUser.status]).toEqual([201, 201]);
    expect((await env.callJson('POST', `${nodePath}/calls/user`, { token: admin, body: { user_uuid: '00000000-0000-4000-8000-000000000000' } })).status).toBe(400);
    expect((await env.callJson('GET', nodePath, { token: admin })).body.calls).toHaveLength(3);
    expect((await env.call('DELETE', `${nodePath}/calls/${toExten.body.id}`, { token: admin })).status).toBe(204);
    expect((await env.call('DELETE', `${nodePath}/calls/${toExten.body.id}`, { token: admin })).status).toBe(404);
    expect((await env.call('PUT', `${nodePath}/calls/${calls[0]!.id}`, { token: admin })).status).toBe(204);

    const snoop = await env.callJson('POST', `${app}/calls/${id}/snoops`, { token: admin, body: { snooping_call_id: calls[0]!.id, whisper_mode: 'in' } });
    expect(snoop).toMatchObject({ status: 201, body: { snooped_call_id: id, snooping_call_id: calls[0]!.id, whisper_mode: 'in' } });
    expect((await env.callJson('POST', `${app}/calls/${id}/snoops`, { token: admin, body: { snooping_call_id: 'nope' } })).status).toBe(400);
    expect((await env.callJson('GET', `${app}/snoops`, { token: admin })).body.items).toHaveLength(1);
    expect((await env.call('PUT', `${app}/snoops/${snoop.body.uuid}`, { token: admin, body: { whisper_mode: 'both' } })).status).toBe(204);
    expect((await env.callJson('GET', `${app}/snoops/${snoop.body.uuid}`, { token: admin })).body.whisper_mode).toBe('both');
    expect((await env.call('DELETE', `${app}/snoops/${snoop.body.uuid}`, { token: admin })).status).toBe(204);
    expect(await env.callJson('GET', `${app}/snoops/${snoop.body.uuid}`, { token: admin })).toMatchObject({ status: 404, body: { error_id: 'no-such-snoop' } });

    expect((await env.call('DELETE', nodePath, { token: admin })).status).toBe(204);
    expect((await env.callJson('GET', nodePath, { token: admin })).body.error_id).toBe('no-such-node');
    expect((await env.call('DELETE', `${app}/calls/${id}`, { token: admin })).status).toBe(204);
    expect(await env.callJson('DELETE', `${app}/calls/${id}`, { token: admin })).toMatchObject({ status: 404, body: { error_id: 'no-such-call' } });
  });
});

it('exercised every calld operation within the contract', () => {
  expect(env.unexercised('calld')).toEqual([]);
  expect(env.sim.violations).toEqual([]);
});
