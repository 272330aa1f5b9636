import { InvalidArgumentError } from '../errors.js';
import { DEFAULT_MAX_BODY_BYTES } from './body.js';
import { WebhookRequestError } from './errors.js';
import { readWebhookInput, type IncomingWebhook, type WebhookInput } from './incoming.js';
import type { WebhookAccepts } from './negotiate.js';

/** What a receiver does with the events it accepts. */
export interface WebhookReceiverOptions<E> {
  /** Called with each accepted event after the 200 has been sent. */
  onEvent: (event: E) => unknown;
  /**
   * Called when `onEvent` throws or rejects (with the event), or when the decoder fails unexpectedly (without
   * one). Default: `console.error` of the error's message.
   */
  onError?: (error: unknown, event: E | undefined) => unknown;
  /** The largest body accepted, in bytes (default 1 MiB); a larger one gets 413. */
  maxBodyBytes?: number;
}

/** Turns a decoded request into an event, throwing `WebhookRequestError` or `InvalidArgumentError` (400) when it is not one. */
export type WebhookDecoder<E> = (input: WebhookInput) => E;

/** The HTTP answer to one webhook request, and the delivery of its event once the answer is out. */
export interface WebhookOutcome {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Runs `onEvent` (and `onError`); never rejects. Absent for a refused request. */
  deliver?: () => Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const reportToConsole = (error: unknown) => console.error(`webhook event handler failed: ${messageOf(error)}`);
const text = (status: number, message: string, extra: Record<string, string> = {}): WebhookOutcome => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...extra },
  body: message,
});

function checkOptions(options: unknown): asserts options is WebhookReceiverOptions<never> {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('webhook receiver options must be an object');
  const { onEvent, onError, maxBodyBytes } = options as Record<string, unknown>;
  if (typeof onEvent !== 'function') throw new InvalidArgumentError('webhook receiver option `onEvent` must be a function');
  if (onError !== undefined && typeof onError !== 'function')
    throw new InvalidArgumentError('webhook receiver option `onError` must be a function');
  if (maxBodyBytes !== undefined && !(Number.isSafeInteger(maxBodyBytes) && (maxBodyBytes as number) > 0))
    throw new InvalidArgumentError('webhook receiver option `maxBodyBytes` must be a positive integer');
}

/**
 * The platform-neutral core of a receiver: reads and decodes a request (which `incoming` builds, and may
 * refuse) into an outcome, never throwing. Adapters send the outcome, then call its `deliver`.
 */
export function createWebhookHandler<E>(
  decode: WebhookDecoder<E>,
  accepts: WebhookAccepts,
  options: WebhookReceiverOptions<E>,
): (incoming: () => IncomingWebhook) => Promise<WebhookOutcome> {
  checkOptions(options);
  const { onEvent, onError = reportToConsole } = options;
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const report = async (error: unknown, event: E | undefined) => {
    try {
      await onError(error, event);
    } catch (failure) {
      reportToConsole(failure);
    }
  };
  const deliver = async (event: E) => {
    await null; // the adapter has sent the answer before the handler runs
    try {
      await onEvent(event);
    } catch (error) {
      await report(error, event);
    }
  };

  return async (incoming) => {
    try {
      const event = decode(await readWebhookInput(incoming(), accepts, maxBytes));
      return { status: 200, headers: {}, body: '', deliver: () => deliver(event) };
    } catch (error) {
      if (error instanceof WebhookRequestError)
        return text(error.status, error.message, error.allow ? { allow: error.allow.join(', ') } : {});
      if (error instanceof InvalidArgumentError) return text(400, error.message);
      await report(error, undefined);
      return text(500, 'webhook receiver failed to decode the request');
    }
  };
}
