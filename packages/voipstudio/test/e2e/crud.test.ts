/** Create, read, update and delete through the client, with the documented status codes. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NotFoundError,
  where,
  type Cdr,
  type Contact,
  type LiveCall,
  type QueueGroup,
  type QueueMember,
  type Sms,
  type VoipstudioClient,
} from '../../src/index.js';
import { DEMO_USER_ID, rejectionOf, useSimulator } from './harness.js';

const e2e = useSimulator();
let vs: VoipstudioClient;

beforeAll(async () => {
  vs = e2e.client();
  await vs.login();
});

describe('contacts', () => {
  it('create (201), get, update, list with a filter, delete (204), then get is 404', async () => {
    const created = await vs.contacts.create.withResponse({
      body: { first_name: 'Ada', last_name: 'Lovelace', group_name: 'e2e-contacts', email: 'ada@example.test' },
    });
    expect(created.response.status).toBe(201);
    const { id } = created.data;
    expect(created.data).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', user_id: DEMO_USER_ID, email: 'ada@example.test' });

    expect(await vs.contacts.get({ path: { id } })).toEqual(created.data);

    const updated = await vs.contacts.update({ path: { id }, body: { last_name: 'King', notes: 'Analytical engine' } });
    expect(updated).toMatchObject({ id, first_name: 'Ada', last_name: 'King', notes: 'Analytical engine' });
    expect(await vs.contacts.get({ path: { id } })).toEqual(updated);

    const listed = await vs.contacts.list({ query: { filter: where<Contact>({ group_name: 'e2e-contacts' }) } });
    expect(listed.items).toEqual([updated]);
    expect(listed.body.total).toBe(1);

    const deleted = await vs.contacts.delete.withResponse({ path: { id } });
    expect(deleted.response.status).toBe(204);
    expect(deleted.data).toBeUndefined();
    expect(await rejectionOf(vs.contacts.get({ path: { id } }))).toBeInstanceOf(NotFoundError);
    expect(await rejectionOf(vs.contacts.delete({ path: { id } }))).toBeInstanceOf(NotFoundError);
    expect((await vs.contacts.list({ query: { filter: where<Contact>({ group_name: 'e2e-contacts' }) } })).items).toEqual([]);
  });

  it('updateMany moves contacts to another group', async () => {
    const a = await vs.contacts.create({ body: { first_name: 'Grace', group_name: 'e2e-before' } });
    const b = await vs.contacts.create({ body: { first_name: 'Alan', group_name: 'e2e-before' } });

    const result = await vs.contacts.updateMany.withResponse({
      body: [
        { id: a.id, group_name: 'e2e-after' },
        { id: b.id, group_name: 'e2e-after' },
      ],
    });

    expect(result.data.map((c) => [c.id, c.group_name])).toEqual([
      [a.id, 'e2e-after'],
      [b.id, 'e2e-after'],
    ]);
    expect(result.body.total).toBe(2);
    const moved = await vs.contacts.list({ query: { filter: where<Contact>({ group_name: 'e2e-after' }), sort: 'id' } });
    expect(moved.items.map((c) => c.id)).toEqual([a.id, b.id]);
  });
});

describe('queue groups and queues', () => {
  it('queue group create (201), get, update, list with a filter, delete (204), then get is 404', async () => {
    const created = await vs.queueGroups.create.withResponse({ body: { name: 'e2e group' } });
    expect(created.response.status).toBe(201);
    const { id } = created.data;

    expect(await vs.queueGroups.get({ path: { id } })).toEqual({ id, name: 'e2e group' });
    expect(await vs.queueGroups.update({ path: { id }, body: { name: 'e2e group renamed' } })).toEqual({ id, name: 'e2e group renamed' });
    const listed = await vs.queueGroups.list({ query: { filter: where<QueueGroup>({ name: { like: 'e2e%' } }) } });
    expect(listed.items).toEqual([{ id, name: 'e2e group renamed' }]);

    expect((await vs.queueGroups.delete.asResponse({ path: { id } })).status).toBe(204);
    expect(await rejectionOf(vs.queueGroups.get({ path: { id } }))).toBeInstanceOf(NotFoundError);
  });

  it('queue update adds a member and logs it in and out', async () => {
    const before = await vs.queues.get({ path: { id: 31 } });
    expect(before.users).not.toContain(DEMO_USER_ID);

    const joined = await vs.queues.update({ path: { id: 31 }, body: { users: [{ id: DEMO_USER_ID, status: true }] } });
    expect(joined.users).toContain(DEMO_USER_ID);
    const member = async () => {
      const queue = await vs.queues.get({ path: { id: 31 }, query: { include: 'users', 'fields[users]': 'status' } });
      return (queue.users as QueueMember[]).find((m) => m.id === DEMO_USER_ID);
    };
    expect(await member()).toEqual({ id: DEMO_USER_ID, status: true });

    await vs.queues.update({ path: { id: 31 }, body: { users: [{ id: DEMO_USER_ID, status: false }] } });
    expect(await member()).toEqual({ id: DEMO_USER_ID, status: false });
    expect((await vs.queues.get({ path: { id: 31 } })).users!.filter((u) => u === DEMO_USER_ID)).toHaveLength(1);
  });

  it('queue update with an unknown member is a BadRequestError', async () => {
    const error = await rejectionOf(vs.queues.update({ path: { id: 31 }, body: { users: [{ id: 424242, status: true }] } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ fieldErrors: [{ field: 'users.0.id' }] });
  });
});

describe('live calls', () => {
  it('make (201) → listed → answered → hung up (204) → 404, and a CDR is written', async () => {
    const made = await vs.calls.make.withResponse({ body: { to: '+442079460123' } });
    expect(made.response.status).toBe(201);
    const call = made.data;
    expect(call).toMatchObject({ state: 'RINGING', dst: '442079460123', src_id: String(DEMO_USER_ID), connected_at: null });

    const listed = await vs.calls.list({ query: { filter: where<LiveCall>({ id: call.id }) } });
    expect(listed.items.map((c) => c.id)).toEqual([call.id]);

    const answered = await vs.calls.update({ path: { id: call.id }, body: { state: 'CONNECTED' } });
    expect(answered).toMatchObject({ id: call.id, state: 'CONNECTED', connected_at: expect.any(Number) });
    expect((await vs.calls.get({ path: { id: call.id } })).state).toBe('CONNECTED');

    expect((await vs.calls.hangUp.withResponse({ path: { id: call.id } })).response.status).toBe(204);
    expect(await rejectionOf(vs.calls.get({ path: { id: call.id } }))).toBeInstanceOf(NotFoundError);
    expect((await vs.calls.list({ query: { limit: 100 } })).items.map((c) => c.id)).not.toContain(call.id);

    const cdrs = await vs.cdrs.list({ query: { filter: where<Cdr>({ call_id: call.id }) } });
    expect(cdrs.items).toHaveLength(1);
    expect(cdrs.items[0]).toMatchObject({ type: 'O', disposition: 'CONNECTED', dst: '442079460123' });
  });

  it('putting a ringing call on hold is refused', async () => {
    const call = await vs.calls.make({ body: { to: '442079460124' } });
    const error = await rejectionOf(vs.calls.update({ path: { id: call.id }, body: { state: 'ON_HOLD' } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ fieldErrors: [{ field: 'state' }] });
    await vs.calls.hangUp({ path: { id: call.id } });
  });
});

describe('sms', () => {
  it('send (201), get, then deleteMany with a filter (202) removes it', async () => {
    const sent = await vs.sms.send.withResponse({ body: { to: '+447700900555', message: 'Hello from e2e' } });
    expect(sent.response.status).toBe(201);
    const sms = sent.data;
    expect(sms).toMatchObject({ to: '447700900555', from: '447700900100', message: 'Hello from e2e', type: 'O', user_id: DEMO_USER_ID });
    expect(await vs.sms.get({ path: { id: sms.id } })).toEqual(sms);

    const { total } = (await vs.sms.list()).body;

    const deleted = await vs.sms.deleteMany.withResponse({ query: { filter: where<Sms>({ id: sms.id }) } });

    expect(deleted.response.status).toBe(202);
    expect(await rejectionOf(vs.sms.get({ path: { id: sms.id } }))).toBeInstanceOf(NotFoundError);
    expect((await vs.sms.list()).body.total).toBe(total - 1);
  });

  it('sending from a number that cannot send SMS is a BadRequestError on from', async () => {
    const error = await rejectionOf(vs.sms.send({ body: { to: '447700900555', from: '442079460100', message: 'x' } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ fieldErrors: [{ field: 'from', message: 'This number cannot send SMS.' }] });
  });
});
