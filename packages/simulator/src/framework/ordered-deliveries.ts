/**
 * Outgoing deliveries (webhooks) kept in order per target, and a way for tests to wait until none is queued
 * or in flight. A delivery never rejects: its failure goes to the caller's `onFailure`.
 */
export class OrderedDeliveries {
  readonly #pending = new Set<Promise<unknown>>();
  /** The last delivery queued per target. */
  readonly #queues = new Map<string, Promise<void>>();

  /** Keeps `idle()` waiting until `work` settles. */
  track(work: Promise<unknown>): void {
    const tracked: Promise<unknown> = work.catch(() => undefined).finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  /** Resolves once nothing tracked is left, including work tracked while waiting. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** Runs `send` after everything queued before it for `target`; resolves when it is done. */
  enqueue(target: string, send: () => Promise<void>, onFailure: (error: unknown) => void): Promise<void> {
    const queued = (this.#queues.get(target) ?? Promise.resolve())
      .then(send)
      .catch(onFailure)
      .then(() => void (this.#queues.get(target) === queued && this.#queues.delete(target)));
    this.#queues.set(target, queued);
    return queued;
  }
}
