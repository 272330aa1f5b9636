import { it } from 'vitest';
import { useSimulator, rejectionOf } from './harness.js';
const h = useSimulator();
it('explore', async () => {
  const vs = h.client();
  const log = (e: any) => console.log(e.name, e.status, e.message, JSON.stringify(e.fieldErrors), JSON.stringify(e.body), e.url, e.requestId);
  log(await rejectionOf(vs.sms.send({ body: { message: 'hi' } as any })));
  log(await rejectionOf(vs.cdrs.list({ query: { limit: 6000 } })));
  log(await rejectionOf(vs.cdrs.list({ query: { filter: [{ property: 'nope', operator: 'eq', value: 1 }] } })));
  log(await rejectionOf(vs.calls.make({ body: { to: '442079460000', from: 1012 } })));
  log(await rejectionOf(h.client({ auth: { email: 'demo@example.com', password: 'bad-password' } }).users.me()));
  const p = await vs.cdrs.list({ query: { limit: 3, sort: 'calldate', dir: 'DESC' } });
  console.log(p.items, p.body.total);
  const types = new Set<string>(); const s = new Set();
  for await (const c of vs.cdrs.list.all({ query: { limit: 5000 } })) { types.add(String(c.type)); s.add(c.disposition); }
  console.log(types, s);
  console.log((await vs.transactions.list({query:{limit:100}})).items.slice(-3));
  console.log((await vs.faxes.list({query:{limit:2}})).items, (await vs.voicemessages.list({query:{limit:2}})).items);
  console.log((await vs.ddis.list()).items, (await vs.queues.list()).items, (await vs.users.list({query:{limit:100}})).items.map(u => [u.id, u.ext]));
  console.log(h.requests.map(r => r.method + ' ' + r.path + r.search));
});
