// pbxkit: a Wazo client with no REST resource, logIn, its websocketd events client and one typed listener.
import { composeWazoClient, createWazoEvents } from '@pbxkit/wazo';

const wazo = composeWazoClient({ host: 'wazo.example.com', clientId: 'bench' });
await wazo.auth.logIn({ username: 'alice', password: 'p' });
const events = createWazoEvents(wazo);
events.on('call_created', (call) => console.log(call.call_id));
await events.connect();
