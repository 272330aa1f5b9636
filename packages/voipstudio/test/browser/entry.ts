// Runs in Chromium: the browser build of the client against the simulator (another origin: CORS applies).
import { createVoipstudioClient, NotFoundError, where, type Cdr } from '@pbxkit/voipstudio';

async function run(baseUrl: string, email: string, password: string) {
  const vs = createVoipstudioClient({ baseUrl, auth: { email, password } });
  const session = await vs.login();
  const me = await vs.users.me();
  const first = await vs.cdrs.list({ query: { limit: 500 } });
  let walked = 0;
  for await (const _ of vs.cdrs.list.all({ query: { limit: 500 } })) walked++;
  const inbound = await vs.cdrs.list({ query: { limit: 1, filter: where<Cdr>({ type: 'I' }) } });
  let notFound = '';
  try {
    await vs.contacts.get({ path: { id: 999_999_999 } });
  } catch (error) {
    notFound = error instanceof NotFoundError ? `${error.name} ${error.status}` : String(error);
  }
  return {
    userId: session.userId,
    email: me.email,
    firstPage: first.items.length,
    total: first.body.total,
    walked,
    inboundTotal: inbound.body.total,
    notFound,
  };
}

(globalThis as { runScenario?: typeof run }).runScenario = run;
