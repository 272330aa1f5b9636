/** limit/offset paging over the simulator: pages, totals and `.all()`. */
import { describe, expect, it } from 'vitest';
import { useSimulator } from './harness.js';

const e2e = useSimulator();
const { alice, admin } = e2e.sim.fixtures.users;

describe('offset paging', () => {
  it('walks every call log of the user with .all(), one page of `limit` at a time', async () => {
    const wazo = e2e.client();
    await wazo.auth.logIn({ username: alice.username, password: alice.password });
    const first = await wazo.callLogd.listCallLogs({ query: { limit: 50 } });
    expect(first.items).toHaveLength(50);
    const total = first.body.filtered ?? first.body.total;
    expect(total).toBeGreaterThan(100);
    const ids = new Set<number>();
    for await (const cdr of wazo.callLogd.listCallLogs.all({ query: { limit: 50 } })) ids.add(cdr.id);
    expect(ids.size).toBe(total);
    const offsets = e2e.requests.filter((r) => r.path === '/api/call-logd/1.0/users/me/cdr').map((r) => new URLSearchParams(r.search).get('offset'));
    expect(offsets.slice(1, 4)).toEqual([null, '50', '100']);
  });

  it('pages from a given offset and stops at the filtered count', async () => {
    const wazo = e2e.client();
    await wazo.auth.logIn({ username: admin.username, password: admin.password });
    const all = await wazo.auth.listUsers();
    const total = all.body.filtered;
    const walked = [];
    for await (const user of wazo.auth.listUsers.all({ query: { limit: 2, offset: 1 } })) walked.push(user.uuid);
    expect(walked).toEqual(all.items.slice(1).map((u) => u.uuid));
    expect(walked).toHaveLength(total - 1);
  });
});
