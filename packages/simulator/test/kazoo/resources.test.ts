import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKazoo, type Json, type KazooEnv } from './harness.js';

let env: KazooEnv;
let token: string;

beforeAll(async () => {
  env = await startKazoo();
  token = await env.apiToken();
});
afterAll(() => env.close());
beforeEach(() => env.sim.reset());

const json = (method: string, path: string, body?: unknown) => env.callJson(method, path, { token, ...(body === undefined ? {} : { body: { data: body } }) });
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const isMp3 = (bytes: Uint8Array) => bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0;

describe('users', () => {
  it('creates (201 + Location), reads, replaces, patches (null removes) and deletes', async () => {
    const created = await json('PUT', env.demo('/users'), { first_name: 'Ada', last_name: 'Lovelace', username: 'ada', email: 'ada@example.com', title: 'Engineer' });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(created.response.headers.get('location')).toBe(`/v2${env.demo(`/users/${id}`)}`);
    expect(created.body).toMatchObject({ revision: expect.stringMatching(/^1-/), data: { first_name: 'Ada', enabled: true, priv_level: 'user' } });

    const replaced = await json('POST', env.demo(`/users/${id}`), { first_name: 'Ada', last_name: 'King', username: 'ada' });
    expect(replaced.body.data).toMatchObject({ last_name: 'King' });
    expect(replaced.body.data.title).toBeUndefined();
    expect(replaced.body.revision).toMatch(/^2-/);

    // null removes a key (the spec types email, so a custom field shows it).
    const patched = await json('PATCH', env.demo(`/users/${id}`), { nickname: 'Countess', caller_id: { internal: { number: '1099' } } });
    expect(patched.body.data.nickname).toBe('Countess');
    expect((await json('PATCH', env.demo(`/users/${id}`), { nickname: null })).body.data.nickname).toBeUndefined();
    expect(patched.body.data).toMatchObject({ first_name: 'Ada', last_name: 'King', caller_id: { internal: { number: '1099' } } });
    const nested = await json('PATCH', env.demo(`/users/${id}`), { caller_id: { internal: { name: 'Ada' } } });
    expect(nested.body.data.caller_id).toEqual({ internal: { number: '1099', name: 'Ada' } });

    expect((await json('GET', env.demo(`/users/${id}`))).body.data.last_name).toBe('King');
    expect((await json('GET', env.demo('/users?paginate=false'))).body.data.map((u: Json) => u.id)).toContain(id);
    expect((await json('DELETE', env.demo(`/users/${id}`))).status).toBe(200);
    const gone = await json('GET', env.demo(`/users/${id}`));
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ error: '404', message: 'bad_identifier', data: { message: 'bad identifier', cause: id } });
  });

  it('answers missing required fields, bad enums and taken usernames with dotted-key validation errors', async () => {
    const missing = await json('PUT', env.demo('/users'), { last_name: 'Nobody' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ status: 'error', error: '400', message: 'validation error', data: { first_name: { required: { message: 'Field is required but missing' } } } });
    const badLevel = await json('PUT', env.demo('/users'), { first_name: 'A', last_name: 'B', priv_level: 'root' });
    expect(badLevel.body.data.priv_level).toHaveProperty('enum');
    const taken = await json('PUT', env.demo('/users'), { first_name: 'A', last_name: 'B', username: 'JSmith' });
    expect(taken.body.data).toEqual({ username: { unique: { message: 'User name already in use', cause: 'JSmith' } } });
  });

  it('stores a photo and serves it back, and builds a vCard', async () => {
    const path = env.demo(`/users/${env.fixtures.user.userId}/photo`);
    expect((await env.call('GET', path, { token })).status).toBe(404);
    const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const upload = await fetch(`${env.server.baseUrl}${path}`, { method: 'POST', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream' }, body: photo });
    expect(upload.status).toBe(200);
    const download = await env.call('GET', path, { token });
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(await bytesOf(download)).toEqual(photo);
    expect((await env.call('DELETE', path, { token })).status).toBe(200);
    expect((await env.call('GET', path, { token })).status).toBe(404);

    const vcard = await env.call('GET', env.demo(`/users/${env.fixtures.user.userId}/vcard`), { token });
    expect(vcard.headers.get('content-type')).toBe('text/x-vcard');
    const text = await vcard.text();
    expect(text).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\nFN:James Smith\r\nN:Smith;James;;;\r\n/);
    expect(text).toContain('EMAIL;TYPE=WORK:james.smith@example.com');
  });
});

describe('devices and callflows', () => {
  it('creates devices with unique SIP usernames, lists a user’s devices and the registered ones', async () => {
    const created = await json('PUT', env.demo('/devices'), { name: 'Lobby phone', owner_id: env.fixtures.user.userId, sip: { username: 'lobby_phone', password: 'secret-secret' } });
    expect(created.status).toBe(201);
    const clash = await json('PUT', env.demo('/devices'), { name: 'Other', sip: { username: 'LOBBY_PHONE', password: 'other-secret' } });
    expect(clash.body.data).toEqual({ 'sip.username': { unique: { message: 'SIP credentials already in use', cause: 'LOBBY_PHONE' } } });
    expect((await json('PUT', env.demo('/devices'), { device_type: 'sip_device' })).body.data.name).toHaveProperty('required');
    const mine = (await json('GET', env.demo(`/users/${env.fixtures.user.userId}/devices`))).body.data as Json[];
    expect(mine.map((d) => d.name)).toContain('Lobby phone');
    expect(mine.every((d) => d.owner_id === env.fixtures.user.userId)).toBe(true);
    const status = (await json('GET', env.demo('/devices/status'))).body.data as Json[];
    expect(status.length).toBeGreaterThan(0);
    expect(status.map((s) => s.device_id)).not.toContain(created.body.data.id);
  });

  it('sends a SIP NOTIFY with PUT action notify (data.event required) and a reboot sync', async () => {
    const device = env.sim.store.devices.inAccount(env.fixtures.demo.accountId)[0]!;
    const notify = await json('PUT', env.demo(`/devices/${device.id}`), { action: 'notify', data: { event: 'check-sync' } });
    expect(notify.status).toBeLessThan(300);
    expect(notify.body.data).toBe('NOTIFY sent');
    const noEvent = await json('PUT', env.demo(`/devices/${device.id}`), { action: 'notify', data: {} });
    expect(noEvent.status).toBe(400);
    expect((await json('POST', env.demo(`/devices/${device.id}/sync`))).body.data).toBe('sync request sent');
  });

  it('keeps callflow numbers unique and summarizes the modules', async () => {
    const flow = { module: 'user', data: { id: env.fixtures.user.userId }, children: { _: { module: 'voicemail', data: {}, children: {} } } };
    const created = await json('PUT', env.demo('/callflows'), { name: 'Hotline', numbers: ['7777'], flow });
    expect(created.status).toBe(201);
    expect((await json('PUT', env.demo('/callflows'), { numbers: ['7777'], flow })).body.data.numbers).toHaveProperty('unique');
    expect((await json('PUT', env.demo('/callflows'), { numbers: ['7778'] })).body.data).toHaveProperty('flow');
    const row = ((await json('GET', env.demo('/callflows?paginate=false'))).body.data as Json[]).find((f) => f.id === created.body.data.id);
    expect(row).toMatchObject({ name: 'Hotline', numbers: ['7777'], modules: ['user', 'voicemail'] });
  });
});

describe('voicemail', () => {
  const box = () => env.sim.store.vmboxes.inAccount(env.fixtures.demo.accountId)[0]!;
  const messages = async (boxId: string) => (await json('GET', env.demo(`/vmboxes/${boxId}/messages?paginate=false`))).body.data as Json[];

  it('lists a box’s messages and every box’s, moves, copies and deletes them', async () => {
    const { id } = box();
    const listed = await messages(id);
    expect(listed.length).toBeGreaterThan(1);
    expect(listed[0]!.media_id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    const all = (await json('GET', env.demo('/vmboxes/messages?paginate=false'))).body.data as Json[];
    expect(all.filter((item) => Object.keys(item)[0] === id)).toHaveLength(listed.length);

    const [first, second] = listed as [Json, Json];
    const moved = await json('POST', env.demo(`/vmboxes/${id}/messages`), { messages: [first.media_id, 'nope'], folder: 'saved' });
    expect(moved.body.data).toEqual({ succeeded: [first.media_id], failed: { nope: 'not_found' } });
    expect((await json('GET', env.demo(`/vmboxes/${id}/messages/${first.media_id}`))).body.data.folder).toBe('saved');
    expect((await json('POST', env.demo(`/vmboxes/${id}/messages`), { folder: 'saved' })).status).toBe(400);

    const other = env.sim.store.vmboxes.inAccount(env.fixtures.demo.accountId)[1]!;
    const before = (await messages(other.id)).length;
    await json('POST', env.demo(`/vmboxes/${id}/messages/${second.media_id}`), { source_id: [other.id] });
    expect(await messages(other.id)).toHaveLength(before + 1);

    const deleted = await json('DELETE', env.demo(`/vmboxes/${id}/messages`), { messages: [first.media_id] });
    expect(deleted.body.data.succeeded).toEqual([first.media_id]);
    expect((await messages(id)).map((m) => m.media_id)).not.toContain(first.media_id);
    expect((await json('GET', env.demo('/vmboxes?paginate=false'))).body.data.find((b: Json) => b.id === id).messages).toBe(listed.length - 1);
  });

  it('serves message audio as MP3 (with byte ranges), takes uploads, and zips several', async () => {
    const { id } = box();
    const [message] = await messages(id);
    const raw = env.demo(`/vmboxes/${id}/messages/${message!.media_id}/raw`);
    const audio = await env.call('GET', raw, { token });
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    const whole = await bytesOf(audio);
    expect(isMp3(whole)).toBe(true);
    const part = await env.call('GET', raw, { token, headers: { Range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${whole.length}`);
    expect(await bytesOf(part)).toEqual(whole.slice(0, 100));

    const created = await json('PUT', env.demo(`/vmboxes/${id}/messages`), { caller_id_number: '+16465550123' });
    const newId = created.body.data.media_id as string;
    expect(created.body.data).toMatchObject({ folder: 'new', length: 1, caller_id_number: '+16465550123' });
    const newRaw = env.demo(`/vmboxes/${id}/messages/${newId}/raw`);
    expect((await env.call('GET', newRaw, { token })).status).toBe(404);
    const upload = new Uint8Array([0xff, 0xfb, 0x18, 0xc4, 9, 9, 9]);
    const put = await fetch(`${env.server.baseUrl}${newRaw}`, { method: 'PUT', headers: { 'X-Auth-Token': token, 'Content-Type': 'audio/mpeg' }, body: upload });
    expect(put.status).toBeLessThan(300);
    expect(await bytesOf(await env.call('GET', newRaw, { token }))).toEqual(upload);

    const zip = await fetch(`${env.server.baseUrl}${env.demo(`/vmboxes/${id}/messages/raw`)}`, {
      method: 'POST',
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { messages: [message!.media_id, newId] } }),
    });
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const archive = await bytesOf(zip);
    expect([...archive.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder('latin1').decode(archive)).toContain('+16465550123_');
  });

  it('keeps mailbox numbers unique', async () => {
    const taken = await json('PUT', env.demo('/vmboxes'), { name: 'Dup', mailbox: box().mailbox });
    expect(taken.body.data.mailbox).toHaveProperty('unique');
  });
});

describe('media and recordings', () => {
  it('serves media as JSON or audio by Accept, takes an upload on /raw, and counts languages', async () => {
    const created = await json('PUT', env.demo('/media'), { name: 'New greeting', media_source: 'upload', language: 'de-de' });
    const id = created.body.data.id as string;
    expect((await env.call('GET', env.demo(`/media/${id}/raw`), { token })).status).toBe(404);
    const upload = new Uint8Array([0xff, 0xfb, 0x18, 0xc4, 1, 2, 3, 4]);
    const posted = await fetch(`${env.server.baseUrl}${env.demo(`/media/${id}/raw`)}`, { method: 'POST', headers: { 'X-Auth-Token': token, 'Content-Type': 'audio/mpeg' }, body: upload });
    expect(((await posted.json()) as Json).data).toMatchObject({ content_length: 8, content_type: 'audio/mpeg' });
    const audio = await env.call('GET', env.demo(`/media/${id}`), { token, headers: { Accept: 'audio/mpeg' } });
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(await bytesOf(audio)).toEqual(upload);
    expect((await json('GET', env.demo(`/media/${id}`))).body.data.name).toBe('New greeting');
    const languages = (await json('GET', env.demo('/media/languages'))).body.data[0];
    expect(languages['de-de']).toBe(1);
    expect((await json('GET', env.demo('/media/languages/de-de'))).body.data).toEqual([id]);
    expect((await json('GET', env.demo('/media/prompts/vm-enter_pass'))).body.data).toEqual(['en-us%2Fvm-enter_pass']);
  });

  it('serves recordings as JSON, or MP3 with Accept audio/mpeg or ?accept=audio/mpeg', async () => {
    const [recording] = (await json('GET', env.demo('/recordings?page_size=1'))).body.data as Json[];
    expect(recording!.id).toMatch(/^\d{6}-[0-9a-f]{32}$/);
    const doc = await json('GET', env.demo(`/recordings/${recording!.id}`));
    expect(doc.body.data).toMatchObject({ call_id: recording!.call_id, content_type: 'audio/mpeg', media_source: 'recorded' });
    for (const options of [{ headers: { Accept: 'audio/mpeg' } }, { query: '?accept=audio/mpeg' }]) {
      const response = await env.call('GET', env.demo(`/recordings/${recording!.id}${'query' in options ? options.query : ''}`), { token, ...('headers' in options ? { headers: options.headers } : {}) });
      expect(response.headers.get('content-type')).toBe('audio/mpeg');
      expect(isMp3(await bytesOf(response))).toBe(true);
    }
    expect((await json('DELETE', env.demo(`/recordings/${recording!.id}`))).status).toBe(200);
    expect((await json('GET', env.demo(`/recordings/${recording!.id}`))).status).toBe(404);
  });
});

describe('faxes', () => {
  it('queues a fax from JSON and from multipart/form-data with a PDF part', async () => {
    const job = await json('PUT', env.demo('/faxes/outgoing'), { from_number: '+14155550107', to_number: '+16465550111', document: { url: 'https://files.example.com/q.pdf', method: 'get' } });
    expect(job.status).toBe(201);
    expect(job.body.data).toMatchObject({ status: 'pending', to_number: '+16465550111' });
    expect(job.response.headers.get('location')).toBe(`/v2${env.demo(`/faxes/outgoing/${job.body.data.id}`)}`);
    expect((await json('PUT', env.demo('/faxes'), { from_number: '+14155550107', to_number: '+16465550111' })).body.data).toHaveProperty(['document.url']);

    const form = new FormData();
    form.set('data', JSON.stringify({ data: { from_number: '+14155550107', to_number: '+16465550112' } }));
    form.set('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'fax.pdf');
    const multipart = await fetch(`${env.server.baseUrl}${env.demo('/faxes')}`, { method: 'PUT', headers: { 'X-Auth-Token': token }, body: form });
    expect(multipart.status).toBe(201);
    const sent = ((await multipart.json()) as Json).data;
    expect(sent).toMatchObject({ status: 'pending', to_number: '+16465550112' });
    const outgoing = (await json('GET', env.demo('/faxes/outgoing?paginate=false'))).body.data as Json[];
    expect(outgoing.map((f) => f.id)).toEqual(expect.arrayContaining([job.body.data.id, sent.id]));
  });

  it('serves inbox and outbox faxes with PDF attachments, and forgets a deleted attachment', async () => {
    const inbox = (await json('GET', env.demo('/faxes/inbox?paginate=false'))).body.data as Json[];
    expect(inbox.length).toBeGreaterThan(0);
    expect(inbox.every((fax) => fax.folder === 'inbox')).toBe(true);
    const attachment = env.demo(`/faxes/inbox/${inbox[0]!.id}/attachment`);
    const pdf = await env.call('GET', attachment, { token });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await bytesOf(pdf)).slice(0, 5))).toBe('%PDF-');
    expect((await json('DELETE', attachment)).status).toBe(200);
    expect((await env.call('GET', attachment, { token })).status).toBe(404);
    const forwarded = await env.callJson('PUT', env.demo(`/faxes/inbox/${inbox[0]!.id}`), { token, body: { action: 'forward', data: { to_number: '+16465550113' } } });
    expect(forwarded.body.data).toMatchObject({ status: 'pending', to_number: '+16465550113', resubmitted_from: inbox[0]!.id });
    expect((await env.callJson('PUT', env.demo(`/faxes/inbox/${inbox[0]!.id}`), { token, body: { action: 'resubmit', data: {} } })).status).toBe(400);
  });

  it('keeps faxboxes', async () => {
    const created = await json('PUT', env.demo('/faxboxes'), { name: 'Back office fax', caller_id: '+14155550106' });
    expect(created.body.data).toMatchObject({ name: 'Back office fax', retries: 1 });
    expect((await json('PATCH', env.demo(`/faxboxes/${created.body.data.id}`), { retries: 3 })).body.data.retries).toBe(3);
    expect((await json('PUT', env.demo('/faxboxes'), {})).body.data.name).toHaveProperty('required');
  });
});

describe('live calls', () => {
  it('lists channels, hangs one up (both legs go), and starts one with quickcall', async () => {
    const channels = (await json('GET', env.demo('/channels'))).body.data as Json[];
    const answered = channels.find((c) => c.answered && c.other_leg)!;
    const detail = (await json('GET', env.demo(`/channels/${answered.uuid}`))).body.data;
    expect(detail).toMatchObject({ call_id: answered.uuid, other_leg_call_id: answered.other_leg, caller_id_name: expect.any(String) });
    const hangup = await json('POST', env.demo(`/channels/${answered.uuid}`), { action: 'hangup' });
    expect(hangup.body.data).toBe('hangup initiated');
    const after = ((await json('GET', env.demo('/channels'))).body.data as Json[]).map((c) => c.uuid);
    expect(after).not.toContain(answered.uuid);
    expect(after).not.toContain(answered.other_leg);
    expect((await json('POST', env.demo(`/channels/${answered.uuid}`), { action: 'hangup' })).status).toBe(404);

    const device = env.sim.store.devices.inAccount(env.fixtures.demo.accountId)[0]!;
    const call = await json('GET', env.demo(`/devices/${device.id}/quickcall/+16465550199`));
    expect(call.status).toBeLessThan(300);
    expect(call.body.data).toMatchObject({ application_name: 'transfer', application_data: { route: '+16465550199' }, endpoints: [expect.objectContaining({ endpoint_id: device.id })] });
    const started = ((await json('GET', env.demo(`/devices/${device.id}/channels`))).body.data as Json[]).find((c) => c.destination === '+16465550199');
    expect(started).toMatchObject({ answered: false, authorizing_id: device.id });
  });

  it('acts on conferences and their participants', async () => {
    const conference = env.sim.store.conferences.inAccount(env.fixtures.demo.accountId)[0]!;
    const path = env.demo(`/conferences/${conference.id}`);
    expect((await json('GET', path)).body.data._read_only).toMatchObject({ moderators: 1, members: 2, is_locked: false, participants: expect.any(Array) });
    await json('PUT', path, { action: 'lock' });
    expect((await json('GET', path)).body.data._read_only.is_locked).toBe(true);
    await json('PUT', `${path}/participants/2`, { action: 'mute' });
    expect((await json('GET', `${path}/participants/2`)).body.data).toMatchObject({ speak: false, conference_channel_vars: { speak: false } });
    await json('PUT', `${path}/participants`, { action: 'kick' });
    expect(((await json('GET', `${path}/participants`)).body.data as Json[]).map((p) => p.is_moderator)).toEqual([true]);
    expect((await json('PUT', path, { action: 'explode' })).status).toBe(400);
  });

  it('counts and flushes registrations', async () => {
    const count = (await json('GET', env.demo('/registrations/count'))).body.data.count as number;
    const [registration] = (await json('GET', env.demo('/registrations'))).body.data as Json[];
    expect(count).toBeGreaterThan(1);
    await json('DELETE', env.demo(`/registrations/${registration!.username}`));
    expect((await json('GET', env.demo('/registrations/count'))).body.data.count).toBe(count - 1);
    expect((await json('DELETE', env.demo('/registrations/no_such_user'))).status).toBe(404);
    await json('DELETE', env.demo('/registrations'));
    expect((await json('GET', env.demo('/registrations'))).body.data).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('searches free numbers, adds, updates, activates and releases one', async () => {
    const found = (await json('GET', env.demo('/phone_numbers?prefix=415&quantity=3'))).body.data as Json[];
    expect(found).toHaveLength(3);
    expect(found.every((n) => /^\+1415555/.test(n.number) && n.state === 'discovery')).toBe(true);
    const number = encodeURIComponent(found[0]!.number);
    const created = await json('PUT', env.demo(`/phone_numbers/${number}`), {});
    expect(created.body.data).toMatchObject({ id: found[0]!.number, state: 'reserved', _read_only: { state: 'reserved' } });
    expect((await json('PUT', env.demo(`/phone_numbers/${number}`), {})).status).toBe(409);
    expect((await json('PATCH', env.demo(`/phone_numbers/${number}`), { cnam: { display_name: 'Front desk' } })).body.data.cnam).toEqual({ display_name: 'Front desk' });
    expect((await json('PUT', env.demo(`/phone_numbers/${number}/activate`), {})).body.data.state).toBe('in_service');
    expect((await json('GET', env.demo(`/phone_numbers/${number}/identify`))).body.data).toEqual({ account_id: env.fixtures.demo.accountId, number: found[0]!.number });
    const listed = (await json('GET', env.demo('/phone_numbers'))).body.data;
    expect(listed.numbers[found[0]!.number]).toMatchObject({ state: 'in_service', assigned_to: env.fixtures.demo.accountId });
    expect((await json('DELETE', env.demo(`/phone_numbers/${number}`))).body.data).toMatchObject({ state: 'available' });
    expect((await json('GET', env.demo(`/phone_numbers/${number}`))).status).toBe(404);
  });

  it('asks to accept charges before buying a number (402), then buys it', async () => {
    const path = env.demo('/phone_numbers/%2B14155550195/activate');
    const refused = await json('PUT', path, {});
    expect(refused.status).toBe(402);
    expect(refused.body).toMatchObject({ status: 'error', error: '402', message: 'accept charges', data: { activation_charges: 1, phone_numbers: { did_us: { quantity: 1 } } } });
    expect((await json('GET', env.demo('/phone_numbers/%2B14155550195'))).status).toBe(404);
    const bought = await json('PUT', path, { accept_charges: true });
    expect(bought.status).toBe(201);
    expect(bought.body.data).toMatchObject({ id: '+14155550195', state: 'in_service' });
    expect(bought.body.data.accept_charges).toBeUndefined();
    const bulk = await json('PUT', env.demo('/phone_numbers/collection/activate'), { numbers: ['+14155550196', '+14155550197'] });
    expect(bulk.body.data.activation_charges).toBe(2);
  });

  it('adds and removes numbers in bulk, reporting each', async () => {
    const added = await json('PUT', env.demo('/phone_numbers/collection'), { numbers: ['+14155550190', '+14155550100'] });
    expect(Object.keys(added.body.data.success)).toEqual(['+14155550190']);
    expect(added.body.data.error['+14155550100']).toMatchObject({ code: 409, error: 'number_exists' });
    const removed = await json('DELETE', env.demo('/phone_numbers/collection'), { numbers: ['+14155550190'] });
    expect(Object.keys(removed.body.data.success)).toEqual(['+14155550190']);
  });
});

describe('accounts', () => {
  it('creates a child account (201 + Location), lists it in the tree, patches, moves and deletes it', async () => {
    const created = await json('PUT', env.demo(), { name: 'Demo Kids' });
    expect(created.status).toBe(201);
    const id = created.body.data.id as string;
    expect(created.response.headers.get('location')).toBe(`/v2/accounts/${id}`);
    expect(created.body.data).toMatchObject({ name: 'Demo Kids', realm: expect.stringMatching(/\.sip\.pbxkit\.test$/), is_reseller: false, reseller_id: env.fixtures.reseller.accountId });
    expect(((await json('GET', env.demo('/children'))).body.data as Json[]).map((a) => a.id)).toContain(id);
    expect(((await json('GET', `/accounts/${env.fixtures.reseller.accountId}/descendants`)).status)).toBe(403);
    expect(((await json('GET', `/accounts/${id}/parents`)).body.data as Json[]).map((a) => a.name)).toEqual(['pbxkit-master', 'pbxkit-reseller', 'pbxkit-demo']);
    expect(((await json('GET', `/accounts/${env.fixtures.lab.accountId}/siblings`)).body.data as Json[]).map((a) => a.id)).toEqual([id]);
    expect((await json('PATCH', `/accounts/${id}`, { timezone: 'Europe/Paris' })).body.data.timezone).toBe('Europe/Paris');
    expect((await json('PUT', env.demo(), { name: 'PBXKIT demo' })).body.data.name).toHaveProperty('unique');

    const childToken = await env.apiToken((await json('GET', `/accounts/${id}/api_key`)).body.data.api_key);
    expect((await env.call('GET', env.demo(), { token: childToken })).status).toBe(403);

    const admin = await env.userToken(env.fixtures.superAdmin.username, env.fixtures.master.name);
    const moved = await env.callJson('POST', `/accounts/${id}/move`, { token: admin, body: { data: { to: env.fixtures.branch.accountId } } });
    expect(moved.status).toBe(200);
    expect(((await json('GET', `/accounts/${env.fixtures.branch.accountId}/children`)).status)).toBe(403);
    expect(((await env.callJson('GET', `/accounts/${env.fixtures.branch.accountId}/children`, { token: admin })).body.data as Json[]).map((a) => a.id)).toContain(id);
    expect((await json('POST', `/accounts/${id}/move`, { to: env.fixtures.master.accountId })).status).toBe(403);
    expect((await env.callJson('DELETE', `/accounts/${id}`, { token: admin })).status).toBe(200);
  });

  it('stores metaflows and enforces token restrictions on tokens issued afterwards', async () => {
    expect((await json('GET', env.demo('/metaflows'))).body.data).toMatchObject({ binding_digit: '*' });
    const before = await env.userToken('jdoe');
    const restrictions = { _: { user: { users: [{ allowed_accounts: ['{AUTH_ACCOUNT_ID}'], rules: { '#': ['GET'] } }] } } };
    expect((await json('POST', env.demo('/token_restrictions'), { restrictions })).body.data).toMatchObject({ id: 'token_restrictions', restrictions });
    const restricted = await env.userToken('jdoe');
    expect((await env.call('GET', env.demo('/users'), { token: restricted })).status).toBe(200);
    const denied = await env.callJson('GET', env.demo('/devices'), { token: restricted });
    expect(denied.status).toBe(403);
    expect(denied.body.data).toMatchObject({ cause: 'access denied by token restrictions' });
    expect((await env.call('PUT', env.demo('/users'), { token: restricted, body: { data: { first_name: 'A', last_name: 'B' } } })).status).toBe(403);
    expect((await env.call('GET', env.demo('/devices'), { token: before })).status).toBe(200);
    expect((await env.call('GET', env.demo('/devices'), { token: await env.userToken() })).status).toBe(200);
    expect((await json('DELETE', env.demo('/token_restrictions'))).status).toBe(200);
    expect((await json('GET', env.demo('/token_restrictions'))).status).toBe(404);
  });
});

it('records no contract violations', () => {
  expect(env.sim.violations).toEqual([]);
});
