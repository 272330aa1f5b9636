import { describe, expect, expectTypeOf, it } from 'vitest';
import { BlackholeError, InvalidArgumentError, type KazooBlackholeEvents, type KazooEvent } from '../../src/index.js';
import { recordingWebSocket, startBlackhole } from './harness.js';

const env = await startBlackhole();
const { fixtures } = env;
const kazoo = env.kazoo({ apiKey: fixtures.demo.apiKey });

describe('events from REST changes', () => {
  it('delivers a quickcall’s call events, typed, in order, to a family wildcard and to one event', async () => {
    const events = env.events(kazoo);
    await events.connect();
    const all: KazooEvent[] = [];
    const created: string[] = [];
    await events.subscribe('call.*.*', (event) => all.push(event));
    await events.subscribe('call.CHANNEL_CREATE.*', (event) => {
      expectTypeOf(event.data).toEqualTypeOf<KazooBlackholeEvents['call.CHANNEL_CREATE']>();
      created.push(event.data.call_id);
    });
    expect(env.serverBindings()).toEqual([['call.*.*', 'call.CHANNEL_CREATE.*']]);

    await kazoo.quickcall.callFromUser({ path: { user_id: fixtures.user.userId, phone_number: '+14155550142' } });
    await expect.poll(() => all.length).toBe(4);
    expect(all.map((event) => event.family)).toEqual(['call.CHANNEL_CREATE', 'call.CHANNEL_ANSWER', 'call.CHANNEL_BRIDGE', 'call.CHANNEL_DESTROY']);
    expect(all.map((event) => event.name)).toEqual(['CHANNEL_CREATE', 'CHANNEL_ANSWER', 'CHANNEL_BRIDGE', 'CHANNEL_DESTROY']);
    const callId = all[0]!.data.call_id;
    expect(all.every((event) => event.binding === 'call.*.*' && event.data.call_id === callId)).toBe(true);
    expect(all[0]!.routingKey).toBe(`call.${env.demoId}.CHANNEL_CREATE.${callId}`);
    const destroyed = all[3]!;
    if (destroyed.family === 'call.CHANNEL_DESTROY') expect(destroyed.data.hangup_cause).toBe('NORMAL_CLEARING');
    await expect.poll(() => created).toEqual([callId]);
  });

  it('delivers a user’s creation, edit and deletion made through the REST client', async () => {
    const events = env.events(kazoo);
    await events.connect();
    const changes: KazooEvent<'object.doc_created' | 'object.doc_edited' | 'object.doc_deleted'>[] = [];
    const createdOnly: string[] = [];
    await events.subscribe('object.*.user', (event) => changes.push(event));
    events.on('object.doc_created', (event) => createdOnly.push(event.data.id));

    const user = await kazoo.users.create({ body: { first_name: 'Ada', last_name: 'Lovelace', username: `ada-${Math.random()}` } });
    await kazoo.users.patch({ path: { user_id: user.id! }, body: { last_name: 'King' } });
    await kazoo.users.delete({ path: { user_id: user.id! } });
    await expect.poll(() => changes.map((event) => event.name)).toEqual(['doc_created', 'doc_edited', 'doc_deleted']);
    expect(changes.map((event) => [event.family, event.data.id, event.data.type])).toEqual([
      ['object.doc_created', user.id, 'user'],
      ['object.doc_edited', user.id, 'user'],
      ['object.doc_deleted', user.id, 'user'],
    ]);
    expect(createdOnly).toEqual([user.id]);
  });
});

describe('subscriptions', () => {
  it('rejects with the server’s message for an account outside the token’s tree, and for a binding it does not know', async () => {
    const foreign = env.events(kazoo, { accountId: fixtures.master.accountId });
    await foreign.connect();
    const refused = await foreign.subscribe('call.*.*').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BlackholeError);
    expect(refused).toMatchObject({ action: 'subscribe', bindings: ['call.*.*'], errors: ['unauthorized account id'] });
    expect((refused as Error).message).toBe('blackhole refused to subscribe to call.*.*: unauthorized account id');

    const events = env.events(kazoo);
    await events.connect();
    const unknown = await events.subscribe('object.doc_created.widget').catch((error: unknown) => error);
    expect(unknown).toMatchObject({ name: 'BlackholeError', errors: ['event widget not supported'] });
  });

  it('subscribes all of a call’s bindings or none: an accepted one is taken back when another is refused', async () => {
    const events = env.events(kazoo);
    await events.connect();
    await expect(events.subscribe(['call.CHANNEL_ANSWER.*', 'object.doc_edited.widget'])).rejects.toMatchObject({ errors: ['event widget not supported'] });
    expect(events.bindings).toEqual([]);
    expect(env.serverBindings()).toEqual([[]]);
  });

  it('validates bindings before sending anything', async () => {
    const { WebSocket, record } = await recordingWebSocket();
    const events = env.events(kazoo, { WebSocket });
    await events.connect();
    for (const binding of ['doc_created.*.user', 'call.CHANNEL_CREATE', 'call.RINGING.*', 'conference.event.abc', 'fax.*.1', 'call..*', 42]) {
      await expect(events.subscribe(binding as never), String(binding)).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    await expect(events.subscribe([])).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(() => events.on('call' as never, () => {})).toThrow(InvalidArgumentError);
    expect(record.sent).toEqual([]);
    await expect(events.subscribe('conference.event.abc.*')).resolves.toMatchObject({ bindings: ['conference.event.abc.*'] });
  });

  it('unsubscribes: the server drops the binding, no more events, and a reconnection does not bring it back', async () => {
    const events = env.events(kazoo);
    await events.connect();
    const seen: string[] = [];
    await events.subscribe(['call.CHANNEL_CREATE.*', 'call.CHANNEL_ANSWER.*'], (event) => seen.push(event.name));
    await events.unsubscribe('call.CHANNEL_CREATE.*');
    expect(env.serverBindings()).toEqual([['call.CHANNEL_ANSWER.*']]);
    let reopened = 0;
    events.onStatus((status) => void (status.state === 'open' && reopened++));
    env.sim.blackhole.dropConnections();
    await expect.poll(() => reopened).toBe(1);
    expect(env.serverBindings()).toEqual([['call.CHANNEL_ANSWER.*']]);
    env.publishCall('CHANNEL_CREATE', 'c1');
    env.publishCall('CHANNEL_ANSWER', 'c1');
    await expect.poll(() => seen).toEqual(['CHANNEL_ANSWER']);
  });

  it('keeps a binding while another subscription holds it', async () => {
    const events = env.events(kazoo);
    await events.connect();
    const first: string[] = [];
    const second: string[] = [];
    const a = await events.subscribe('call.CHANNEL_CREATE.*', (event) => first.push(event.data.call_id));
    await events.subscribe('call.CHANNEL_CREATE.*', (event) => second.push(event.data.call_id));
    await a.unsubscribe();
    expect(env.serverBindings()).toEqual([['call.CHANNEL_CREATE.*']]);
    env.publishCall('CHANNEL_CREATE', 'c2');
    await expect.poll(() => second).toEqual(['c2']);
    expect(first).toEqual([]);
  });

  it('isolates a throwing listener: the others get the event, the error goes to onError', async () => {
    const errors: unknown[] = [];
    const events = env.events(kazoo, { onError: (error) => errors.push(error) });
    await events.connect();
    const seen: string[] = [];
    await events.subscribe('call.CHANNEL_CREATE.*', () => {
      throw new Error('listener bug');
    });
    events.on('call.*', (event) => seen.push(event.name));
    env.publishCall('CHANNEL_CREATE', 'c3');
    await expect.poll(() => seen).toEqual(['CHANNEL_CREATE']);
    expect(errors).toEqual([new Error('listener bug')]);
    expect(events.state).toBe('open');
  });

  it('needs connect() first, and nothing works after close()', async () => {
    const events = env.events(kazoo);
    await expect(events.subscribe('call.*.*')).rejects.toThrow('call connect() before subscribing');
    await events.connect();
    await events.close();
    await expect(events.subscribe('call.*.*')).rejects.toThrow('closed');
  });
});

describe('listener types', () => {
  it('narrow the payload by binding and by family', () => {
    const events = env.events(kazoo);
    events.on('fax.status.*', (event) => expectTypeOf(event.data).toEqualTypeOf<KazooBlackholeEvents['fax.status']>());
    events.on('presence.mwi_updates', (event) => expectTypeOf(event.family).toEqualTypeOf<'presence.mwi_updates'>());
    events.on('call.*.abc', (event) => {
      expectTypeOf(event.family).toEqualTypeOf<keyof KazooBlackholeEvents & `call.${string}`>();
      if (event.family === 'call.CHANNEL_DESTROY') expectTypeOf(event.data).toEqualTypeOf<KazooBlackholeEvents['call.CHANNEL_DESTROY']>();
    });
  });
});
