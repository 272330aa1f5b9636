/** wazo-websocketd's stream for `pnpm bench:events`: `call_created` events of alice, protocol v2. */
import { createWazoSimulator } from '@pbxkit/simulator';
import { createWazoClient, createWazoEvents } from '@pbxkit/wazo';
import { callIdOf, closeSocket, deferred, openSocket, seqOf, type EventStream, type Reader } from './stream.js';

const EVENT = 'call_created';

export async function wazoStream(): Promise<EventStream> {
  const sim = createWazoSimulator();
  const server = await sim.listen();
  const alice = sim.fixtures.users.alice;
  const wazo = createWazoClient({ baseUrl: server.baseUrl, clientId: 'pbxkit-bench', retry: false });
  await wazo.auth.logIn({ username: alice.username, password: alice.password });

  const baseline: Reader = {
    name: 'ws + JSON.parse, v2 handshake by hand (baseline)',
    async open(record) {
      const started = deferred();
      const url = new URL(server.websocketdUrl);
      url.searchParams.set('token', await wazo.currentToken());
      url.searchParams.set('version', '2');
      const socket = await openSocket(url.href, (text) => {
        const frame = JSON.parse(text) as { op?: string; data?: { data?: { call_id?: unknown } } };
        if (frame.op === 'event') record(seqOf(frame.data?.data?.call_id));
        else if (frame.op === 'init') {
          socket.send(JSON.stringify({ op: 'subscribe', data: { event_name: EVENT } }));
          socket.send(JSON.stringify({ op: 'start' }));
        } else if (frame.op === 'start') started.resolve();
      });
      socket.addEventListener('close', () => started.reject(new Error('websocketd closed the socket before `start`')));
      await started.promise;
      return () => closeSocket(socket);
    },
  };

  const client: Reader = {
    name: '@pbxkit/wazo createWazoEvents',
    async open(record) {
      const events = createWazoEvents(wazo);
      events.on(EVENT, (call) => record(seqOf(call.call_id)));
      await events.connect();
      return () => events.close();
    },
  };

  return {
    platform: 'wazo',
    readers: [baseline, client],
    async publish(count) {
      const creationTime = new Date().toISOString();
      for (let seq = 0; seq < count; seq++) {
        sim.websocketd.publish(EVENT, callCreated(callIdOf(seq), alice.uuid, creationTime), { userUuids: [alice.uuid] });
      }
      // websocketd delivers each publication on a later turn (setImmediate, in order): this one comes after them all.
      await new Promise((resolve) => setImmediate(resolve));
    },
    violations: () => sim.violations,
    close: () => server.close(),
  };
}

/** A call alice places to bob (1001 → 1002), as wazo-calld reports it when created. */
function callCreated(callId: string, userUuid: string, creationTime: string) {
  return {
    call_id: callId,
    user_uuid: userUuid,
    caller_id_name: 'Alice',
    caller_id_number: '1001',
    peer_caller_id_name: 'Bob',
    peer_caller_id_number: '1002',
    creation_time: creationTime,
    answer_time: null,
    hangup_time: null,
    status: 'Ringing',
    on_hold: false,
    muted: false,
    record_state: 'inactive',
    talking_to: {},
    bridges: [],
    is_caller: true,
    is_video: false,
    dialed_extension: '1002',
    line_id: 12,
    direction: 'internal',
    conversation_id: callId,
  };
}
