// Runs in Chromium: the browser build of the client against the simulator (another origin: CORS applies).
import { AuthenticationError, createKazooClient, NotFoundError } from '@pbxkit/kazoo';

async function run(baseUrl: string, username: string, password: string, accountName: string, interactionId: string) {
  // md5 credentials hashed in the browser.
  const kazoo = createKazooClient({ baseUrl, auth: { username, password, accountName } });
  const session = await kazoo.authenticate();
  const james = await kazoo.users.list({ query: { filter: { first_name: 'James' } } });
  let walked = 0;
  for await (const _ of kazoo.cdrs.list.all({ query: { page_size: 200, created_from: new Date(Date.now() - 30 * 86_400_000) } })) walked++;
  const csv = await kazoo.cdrs.exportCsv({ query: { page_size: 5 } });
  const recordings = await kazoo.recordings.list({ query: { filter: { custom_channel_vars: { 'Call-Interaction-ID': interactionId } } } });
  const audio = await kazoo.recordings.downloadAudio({ path: { recording_id: recordings.items[0]!.id! } });
  let notFound = '';
  try {
    await kazoo.users.get({ path: { user_id: 'f'.repeat(32) } });
  } catch (error) {
    notFound = error instanceof NotFoundError ? `${error.name} ${error.status}` : String(error);
  }
  let refused = '';
  try {
    await createKazooClient({ baseUrl, auth: { username, password: 'wrong', accountName } }).authenticate();
  } catch (error) {
    refused = error instanceof AuthenticationError ? error.name : String(error);
  }
  return {
    ownerId: session.ownerId,
    james: james.items.map((u) => u.first_name),
    walked,
    csvHeader: csv.split('\n')[0],
    audioBytes: audio.size,
    notFound,
    refused,
  };
}

(globalThis as { runScenario?: typeof run }).runScenario = run;
