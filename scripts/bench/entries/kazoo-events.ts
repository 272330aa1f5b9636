// pbxkit: a Kazoo client with no REST resource, its blackhole events client and one typed subscription.
import { composeKazooClient, createKazooEvents } from '@pbxkit/kazoo';

const kazoo = composeKazooClient({ baseUrl: 'https://kazoo.example.com:8443/v2', auth: { apiKey: 'k'.repeat(64) } });
const events = createKazooEvents(kazoo, { url: 'wss://kazoo.example.com:5555' });
await events.connect();
await events.subscribe('call.CHANNEL_CREATE.*', (event) => console.log(event.data.call_id));
