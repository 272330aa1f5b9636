// Baseline: openapi-fetch alone, with one auth middleware, making the same two calls.
import createClient from 'openapi-fetch';
import type { paths } from '../../../packages/voipstudio/src/generated/schema.js';

const client = createClient<paths>({ baseUrl: 'https://l7api.com/v1.2/voipstudio' });
const { data } = await client.POST('/login', { body: { email: 'a@example.com', password: 'p' } });
const token = data && 'user_token' in data ? data.user_token : '';
client.use({ onRequest: ({ request }) => (request.headers.set('X-Auth-Token', token), request) });
console.log((await client.GET('/cdrs', { params: { query: { limit: 10 } } })).data?.total);
