import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shadowingTemplates, templatePattern, toMswPath } from '../src/emit/msw-path.js';
import { Workspace } from './workspace.js';

describe('msw path conversion', () => {
  it('turns OpenAPI templates into msw paths', () => {
    expect(toMswPath('/monitors/{id}.mp3')).toBe('/monitors/:id.mp3');
    expect(toMswPath('/a/{first}/b/{second}')).toBe('/a/:first/b/:second');
    expect(toMswPath('/cdrs')).toBe('/cdrs');
  });

  it('matches a template exactly', () => {
    const pattern = new RegExp(templatePattern('/monitors/{id}.mp3'));
    expect(pattern.test('/monitors/7.mp3')).toBe(true);
    expect(pattern.test('/monitors/7')).toBe(false);
    expect(pattern.test('/monitors/7xmp3')).toBe(false);
    expect(pattern.test('/monitors/7/x.mp3')).toBe(false);
  });

  it('knows which templates take precedence over a templated one', () => {
    const all = ['/monitors', '/monitors/{id}', '/monitors/{id}.mp3', '/calls/{id}', '/calls/active'];
    expect(shadowingTemplates('/monitors/{id}', all)).toEqual(['/monitors/{id}.mp3']);
    expect(shadowingTemplates('/calls/{id}', all)).toEqual(['/calls/active']);
    expect(shadowingTemplates('/monitors/{id}.mp3', all)).toEqual([]);
    expect(shadowingTemplates('/monitors', all)).toEqual([]);
  });
});

describe('generated msw handlers', () => {
  const workspace = new Workspace();
  const server = setupServer();
  const base = 'https://api.tinypbx.test/v1';
  let handlers: any;
  let exampleResponses: any;

  beforeAll(async () => {
    await workspace.generate();
    ({ exampleResponses } = await import(pathToFileURL(join(workspace.output, 'testing.ts')).href));
    const { createTinyHandlers } = await import(pathToFileURL(join(workspace.output, 'testing.ts')).href);
    handlers = createTinyHandlers();
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => {
    server.close();
    workspace.remove();
  });

  it('answer with the spec example and the success status by default', async () => {
    server.use(handlers.listRecordings(), handlers.importRecording());
    const list = await fetch(`${base}/recordings?page=2`);
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ data: [{ id: 1, caller: '+441234', size: 2048 }], total: 1 });
    const created = await fetch(`${base}/recordings`, { method: 'POST', body: '{}' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual(exampleResponses.importRecording);
  });

  it('answer a binary operation with a small Blob of its media type, on the .mp3 URL', async () => {
    server.use(handlers.downloadRecordingAudio());
    const response = await fetch(`${base}/recordings/7.mp3`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(await response.text()).toBe('example audio/mpeg');
  });

  it('leave /recordings/7.mp3 to the audio handler whatever order they were registered in', async () => {
    server.use(handlers.downloadRecordingAudio(), handlers.getRecording());
    expect((await fetch(`${base}/recordings/7.mp3`)).headers.get('content-type')).toBe('audio/mpeg');
    expect(await (await fetch(`${base}/recordings/7`)).json()).toEqual({ data: { id: 1, caller: '+441234', size: 2048 } });
    server.resetHandlers(handlers.getRecording(), handlers.downloadRecordingAudio());
    expect((await fetch(`${base}/recordings/7.mp3`)).headers.get('content-type')).toBe('audio/mpeg');
  });

  it('take a body, a status, headers or a resolver instead of the example', async () => {
    server.use(handlers.getRecording({ message: 'Not found', errors: [] }, { status: 404, headers: { 'X-Request-Id': 'r-1' } }));
    const missing = await fetch(`${base}/recordings/9`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('r-1');
    expect(await missing.json()).toEqual({ message: 'Not found', errors: [] });

    server.use(handlers.getRecording(({ params }: { params: { id: string } }) => HttpResponse.json({ data: { id: Number(params.id) } })));
    expect(await (await fetch(`${base}/recordings/42`)).json()).toEqual({ data: { id: 42 } });
  });

  it('answer bodiless operations with their status and text operations with text', async () => {
    server.use(handlers.deleteApiToken(), handlers.ping('pong'));
    const deleted = await fetch(`${base}/apitokens/tok-1`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(await (await fetch(`${base}/ping`)).text()).toBe('pong');
  });

  it('serve any base URL', async () => {
    const { createTinyHandlers } = await import(pathToFileURL(join(workspace.output, 'testing.ts')).href);
    server.use(createTinyHandlers('http://127.0.0.1:4010/v1/').downloadRecordingAudio(), http.get('http://127.0.0.1:4010/v1/recordings/:id', () => HttpResponse.json({})));
    const response = await fetch('http://127.0.0.1:4010/v1/recordings/3.mp3');
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
  });
});
