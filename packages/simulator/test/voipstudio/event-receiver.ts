import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVoipstudioWebhookReceiver, type UnknownWebhookEvent, type VoipstudioWebhookEvent } from '@pbxkit/voipstudio';

export type ReceivedEvent = VoipstudioWebhookEvent | UnknownWebhookEvent;

/** The client's webhook receiver on a real local HTTP server, keeping every event it accepts. */
export async function startEventReceiver() {
  const events: ReceivedEvent[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver = createVoipstudioWebhookReceiver({
    onEvent: (event) => {
      events.push(event);
      for (const waiter of waiters.filter((w) => events.length >= w.count)) waiter.resolve();
    },
  });
  const server = createServer(receiver.node).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    events,
    /** Resolves with the events once `count` of them have arrived (the 200 goes out before `onEvent` runs). */
    received: (count: number) =>
      new Promise<ReceivedEvent[]>((resolve) => {
        if (events.length >= count) resolve(events);
        else waiters.push({ count, resolve: () => resolve(events) });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
