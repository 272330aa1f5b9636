/**
 * Failed attempts per hook within a sliding window (`webhooks_disabler`): more than `limit` of them within
 * `windowMs` and the hook is to be disabled.
 */
export class FailureWindow {
  readonly #failures = new Map<string, number[]>();
  readonly #limit: number;
  readonly #windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.#limit = limit;
    this.#windowMs = windowMs;
  }

  /** Counts a failure at `atMs`; true when the hook now has too many (its count starts over). */
  exceeded(hookId: string, atMs: number): boolean {
    const recent = (this.#failures.get(hookId) ?? []).filter((time) => atMs - time < this.#windowMs);
    recent.push(atMs);
    if (recent.length <= this.#limit) {
      this.#failures.set(hookId, recent);
      return false;
    }
    this.#failures.delete(hookId);
    return true;
  }

  clear(): void {
    this.#failures.clear();
  }
}
