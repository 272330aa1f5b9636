import { once } from 'node:events';
import { WebSocket } from 'ws';
import type { Json } from './harness.js';

/** A test client of the simulator's blackhole: sends commands and reads frames in arrival order. */
export interface BlackholeClient {
  socket: WebSocket;
  /** Sends a frame (an object as JSON, a string as is) without waiting. */
  send(frame: Json | string): void;
  /** Sends a command and resolves with the next reply frame. */
  command(frame: Json | string): Promise<Json>;
  /** The next frame that satisfies `accept` (frames before it are skipped and kept). */
  next(accept?: (frame: Json) => boolean): Promise<Json>;
  /** Resolves when the socket is closed, with the close code. */
  closed(): Promise<number>;
}

export async function connectBlackhole(url: string): Promise<BlackholeClient> {
  const socket = new WebSocket(url);
  const frames: Json[] = [];
  const waiters: { accept: (frame: Json) => boolean; resolve: (frame: Json) => void }[] = [];
  const closing = once(socket, 'close').then(([code]) => code as number);
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Json;
    const waiter = waiters.find((w) => w.accept(frame));
    if (!waiter) return void frames.push(frame);
    waiters.splice(waiters.indexOf(waiter), 1);
    waiter.resolve(frame);
  });
  await once(socket, 'open');

  const next = (accept: (frame: Json) => boolean = () => true) => {
    const index = frames.findIndex(accept);
    if (index >= 0) return Promise.resolve(frames.splice(index, 1)[0]!);
    return new Promise<Json>((resolve) => waiters.push({ accept, resolve }));
  };
  const send = (frame: Json | string) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  return {
    socket,
    send,
    next,
    command(frame) {
      const reply = next((f) => f.action === 'reply');
      send(frame);
      return reply;
    },
    closed: () => closing,
  };
}

/** A subscribe command. */
export const subscribe = (accountId: string, binding: string, extra: Json = {}): Json => ({ action: 'subscribe', data: { account_id: accountId, binding }, ...extra });

/** The single error string of an error reply. */
export function errorOf(reply: Json): string {
  if (reply.status !== 'error') throw new Error(`expected an error reply, got ${JSON.stringify(reply)}`);
  return (reply.data.errors as string[]).join('; ');
}
