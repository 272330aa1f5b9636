import { WebSocket } from 'ws';

export type Frame = { op: string; code: number; data: any };

/**
 * A raw websocketd client for tests: queues every frame the server sends, so a test awaits the next one
 * (or the next event) instead of sleeping, and records how the socket closed.
 */
export class TestSocket {
  readonly #frames: Frame[] = [];
  readonly #waiting: { resolve(frame: Frame): void; reject(error: Error): void }[] = [];
  #isClosed = false;
  readonly socket: WebSocket;
  /** How the server closed the socket: its code (1006 when cut without a close frame) and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      const waiter = this.#waiting.shift();
      if (waiter) waiter.resolve(frame);
      else this.#frames.push(frame);
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        this.#isClosed = true;
        for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error(`closed with ${code} while a frame was awaited`));
        resolve({ code, reason: String(reason) });
      }),
    );
  }

  /** Opens a socket once the upgrade is accepted (before any frame). */
  static open(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      const client = new TestSocket(socket);
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  /** Opens `<websocketdUrl>?token=…&version=2`, checks the `init` frame, subscribes and starts. */
  static async ready(websocketdUrl: string, token: string, events: string[] = ['*']): Promise<TestSocket> {
    const client = await TestSocket.open(`${websocketdUrl}?token=${token}&version=2`);
    const init = await client.next();
    if (init.op !== 'init') throw new Error(`expected init, got ${init.op}`);
    for (const event_name of events) await client.request({ op: 'subscribe', data: { event_name } });
    await client.request({ op: 'start' });
    return client;
  }

  /** The next frame; rejects when the socket closes first. */
  next(): Promise<Frame> {
    const queued = this.#frames.shift();
    if (queued) return Promise.resolve(queued);
    if (this.#isClosed) return Promise.reject(new Error('the socket is closed'));
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  /** The next `event` frame's bus message, failing on any other frame. */
  async nextEvent(): Promise<Record<string, any>> {
    const frame = await this.next();
    if (frame.op !== 'event') throw new Error(`expected an event, got ${JSON.stringify(frame)}`);
    return frame.data;
  }

  /** The names of the next `count` events. */
  async eventNames(count: number): Promise<string[]> {
    const names: string[] = [];
    for (let i = 0; i < count; i++) names.push((await this.nextEvent()).name);
    return names;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a command and returns the server's reply to it. */
  async request(frame: unknown): Promise<Frame> {
    this.send(frame);
    return this.next();
  }

  close(): void {
    this.socket.terminate();
  }
}
