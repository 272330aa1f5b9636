// Runs in Chromium: the events client on the browser's own WebSocket, against the simulator's blackhole.
import { createKazooClient, createKazooEvents, type KazooEvent } from '@pbxkit/kazoo';

async function run(baseUrl: string, websocketUrl: string, apiKey: string) {
  const kazoo = createKazooClient({ baseUrl, auth: { apiKey } });
  const events = createKazooEvents(kazoo, { url: websocketUrl });
  await events.connect();
  const seen: KazooEvent[] = [];
  await events.subscribe('object.*.user', (event) => seen.push(event));
  const user = await kazoo.users.create({ body: { first_name: 'Chromium', last_name: 'Events', username: `chromium-${Date.now()}` } });
  await kazoo.users.delete({ path: { user_id: user.id! } });
  await new Promise<void>((resolve) => {
    const off = events.on('object.*', () => seen.length === 2 && (off(), resolve()));
    if (seen.length === 2) resolve();
  });
  await events.close();
  return { userId: user.id, seen: seen.map((event) => [event.family, event.data.id]), state: events.state };
}

(globalThis as { runScenario?: typeof run }).runScenario = run;
