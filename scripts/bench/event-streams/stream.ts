/** What `pnpm bench:events` measures: readers of one simulator's event stream, and how it checks what they got. */
import { resolveWebSocket, type WebSocketLike } from '@pbxkit/core';

/** Reports the sequence number of each event a reader got. */
export type Recorder = (seq: number) => void;

/** One way of consuming a platform's stream: connects and subscribes, then reports every event it gets. */
export interface Reader {
  name: string;
  /** Resolves once the reader is subscribed (events published from then on reach it); returns its closer. */
  open(record: Recorder): Promise<() => Promise<void>>;
}

/** A simulator with its readers: the bare-socket baseline first, then the pbxkit client. */
export interface EventStream {
  platform: string;
  readers: readonly [baseline: Reader, client: Reader];
  /** Publishes events `0..count-1` and resolves once the simulator has written every frame to the sockets. */
  publish(count: number): Promise<void>;
  /** The simulator's contract violations (frames or payloads outside its spec). */
  violations(): readonly unknown[];
  close(): Promise<void>;
}

const CALL_ID_PREFIX = 'bench-call-';

/** The call id that carries an event's sequence number. */
export const callIdOf = (seq: number): string => `${CALL_ID_PREFIX}${seq}`;

/** The sequence number in a call id made by `callIdOf` (NaN for any other, which counts as out of order). */
export const seqOf = (callId: unknown): number => (typeof callId === 'string' && callId.startsWith(CALL_ID_PREFIX) ? Number(callId.slice(CALL_ID_PREFIX.length)) : NaN);

/** A bare socket of the class the clients use (the global WebSocket, else the `ws` package): frames as text. */
export async function openSocket(url: string, onText: (text: string) => void): Promise<WebSocketLike> {
  const WebSocket = await resolveWebSocket(undefined);
  const socket = new WebSocket(url);
  socket.addEventListener('message', (event: { data: unknown }) => onText(String(event.data)));
  return socket;
}

/** Closes a bare socket and waits for the close handshake to end. */
export function closeSocket(socket: WebSocketLike): Promise<void> {
  return new Promise((resolve) => {
    socket.addEventListener('close', () => resolve());
    socket.close();
  });
}

/** A promise with its settlers (Node 20 has no `Promise.withResolvers`). */
export function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let settlers!: { resolve(): void; reject(error: Error): void };
  const promise = new Promise<void>((resolve, reject) => (settlers = { resolve, reject }));
  return { promise, ...settlers };
}
