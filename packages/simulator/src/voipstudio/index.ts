import spec from '@pbxkit/voipstudio/openapi.json' with { type: 'json' };
import type { OpenApiDocument } from '../framework/openapi.js';
import { createVoipstudioSimulatorFromSpec, type VoipstudioSimulator, type VoipstudioSimulatorOptions } from './simulator.js';

export { createVoipstudioSimulatorFromSpec, type VoipstudioFixtures, type VoipstudioSimulator, type VoipstudioSimulatorOptions } from './simulator.js';
export type { Caller as VoipstudioCaller, Sessions as VoipstudioSessions } from './sessions.js';
export type { Account as VoipstudioAccount, VoipstudioStore } from './store.js';
export type { VoipstudioWebhookEventName, VoipstudioWebhookSubscription } from './webhooks/subscriptions.js';
export type { VoipstudioWebhookControl, VoipstudioWebhookDelivery } from './webhooks/webhook-sender.js';
/** Record types of the store, e.g. `VoipstudioRecords.Cdr`. */
export type * as VoipstudioRecords from './records.js';

/** A stateful VoIPstudio API simulator validated against @pbxkit/voipstudio's bundled OpenAPI document. */
export function createVoipstudioSimulator(options: VoipstudioSimulatorOptions = {}): VoipstudioSimulator {
  return createVoipstudioSimulatorFromSpec(spec as unknown as OpenApiDocument, options);
}
