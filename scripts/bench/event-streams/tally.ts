/** How much of silence ends a wait for events that will not come (TCP loses nothing: only a reader can). */
const STALL_MS = 5_000;

/** Counts the events of one measured burst, checks their order and notes when the last one came. */
export class Tally {
  received = 0;
  /** Events whose sequence number is not the one after the previous event's. */
  outOfOrder = 0;
  /** `performance.now()` when the last expected event arrived. */
  completedAt = Number.NaN;
  readonly #expected: number;
  #next = 0;
  #done: (() => void) | undefined;

  constructor(expected: number) {
    this.#expected = expected;
  }

  get lost(): number {
    return this.#expected - this.received;
  }

  readonly record = (seq: number): void => {
    if (seq !== this.#next) this.outOfOrder += 1;
    this.#next = seq + 1;
    this.received += 1;
    if (this.received === this.#expected) {
      this.completedAt = performance.now();
      this.#done?.();
    }
  };

  /** Resolves when every expected event has arrived, or when none has for a while (some are lost). */
  complete(): Promise<void> {
    if (this.received >= this.#expected) return Promise.resolve();
    return new Promise((resolve) => {
      let seen = this.received;
      const watchdog = setInterval(() => {
        if (this.received === seen) finish();
        seen = this.received;
      }, STALL_MS);
      const finish = () => {
        clearInterval(watchdog);
        resolve();
      };
      this.#done = finish;
    });
  }
}
