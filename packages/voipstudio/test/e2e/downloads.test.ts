/** Binary downloads: recordings and voicemail (mp3), faxes and invoices (pdf). */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, where, type Transaction, type VoipstudioClient } from '../../src/index.js';
import { DEMO_API_TOKEN, rejectionOf, useSimulator } from './harness.js';

const e2e = useSimulator();
let vs: VoipstudioClient;

beforeAll(() => {
  vs = e2e.client({ auth: { apiKey: DEMO_API_TOKEN } });
});

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
/** An MPEG audio frame starts with 11 set bits: 0xFF, then 0xE0 or more. */
const startsWithMpegFrame = (bytes: Uint8Array) => bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0;
const startsWithPdf = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 5)) === '%PDF-';

describe('audio', () => {
  it('a recording downloads as an audio/mpeg Blob of its recorded size', async () => {
    const [recording] = (await vs.monitors.list({ query: { limit: 1 } })).items;

    const audio = await vs.monitors.downloadAudio({ path: { id: recording!.id } });

    expect(audio).toBeInstanceOf(Blob);
    expect(audio.type).toBe('audio/mpeg');
    expect(audio.size).toBe(recording!.size);
    const bytes = await bytesOf(audio);
    expect(startsWithMpegFrame(bytes)).toBe(true);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfb]);
  });

  it('a voicemail downloads as mp3', async () => {
    const [voicemail] = (await vs.voicemessages.list({ query: { limit: 1, sort: 'id', dir: 'DESC' } })).items;

    const audio = await vs.voicemessages.downloadAudio({ path: { id: voicemail!.id } });

    expect(audio.type).toBe('audio/mpeg');
    expect(audio.size).toBeGreaterThan(1000);
    expect(startsWithMpegFrame(await bytesOf(audio))).toBe(true);
  });

  it('asResponse streams the mp3 body', async () => {
    const [recording] = (await vs.monitors.list({ query: { page: 2, limit: 1 } })).items;

    const response = await vs.monitors.downloadAudio.asResponse({ path: { id: recording!.id } });

    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(Number(response.headers.get('content-length'))).toBe(recording!.size);
    const chunks: Uint8Array[] = [];
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(chunks.reduce((n, chunk) => n + chunk.byteLength, 0)).toBe(recording!.size);
    expect(startsWithMpegFrame(chunks[0]!)).toBe(true);
  });

  it('withResponse gives the Blob beside the response', async () => {
    const [recording] = (await vs.monitors.list({ query: { limit: 1 } })).items;
    const { data, response, requestId } = await vs.monitors.downloadAudio.withResponse({ path: { id: recording!.id } });
    expect(data).toBeInstanceOf(Blob);
    expect(data.size).toBe(recording!.size);
    expect(response.status).toBe(200);
    expect(requestId).toBe(response.headers.get('x-request-id'));
  });

  it('a missing recording is a NotFoundError with the JSON error body', async () => {
    const error = await rejectionOf(vs.monitors.downloadAudio({ path: { id: 1 } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, body: { message: 'Resource not found' } });
  });
});

describe('documents', () => {
  it('a fax downloads as a PDF', async () => {
    const [fax] = (await vs.faxes.list({ query: { limit: 1 } })).items;

    const pdf = await vs.faxes.downloadPdf({ path: { id: fax!.id } });

    expect(pdf).toBeInstanceOf(Blob);
    expect(pdf.type).toBe('application/pdf');
    const bytes = await bytesOf(pdf);
    expect(startsWithPdf(bytes)).toBe(true);
    expect(new TextDecoder().decode(bytes)).toContain(`Fax ${fax!.id}`);
  });

  it('a completed transaction downloads as a PDF invoice', async () => {
    const [completed] = (await vs.transactions.list({ query: { filter: where<Transaction>({ result: 'COMPLETED' }), limit: 1 } })).items;

    const pdf = await vs.transactions.downloadPdf({ path: { id: completed!.id } });

    expect(pdf.type).toBe('application/pdf');
    expect(startsWithPdf(await bytesOf(pdf))).toBe(true);
  });

  it('a pending transaction is a BadRequestError "not completed yet"', async () => {
    const pending = await vs.transactions.list({ query: { filter: where<Transaction>({ result: 'PENDING' }) } });
    expect(pending.items).toHaveLength(2);

    for (const transaction of pending.items) {
      const error = await rejectionOf(vs.transactions.downloadPdf({ path: { id: transaction.id } }));
      expect(error).toBeInstanceOf(BadRequestError);
      expect(error.message).toContain('Transaction is not completed yet');
      expect(error).toMatchObject({ status: 400, method: 'GET', url: `${e2e.baseUrl}/transactions/${transaction.id}.pdf` });
    }
  });
});
