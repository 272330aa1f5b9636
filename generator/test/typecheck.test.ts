import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeErrors } from './compile.js';
import { Workspace } from './workspace.js';

/** Client code written against the fixture's generated API: every line must type-check. */
const usage = `
import type { Transport } from '@pbxkit/core';
import { createTinyApi, webhookEventNames, type Recording, type TinyWebhookEvents } from './generated/index.js';
import { createTinyHandlers, exampleResponses } from './generated/testing.js';

declare const transport: Transport;
const api = createTinyApi(transport);

export async function use(): Promise<void> {
  const page = await api.recordings.list({ query: { page: 2, filter: '[]' } });
  const first: Recording | undefined = page.items[0];
  for await (const recording of api.recordings.list.all()) recording.size.toFixed();
  const one = await api.recordings.get({ path: { id: 1 } });
  one.caller.toUpperCase();
  const audio: Blob = await api.recordings.downloadAudio({ path: { id: 1 } });
  const session = await api.auth.login({ body: { email: 'ann@example.test', password: 'x' } });
  if ('user_token' in session) session.user_token.toUpperCase();
  await api.apiTokens.delete({ path: { token: 't' }, timeout: 1000 });
  // @ts-expect-error the path parameter is required
  await api.recordings.get();
  // @ts-expect-error not a query parameter of the operation
  await api.recordings.list({ query: { nope: 1 } });
  void [first, audio];
}

const event: TinyWebhookEvents['recording.ready'] = { recording_id: 1 };
const names: readonly (keyof TinyWebhookEvents)[] = webhookEventNames;
const handlers = createTinyHandlers('http://localhost:4010');
export const overrides = [
  handlers.listRecordings({ data: [], total: 0 }),
  handlers.downloadRecordingAudio(new Blob(['x'])),
  handlers.getRecording(exampleResponses.getRecording, { status: 200 }),
  // @ts-expect-error the body does not match the operation's success body
  handlers.listRecordings({ data: 'none', total: 0 }),
];
void [event, names];
`;

describe('the generated code', () => {
  const workspace = new Workspace();
  beforeAll(async () => {
    await workspace.generate();
    writeFileSync(join(workspace.root, 'out', 'usage.ts'), usage);
  });
  afterAll(() => workspace.remove());

  it('type-checks under the repository compiler options, with the real @pbxkit/core and msw', () => {
    expect(typeErrors(workspace.root)).toBe('');
  });
});
