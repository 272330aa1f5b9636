// pbxkit: create client + API-key auth + one list call, with only the resource it uses.
import { cdrsApi, composeKazooClient } from '@pbxkit/kazoo';

const kazoo = composeKazooClient({ baseUrl: 'https://kazoo.example.com:8443/v2', auth: { apiKey: 'k'.repeat(64) } }, cdrsApi);
console.log((await kazoo.cdrs.list({ query: { page_size: 10 } })).items.length);
