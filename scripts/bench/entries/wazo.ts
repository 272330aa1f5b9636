// pbxkit: create a client of wazo-calld only (modular form) + logIn + calld.listCalls.
import { composeWazoClient, createCalldApi } from '@pbxkit/wazo';

const wazo = composeWazoClient({ host: 'wazo.example.com', clientId: 'bench' }, createCalldApi);
await wazo.auth.logIn({ username: 'alice', password: 'p' });
console.log((await wazo.calld.listCalls()).length);
