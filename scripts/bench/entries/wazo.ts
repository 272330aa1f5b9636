// pbxkit: create a client with only wazo-calld's calls resource (modular form) + logIn + calld.listCalls.
import { calldApi, composeWazoClient } from '@pbxkit/wazo';

const wazo = composeWazoClient({ host: 'wazo.example.com', clientId: 'bench' }, calldApi);
await wazo.auth.logIn({ username: 'alice', password: 'p' });
console.log((await wazo.calld.listCalls()).length);
