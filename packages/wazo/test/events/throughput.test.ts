/** A burst of events over the simulator's websocketd: none lost, none out of order. */
import { expect, it } from 'vitest';
import { until, useWebsocketd } from './harness.js';

const e2e = useWebsocketd();
const { alice } = e2e.sim.fixtures.users;

it('1,000 events published at 1,000/s (100 every 100 ms) arrive complete and in order', async () => {
  const wazo = await e2e.logIn();
  const { events } = e2e.events(wazo);
  const received: string[] = [];
  events.on('call_updated', (call) => received.push(call.call_id));
  await events.connect();

  const published: string[] = [];
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      for (let i = 0; i < 100; i++) {
        const call_id = `call-${published.length}`;
        published.push(call_id);
        e2e.sim.websocketd.publish('call_updated', { call_id, user_uuid: alice.uuid, status: 'Up' }, { userUuids: [alice.uuid] });
      }
      if (published.length === 1_000) {
        clearInterval(timer);
        done();
      }
    }, 100);
  });
  await until(() => received.length === published.length);

  expect(received).toEqual(published);
});
