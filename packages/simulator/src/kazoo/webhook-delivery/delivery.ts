import { InvalidArgumentError } from '@pbxkit/kazoo';
import { isTransportError, sendOutgoingRequest, type ReceiverAnswer, type TransportError } from '../../framework/http-delivery.js';
import { OrderedDeliveries } from '../../framework/ordered-deliveries.js';
import { privateFields, publicView, type Json, type Stored } from '../documents.js';
import type { EventContract } from '../realtime/event-contract.js';
import type { Webhook, WebhookAttempt } from '../records.js';
import type { KazooStore } from '../store.js';
import { gregorianSeconds, modbId } from '../time.js';
import { randomHex } from '../tokens.js';
import { FailureWindow } from './failure-window.js';
import { hooksFor, payloadFor } from './hook-selection.js';
import { hookRequest, type HookRequest } from './request-encoding.js';

/** An event as the webhooks app receives it. */
export interface WebhookEvent {
  /** The account the event happened in. */
  accountId: string;
  /** The hook type it fires: `channel_create`, ..., `object`, `notifications`. */
  hook: string;
  /** The payload before `custom_data` and `cluster_id`. */
  payload: Json;
  /** An object event's type and action, which `object` hooks filter on. */
  object?: { type: string; action: string };
  /** A notification's type (`voicemail_new`, `outbound_fax`, ...), which `notifications` hooks filter on. */
  notification?: string;
}

export interface WebhookDeliveryOptions {
  /** The deadline of one attempt, connection and answer (Kazoo: 10 s each). Default 2000 ms. */
  requestTimeoutMs?: number;
  /** More failed attempts than this within `attemptFailureExpiryMs` disable the hook. Default 6. */
  attemptFailureCount?: number;
  /** Default 60000 ms, on the simulator's clock. */
  attemptFailureExpiryMs?: number;
  /** Added to every payload as `cluster_id`. */
  clusterId?: string;
}

/** What tests wait on (`sim.webhooks`). */
export interface WebhookControl {
  /** Resolves once no event is waiting to be delivered and no delivery is in flight. */
  idle(): Promise<void>;
}

const DISABLE_REASON = 'too many failed attempts';
const DEFAULT_RETRIES = 2;
/** Receiver answers kept in an attempt are cut to this many characters. */
const KEPT_BODY = 4096;

/**
 * Delivers events to the hooks they fire, as Kazoo does: 200 (201 for `put`) is a success; another status is
 * a failure that is not retried; a transport error (refused, reset, timeout) is retried up to the hook's
 * `retries`. Every attempt is stored, successes too (the simulator logs them, as Kazoo does with
 * `log_successful_attempts`). Each hook gets its events one at a time, in order.
 */
export class WebhookDelivery implements WebhookControl {
  readonly #store: KazooStore;
  readonly #now: () => number;
  readonly #contract: EventContract;
  readonly #timeoutMs: number;
  readonly #clusterId: string;
  readonly #failures: FailureWindow;
  readonly #deliveries = new OrderedDeliveries();

  constructor(store: KazooStore, now: () => number, contract: EventContract, options: WebhookDeliveryOptions = {}) {
    assertOptions(options);
    this.#store = store;
    this.#now = now;
    this.#contract = contract;
    this.#timeoutMs = options.requestTimeoutMs ?? 2000;
    this.#clusterId = options.clusterId ?? 'sim-cluster';
    this.#failures = new FailureWindow(options.attemptFailureCount ?? 6, options.attemptFailureExpiryMs ?? 60_000);
  }

  /** Keeps `idle()` waiting until `work` settles. */
  track(work: Promise<unknown>): void {
    this.#deliveries.track(work);
  }

  idle(): Promise<void> {
    return this.#deliveries.idle();
  }

  /** Queues the event for every hook it fires; resolves when those deliveries are done. */
  deliver(event: WebhookEvent): Promise<void> {
    const deliveries = hooksFor(this.#store, event).map((hook) =>
      this.#deliveries.enqueue(hook.id, () => this.#fire(hook.id, event), (error) => this.#contract.failure(`webhook ${event.hook}`, error)),
    );
    return Promise.all(deliveries).then(() => undefined);
  }

  /** Forgets failure counts (`reset()`). */
  reset(): void {
    this.#failures.clear();
  }

  async #fire(hookId: string, event: WebhookEvent): Promise<void> {
    const hook = this.#store.webhooks.find(hookId);
    if (!hook || hook.enabled === false) return;
    const payload = payloadFor(hook, event, this.#clusterId);
    const request = hookRequest(hook, payload);
    this.#contract.webhookPayload(event.hook, request.method, payload);
    const eventId = randomHex(32);
    // A PATCH with `retries: null` removes the field: the schema default applies.
    for (let retriesLeft = Number.isInteger(hook.retries) ? hook.retries : DEFAULT_RETRIES; ; retriesLeft--) {
      const result = await sendOutgoingRequest(request, this.#timeoutMs);
      const current = this.#store.webhooks.find(hookId);
      if (!current) return;
      const succeeded = !isTransportError(result) && (result.status === 200 || (request.method === 'PUT' && result.status === 201));
      this.#record(current, { event, eventId, request, result, retriesLeft, succeeded });
      const disabled = !succeeded && this.#failures.exceeded(hookId, this.#now()) && this.#disable(current);
      if (succeeded || disabled || !isTransportError(result) || retriesLeft === 0) return;
    }
  }

  #record(hook: Stored<Webhook>, attempt: { event: WebhookEvent; eventId: string; request: HookRequest; result: ReceiverAnswer | TransportError; retriesLeft: number; succeeded: boolean }): void {
    const { event, eventId, request, result, retriesLeft, succeeded } = attempt;
    const timestamp = gregorianSeconds(this.#now());
    const common = {
      hook_id: hook.id,
      hook_event: event.hook,
      event_id: eventId,
      uri: hook.uri,
      method: hook.http_verb,
      result: succeeded ? 'success' : 'failure',
      timestamp,
      try: retriesLeft,
      req_headers: request.headers,
      ...(request.body === undefined ? {} : { req_body: request.body }),
    } as const;
    const outcome: Partial<WebhookAttempt> = isTransportError(result)
      ? { reason: 'kazoo http client error', client_error: result.error, retries_left: retriesLeft > 0 ? retriesLeft - 1 : 'retries exceeded' }
      : {
          ...(succeeded ? {} : { reason: 'bad response code' }),
          resp_status_code: String(result.status),
          resp_headers: result.headers,
          resp_body: result.body.slice(0, KEPT_BODY),
          response_code: String(result.status),
          response_body: result.body.slice(0, KEPT_BODY),
          retries_left: retriesLeft,
        };
    this.#store.webhookAttempts.insert(hook.pvt_account_id, modbId(timestamp, randomHex(32)), { ...common, ...outcome }, timestamp);
  }

  /** Turns the hook off with a reason, as the disabler does; `PATCH .../webhooks` with `re-enable` undoes it. */
  #disable(hook: Stored<Webhook>): true {
    this.#store.webhooks.replace(hook, { ...(publicView(hook) as unknown as Webhook), enabled: false }, { ...privateFields(hook), pvt_disable_reason: DISABLE_REASON }, gregorianSeconds(this.#now()));
    return true;
  }
}

function assertOptions(options: WebhookDeliveryOptions): void {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('webhooks options must be an object');
  const { requestTimeoutMs, attemptFailureCount, attemptFailureExpiryMs, clusterId } = options;
  const positive = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isFinite(value) && value > 0);
  if (!positive(requestTimeoutMs)) throw new InvalidArgumentError('webhooks.requestTimeoutMs must be a number of milliseconds > 0');
  if (!positive(attemptFailureExpiryMs)) throw new InvalidArgumentError('webhooks.attemptFailureExpiryMs must be a number of milliseconds > 0');
  if (attemptFailureCount !== undefined && !(Number.isInteger(attemptFailureCount) && attemptFailureCount >= 0)) {
    throw new InvalidArgumentError('webhooks.attemptFailureCount must be an integer ≥ 0');
  }
  if (clusterId !== undefined && typeof clusterId !== 'string') throw new InvalidArgumentError('webhooks.clusterId must be a string');
}
