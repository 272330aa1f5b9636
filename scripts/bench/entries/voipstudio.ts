// pbxkit: create client + login + one list call.
import { createVoipstudioClient } from '@pbxkit/voipstudio';

const vs = createVoipstudioClient({ auth: { email: 'a@example.com', password: 'p' } });
await vs.login();
console.log((await vs.cdrs.list({ query: { limit: 10 } })).body.total);
