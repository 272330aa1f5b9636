import type { WebhookNotificationType } from '@pbxkit/kazoo';
import type { Json } from '../documents.js';
import { KAZOO_VERSION } from '../envelope.js';
import { randomHex } from '../tokens.js';
import type { SimEvent } from './kazoo-events.js';

/** The node the simulator's notifications claim to come from. */
const NODE = 'kazoo_apps@sim.pbxkit.test';

/**
 * A teletype notification as the `notifications` hook posts it: the normalised AMQP message (its envelope
 * fields, then the type's own `fields`). Notifications have no blackhole binding.
 */
export function notificationEvent(accountId: string, type: WebhookNotificationType, fields: Json & { app_name: string }): SimEvent {
  const envelope = { event_category: 'notification', event_name: type, account_id: accountId, app_version: KAZOO_VERSION, msg_id: randomHex(16), node: NODE, server_id: '' };
  return { webhook: { accountId, hook: 'notifications', notification: type, payload: { ...envelope, ...fields } } };
}
