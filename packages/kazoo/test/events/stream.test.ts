import { expect, it } from 'vitest';
import { startBlackhole } from './harness.js';

const env = await startBlackhole();

it('receives 1,000 events published at 1,000 per second (100 every 100 ms) without loss and in order', async () => {
  const events = env.events(env.kazoo({ apiKey: env.fixtures.demo.apiKey }));
  await events.connect();
  const received: string[] = [];
  await events.subscribe('call.CHANNEL_ANSWER.*', (event) => received.push(event.data.call_id));
  const published: string[] = [];
  for (let batch = 0; batch < 10; batch++) {
    if (batch > 0) await new Promise((resolve) => setTimeout(resolve, 100)); // the publisher's pace, not a wait for the client
    for (let i = 0; i < 100; i++) {
      const callId = `call-${batch * 100 + i}`;
      env.publishCall('CHANNEL_ANSWER', callId);
      published.push(callId);
    }
  }
  await expect.poll(() => received.length).toBe(1_000);
  expect(received).toEqual(published);
});
