/** Kazoo's blackhole stream for `pnpm bench:events`: CHANNEL_CREATE events of the demo account, `call.*.*`. */
import { createKazooClient, createKazooEvents } from '@pbxkit/kazoo';
import { createKazooSimulator } from '@pbxkit/simulator';
import { callIdOf, closeSocket, deferred, openSocket, seqOf, type EventStream, type Reader } from './stream.js';

const BINDING = 'call.*.*';

export async function kazooStream(): Promise<EventStream> {
  const sim = createKazooSimulator();
  const server = await sim.listen();
  const { accountId, apiKey, realm } = sim.fixtures.demo;
  const kazoo = createKazooClient({ baseUrl: server.baseUrl, auth: { apiKey }, retry: false });
  const { token } = await kazoo.authenticate();

  const baseline: Reader = {
    name: 'ws + JSON.parse, subscribe by hand (baseline)',
    async open(record) {
      const subscription = deferred();
      const socket = await openSocket(server.websocketUrl, (text) => {
        const frame = JSON.parse(text) as { action?: string; status?: string; data?: { call_id?: unknown } };
        if (frame.action === 'event') record(seqOf(frame.data?.call_id));
        else if (frame.action === 'reply' && frame.status === 'success') subscription.resolve();
        else if (frame.action === 'reply') subscription.reject(new Error(`blackhole refused the subscription: ${text}`));
      });
      socket.addEventListener('open', () => socket.send(JSON.stringify({ action: 'subscribe', auth_token: token, request_id: 'bench', data: { account_id: accountId, binding: BINDING } })));
      await subscription.promise;
      return () => closeSocket(socket);
    },
  };

  const client: Reader = {
    name: '@pbxkit/kazoo createKazooEvents',
    async open(record) {
      const events = createKazooEvents(kazoo, { url: server.websocketUrl });
      await events.connect();
      await events.subscribe(BINDING, (event) => record(seqOf(event.data.call_id)));
      return () => events.close();
    },
  };

  return {
    platform: 'kazoo',
    readers: [baseline, client],
    async publish(count) {
      // blackhole.publish() writes the frames before it returns.
      for (let seq = 0; seq < count; seq++) {
        const callId = callIdOf(seq);
        sim.blackhole.publish({ accountId, binding: `call.CHANNEL_CREATE.${callId}`, name: 'CHANNEL_CREATE', data: channelCreate(callId, accountId, realm) });
      }
    },
    violations: () => sim.violations,
    close: () => server.close(),
  };
}

/** A CHANNEL_CREATE as blackhole sends it: an inbound call from 1001 to 1002, keys in lower_snake. */
function channelCreate(callId: string, accountId: string, realm: string) {
  return {
    call_id: callId,
    event_name: 'CHANNEL_CREATE',
    event_category: 'call_event',
    call_direction: 'inbound' as const,
    caller_id_name: 'Alice',
    caller_id_number: '1001',
    callee_id_name: 'Bob',
    callee_id_number: '1002',
    from: `1001@${realm}`,
    to: `1002@${realm}`,
    request: `1002@${realm}`,
    channel_state: 'ROUTING',
    timestamp: 63_911_836_800,
    custom_channel_vars: { account_id: accountId, authorizing_type: 'device' },
  };
}
