import { describe, expect, it } from 'vitest';
import { startKazoo } from './harness.js';

const env = await startKazoo();
const kazoo = env.client({ auth: { apiKey: env.fixtures.demo.apiKey } });
const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
const isMp3 = (data: Uint8Array) => (data[0] === 0x49 && data[1] === 0x44 && data[2] === 0x33) || (data[0] === 0xff && (data[1]! & 0xe0) === 0xe0);

describe('CSV', () => {
  it('exports CDRs as CSV with Accept on that call only', async () => {
    const csv = await kazoo.cdrs.exportCsv({ query: { page_size: 20 } });
    const [header, ...rows] = csv.trim().split('\n');
    expect(header).toContain('call_id');
    expect(rows.length).toBeGreaterThan(0);
    const csvRequest = env.sent.at(-1)!;
    expect(csvRequest.headers.get('accept')).toBe('text/csv');
    await kazoo.cdrs.list({ query: { page_size: 1 } });
    expect(env.sent.at(-1)!.headers.get('accept')).toBeNull();
  });
});

describe('faxes', () => {
  it('sends a PDF as multipart and downloads the stored document', async () => {
    const pdf = new Blob(['%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'], { type: 'application/pdf' });
    const job = await kazoo.faxes.createOutgoing({ body: { data: { to_number: '+14155550123', from_number: '+14155550100' }, file: pdf } });
    expect(job.id).toBeDefined();
    const upload = env.sent.at(-1)!;
    expect(upload.body).toBeInstanceOf(FormData);
    const part = (upload.body as FormData).get('data') as Blob;
    expect(part.type).toBe('application/json');
    expect(JSON.parse(await part.text())).toEqual({ data: { to_number: '+14155550123', from_number: '+14155550100' } });
    const outbox = await kazoo.faxes.listOutbox();
    const stored = outbox.items.find((fax) => fax.id === job.id) ?? outbox.items[0]!;
    const document = await kazoo.faxes.downloadOutboxAttachment({ path: { fax_id: stored.id! } });
    expect(new TextDecoder().decode((await bytes(document)).slice(0, 5))).toBe('%PDF-');
  });

  it('sends a fax from a document URL as JSON', async () => {
    const job = await kazoo.faxes.createOutgoing({ body: { to_number: '+14155550123', from_number: '+14155550100', document: { url: 'https://files.example.com/a.pdf', method: 'get' } } });
    expect(job.id).toBeDefined();
    expect(env.sent.at(-1)!.headers.get('content-type')).toBe('application/json');
  });
});

describe('audio and photos', () => {
  it('downloads a recording as audio (same path, Accept: audio/mpeg)', async () => {
    const [recording] = (await kazoo.recordings.list({ query: { page_size: 1 } })).items;
    const meta = await kazoo.recordings.get({ path: { recording_id: recording!.id! } });
    expect(meta.id).toBe(recording!.id);
    const audio = await kazoo.recordings.downloadAudio({ path: { recording_id: recording!.id! } });
    expect(isMp3(await bytes(audio))).toBe(true);
  });

  it('uploads and downloads media audio', async () => {
    const media = await kazoo.media.create({ body: { name: 'pbxkit greeting', media_source: 'upload' } });
    const mp3 = new Blob([new Uint8Array([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0])], { type: 'audio/mpeg' });
    await kazoo.media.uploadAudio({ path: { media_id: media.id! }, body: mp3 });
    const audio = await kazoo.media.downloadAudio({ path: { media_id: media.id! } });
    expect(await bytes(audio)).toEqual(await bytes(mp3));
  });

  it('downloads voicemail message audio', async () => {
    const [box] = (await kazoo.vmboxes.list()).items;
    const [message] = (await kazoo.vmboxes.listMessages({ path: { vm_box_id: box!.id! } })).items;
    const audio = await kazoo.vmboxes.downloadMessageAudio({ path: { vm_box_id: box!.id!, vm_msg_id: message!.media_id! } });
    expect(isMp3(await bytes(audio))).toBe(true);
  });

  it('uploads and downloads a user photo', async () => {
    const photo = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'application/octet-stream' });
    await kazoo.users.uploadPhoto({ path: { user_id: env.fixtures.user.userId }, body: photo });
    const back = await kazoo.users.downloadPhoto({ path: { user_id: env.fixtures.user.userId } });
    expect(await bytes(back)).toEqual(await bytes(photo));
  });
});
