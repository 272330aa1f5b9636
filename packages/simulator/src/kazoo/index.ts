import spec from '@pbxkit/kazoo/openapi.json' with { type: 'json' };
import type { OpenApiDocument } from '../framework/openapi.js';
import { createKazooSimulatorFromSpec, type KazooSimulator, type KazooSimulatorOptions } from './simulator.js';

export { createKazooSimulatorFromSpec, type KazooSimulator, type KazooSimulatorOptions } from './simulator.js';
export type { KazooFixtures } from './seed/fixtures.js';
export type { KazooStore } from './store.js';
export type { Caller as KazooCaller } from './handlers/common.js';
/** Record types of the store, e.g. `KazooRecords.Cdr`. */
export type * as KazooRecords from './records.js';

/** A stateful Kazoo (Crossbar) simulator validated against @pbxkit/kazoo's bundled OpenAPI document. */
export function createKazooSimulator(options: KazooSimulatorOptions = {}): KazooSimulator {
  return createKazooSimulatorFromSpec(spec as unknown as OpenApiDocument, options);
}
export type {
  BlackholeControl as KazooBlackholeControl,
  BlackholePublication as KazooBlackholePublication,
  BlackholeSocketInfo as KazooBlackholeSocketInfo,
} from './realtime/blackhole.js';
export type { Subscription as KazooBlackholeSubscription } from './realtime/blackhole-session.js';
export type { WebhookControl as KazooWebhookControl, WebhookDeliveryOptions as KazooWebhookDeliveryOptions } from './webhook-delivery/delivery.js';
