import { isJsonObject, type Json, type Stored } from '../documents.js';
import type { Webhook } from '../records.js';
import type { KazooStore } from '../store.js';
import type { WebhookEvent } from './delivery.js';

/**
 * The enabled hooks an event fires: the event account's hooks of that type (or `all`), and its ancestors'
 * hooks that set `include_subaccounts`. An `object` hook filters on `custom_data.type` and `.action`, a
 * `notifications` hook on `custom_data.type`.
 */
export function hooksFor(store: KazooStore, event: WebhookEvent): Stored<Webhook>[] {
  const account = store.accounts.find(event.accountId);
  if (!account) return [];
  return store.webhooks.all().filter(
    (hook) =>
      hook.enabled !== false &&
      (hook.hook === event.hook || hook.hook === 'all') &&
      (hook.pvt_account_id === account.id || (hook.include_subaccounts === true && account.pvt_tree.includes(hook.pvt_account_id))) &&
      objectFilterMatches(hook, event) &&
      notificationFilterMatches(hook, event),
  );
}

/** `webhooks_notifications`: a `notifications` hook fires for the type its `custom_data.type` names, or for every type with `all`. */
function notificationFilterMatches(hook: Stored<Webhook>, event: WebhookEvent): boolean {
  if (event.notification === undefined || hook.hook !== 'notifications') return true;
  const type = isJsonObject(hook.custom_data) ? hook.custom_data.type : undefined;
  return type === 'all' || type === event.notification;
}

/**
 * `webhooks_object:match_action_type`: without `type` and `action` every object event matches; with both, each
 * must equal the event's or be `all`; with only one of them nothing matches.
 */
function objectFilterMatches(hook: Stored<Webhook>, event: WebhookEvent): boolean {
  if (!event.object) return true;
  const custom = isJsonObject(hook.custom_data) ? hook.custom_data : {};
  const { type, action } = custom;
  if (type === undefined && action === undefined) return true;
  const matches = (wanted: unknown, actual: string) => wanted === 'all' || wanted === actual;
  return matches(type, event.object.type) && matches(action, event.object.action);
}

/**
 * What the hook sends (`webhooks_util:fire_hook/2`): the event's payload, the hook's `custom_data` over it (an
 * object hook's `type` and `action` are filters, not data), and `cluster_id`.
 */
export function payloadFor(hook: Stored<Webhook>, event: WebhookEvent, clusterId: string): Json {
  const custom = isJsonObject(hook.custom_data) ? { ...hook.custom_data } : {};
  if (event.object) {
    delete custom.type;
    delete custom.action;
  }
  return { ...event.payload, ...custom, cluster_id: clusterId };
}
