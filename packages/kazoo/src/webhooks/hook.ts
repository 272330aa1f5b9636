import { webhookEventNames } from '../generated/events.js';
import type { KazooWebhookHook } from './event.js';

const channelHooks = new Set<string>(['channel_create', 'channel_answer', 'channel_bridge', 'channel_destroy']);
const documented = new Set<string>(webhookEventNames);
const known = (hook: string): KazooWebhookHook | undefined => (documented.has(hook) ? (hook as KazooWebhookHook) : undefined);

/**
 * Which hook sent a payload. Kazoo does not name it, so it is told from the payload: channel events carry
 * `hook_event`, notifications `event_category: 'notification'`, parking `event_name: 'PARK_*'`, object
 * events an `action` of `doc_*` with a `type`.
 */
export function hookOf(payload: Record<string, unknown>): KazooWebhookHook | undefined {
  const { hook_event, event_category, event_name, action, type } = payload;
  if (typeof hook_event === 'string' && channelHooks.has(hook_event)) return known(hook_event);
  if (event_category === 'notification') return known('notifications');
  if (typeof event_name === 'string' && event_name.startsWith('PARK_')) return known('parking');
  if (typeof action === 'string' && action.startsWith('doc_') && typeof type === 'string') return known('object');
  return undefined;
}
