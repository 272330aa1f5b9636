import { AbortError, TimeoutError } from './errors.js';

const aborted = (label: string, signal: AbortSignal | undefined) =>
  new AbortError(`Request aborted: ${label}`, { cause: signal?.reason });

export interface AttemptSignal {
  /** Aborts with a `TimeoutError` after the timeout, or with an `AbortError` when the caller aborts. */
  signal: AbortSignal;
  /** Clears the timer; with `unlink`, also stops following the caller's signal. */
  stop(unlink?: boolean): void;
}

/**
 * The signal for one attempt: the caller's signal composed with a per-attempt timeout. The owner must
 * call `stop()` when the attempt is over so that no timer outlives its request.
 */
export function attemptSignal(timeoutMs: number, caller: AbortSignal | undefined, label: string): AttemptSignal {
  const controller = new AbortController();
  const onAbort = () => controller.abort(aborted(label, caller));
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs > 0 && timeoutMs < 2 ** 31
      ? setTimeout(() => controller.abort(new TimeoutError(`Request timed out after ${timeoutMs} ms: ${label}`)), timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    stop(unlink) {
      clearTimeout(timer);
      if (unlink) caller?.removeEventListener('abort', onAbort);
    },
  };
}

/** Waits `ms`, or rejects with an `AbortError` as soon as `signal` aborts; the timer never outlives the wait. */
export function sleep(ms: number, signal?: AbortSignal, label = 'retry wait'): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(aborted(label, signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/** A promise shared by many calls (a refresh), as one call sees it: it stops waiting when its signal aborts. */
export function abortable<T>(shared: Promise<T>, signal: AbortSignal | undefined, label: string): Promise<T> {
  if (!signal) return shared;
  return new Promise((resolve, reject) => {
    const abort = () => reject(aborted(label, signal));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
