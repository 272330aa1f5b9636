import { InvalidArgumentError } from '@pbxkit/core';
import type { WebhooksResource } from './generated/resources/webhooks.js';
import {
  WebhookNotificationTypeValues,
  WebhookObjectActionValues,
  WebhookObjectTypeValues,
  type Webhook,
  type WebhookNotificationType,
  type WebhookObjectAction,
  type WebhookObjectType,
} from './generated/models.js';

/** The hooks that take no filter. */
const plainHooks = ['channel_create', 'channel_answer', 'channel_bridge', 'channel_destroy', 'parking', 'sms', 'mms', 'all'] as const;

type Settings = Pick<Webhook, 'name' | 'uri' | 'http_verb' | 'format' | 'retries' | 'include_subaccounts' | 'include_internal_legs' | 'enabled'> & {
  /** Extra fields added to every event (string values). */
  custom_data?: Record<string, string>;
};

/** What a webhook should fire on, and how: the input of `kazooWebhook` and `createKazooWebhook`. */
export type KazooWebhookSpec = Settings &
  (
    | { hook: (typeof plainHooks)[number] }
    /** Kazoo filters object events on both `action` and `type` (`all` for any): one alone matches nothing. */
    | { hook: 'object'; action: WebhookObjectAction | 'all'; type: WebhookObjectType | 'all' }
    | { hook: 'notifications'; type: WebhookNotificationType | 'all' }
  );

const isIn = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);
const fail = (message: string): never => {
  throw new InvalidArgumentError(`webhook: ${message}`);
};

/** The filter `custom_data` of a hook: `{action, type}` for `object`, `{type}` for `notifications`, nothing otherwise. */
function filterOf(spec: KazooWebhookSpec): Record<string, string> {
  const { action, type } = spec as { action?: unknown; type?: unknown };
  const values = (list: readonly string[]) => `one of ${list.join(', ')} or all`;
  switch (spec.hook) {
    case 'object':
      if (!isIn([...WebhookObjectActionValues, 'all'], action)) fail(`an object hook needs \`action\`: ${values(WebhookObjectActionValues)} (Kazoo matches nothing without it)`);
      if (!isIn([...WebhookObjectTypeValues, 'all'], type)) fail(`an object hook needs \`type\`: ${values(WebhookObjectTypeValues)} (Kazoo matches nothing without it)`);
      return { action: action as string, type: type as string };
    case 'notifications':
      if (action !== undefined) fail('a notifications hook takes no `action`');
      if (!isIn([...WebhookNotificationTypeValues, 'all'], type)) fail(`a notifications hook needs \`type\`: ${values(WebhookNotificationTypeValues)}`);
      return { type: type as string };
    default:
      if (!isIn(plainHooks, spec.hook)) fail(`\`hook\` must be one of ${[...plainHooks, 'object', 'notifications'].join(', ')}`);
      if (action !== undefined || type !== undefined) fail(`a ${spec.hook} hook takes no \`action\` or \`type\` (only object and notifications hooks filter)`);
      return {};
  }
}

function assertSettings(spec: KazooWebhookSpec): void {
  const { name, uri, http_verb, format, retries, custom_data } = spec;
  if (typeof name !== 'string' || name.trim() === '') fail('`name` must be a non-empty string');
  if (typeof uri !== 'string' || !URL.canParse(uri) || !/^https?:$/.test(new URL(uri).protocol)) fail('`uri` must be an absolute http:// or https:// URL');
  if (!(http_verb === undefined || isIn(['get', 'post', 'put'], http_verb))) fail('`http_verb` must be get, post or put');
  if (!(format === undefined || isIn(['form-data', 'json'], format))) fail('`format` must be form-data or json');
  if (!(retries === undefined || (Number.isInteger(retries) && retries >= 0 && retries <= 4))) fail(`\`retries\` must be an integer from 0 to 4 (got ${String(retries)})`);
  for (const key of ['include_subaccounts', 'include_internal_legs', 'enabled'] as const) {
    if (!(spec[key] === undefined || typeof spec[key] === 'boolean')) fail(`\`${key}\` must be true or false`);
  }
  if (custom_data !== undefined) {
    if (typeof custom_data !== 'object' || custom_data === null || Array.isArray(custom_data)) fail('`custom_data` must be an object of strings');
    for (const [key, value] of Object.entries(custom_data)) if (typeof value !== 'string') fail(`\`custom_data.${key}\` must be a string`);
    if ((spec.hook === 'object' || spec.hook === 'notifications') && ('type' in custom_data || 'action' in custom_data)) {
      fail('give an object or notifications hook its filter as `type` and `action`, not in `custom_data`');
    }
  }
}

/**
 * The webhook document for a hook, checked before anything is sent (`InvalidArgumentError` says what is
 * wrong): `kazooWebhook({ hook: 'object', action: 'doc_deleted', type: 'user', name, uri })` gives
 * `{ hook: 'object', custom_data: { action: 'doc_deleted', type: 'user' }, name, uri }`.
 */
export function kazooWebhook(spec: KazooWebhookSpec): Webhook {
  if (typeof spec !== 'object' || spec === null) fail('pass { hook, name, uri, ... }');
  const filter = filterOf(spec);
  assertSettings(spec);
  const { action: _action, type: _type, custom_data, ...settings } = spec as KazooWebhookSpec & { action?: string; type?: string };
  const customData = { ...custom_data, ...filter };
  return { ...settings, ...(Object.keys(customData).length > 0 && { custom_data: customData }) };
}

/** Creates the webhook `kazooWebhook(spec)` describes, in `accountId` (default: the client's account). */
export function createKazooWebhook(
  kazoo: { webhooks: Pick<WebhooksResource, 'create'> },
  spec: KazooWebhookSpec,
  options: { accountId?: string } = {},
): ReturnType<WebhooksResource['create']> {
  const body = kazooWebhook(spec);
  if (typeof kazoo?.webhooks?.create !== 'function') fail('createKazooWebhook() takes a Kazoo client with `webhooks` first');
  const accountId = options?.accountId;
  if (!(accountId === undefined || (typeof accountId === 'string' && accountId !== ''))) fail('`accountId` must be a non-empty string');
  return kazoo.webhooks.create({ body, ...(accountId !== undefined && { path: { account_id: accountId } }) });
}
