/** A listener's own exception goes here instead of into the socket's event loop. */
export type ListenerErrorSink = (error: unknown) => void;

/**
 * Listeners by event name. A listener that throws does not stop the others and never crashes the socket:
 * its error goes to the sink (the client's `onError`, else `console.error`).
 */
export class Listeners<Events extends Record<string, unknown>> {
  #byName = new Map<keyof Events, Set<(payload: never) => void>>();
  #sink: ListenerErrorSink;

  constructor(sink: ListenerErrorSink) {
    this.#sink = sink;
  }

  /** Adds a listener; the returned function removes it. */
  on<K extends keyof Events>(name: K, listener: (payload: Events[K]) => void): () => void {
    const set = this.#byName.get(name) ?? new Set();
    set.add(listener);
    this.#byName.set(name, set);
    return () => void set.delete(listener);
  }

  has(name: keyof Events): boolean {
    return (this.#byName.get(name)?.size ?? 0) > 0;
  }

  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    for (const listener of [...(this.#byName.get(name) ?? [])]) {
      try {
        (listener as (payload: Events[K]) => void)(payload);
      } catch (error) {
        this.#sink(error);
      }
    }
  }
}
