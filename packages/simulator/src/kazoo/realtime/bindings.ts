/**
 * Blackhole bindings (kazoo.md §10): `<prefix>.<family>.<keys...>`, e.g. `call.CHANNEL_CREATE.*` or
 * `object.doc_edited.user`. A subscription's `*` segment matches any one segment of a published binding.
 */
import { WebhookObjectActionValues, WebhookObjectTypeValues, type WebhookObjectType } from '@pbxkit/kazoo';

export const CALL_EVENTS = [
  'CHANNEL_CREATE',
  'CHANNEL_ANSWER',
  'CHANNEL_DESTROY',
  'CHANNEL_HOLD',
  'CHANNEL_UNHOLD',
  'CHANNEL_BRIDGE',
  'PARK_PARKED',
  'PARK_RETRIEVED',
  'PARK_ABANDONED',
] as const;
export type CallEventName = (typeof CALL_EVENTS)[number];

export const isObjectType = (type: string): type is WebhookObjectType => (WebhookObjectTypeValues as readonly string[]).includes(type);

/**
 * The binding templates by prefix, as `GET /websockets` lists them; `{...}` stands for an id or `*`.
 * Each template's second segment is its family; a binding must have as many segments as its template.
 */
export const BINDING_TEMPLATES: Record<string, readonly string[]> = {
  call: CALL_EVENTS.map((event) => `call.${event}.{CALL_ID}`),
  conference: ['conference.event.{CONFERENCE_ID}.{CALL_ID}', 'conference.command.{CONFERENCE_ID}'],
  fax: ['fax.status.{FAX_ID}', 'fax.object.{ACTION}'],
  object: WebhookObjectActionValues.flatMap((action) => WebhookObjectTypeValues.map((type) => `object.${action}.${type}`)),
  presence: ['presence.dialog.{PRESENCE_ID}', 'presence.mwi_updates.{PRESENCE_ID}', 'presence.update.{PRESENCE_ID}'],
};

export const NO_SUBSCRIPTION = 'no available subscriptions to requested binding';

/** Why blackhole refuses a subscription to `binding` (its error string), or undefined when it takes it. */
export function bindingProblem(binding: string): string | undefined {
  const [prefix = '', ...keys] = binding.split('.');
  const templates = BINDING_TEMPLATES[prefix];
  if (!templates) return NO_SUBSCRIPTION;
  if (prefix === 'object') return objectProblem(keys);
  const [family = ''] = keys;
  const template = templates.find((t) => t.split('.')[1] === family) ?? (prefix === 'call' && family === '*' ? templates[0] : undefined);
  if (!template) return `event ${family} not supported`;
  if (template.split('.').length !== keys.length + 1 || keys.includes('')) return formatProblem(prefix, keys);
  return undefined;
}

/** `object.{ACTION}.{TYPE}`: each is a known value or `*` (`bh_object:validate/2`). */
function objectProblem(keys: string[]): string | undefined {
  if (keys.length !== 2) return formatProblem('object', keys);
  const [action, type] = keys as [string, string];
  const knownAction = action === '*' || (WebhookObjectActionValues as readonly string[]).includes(action);
  const knownType = type === '*' || isObjectType(type);
  if (knownAction && knownType) return undefined;
  return `event ${[knownAction ? undefined : action, knownType ? undefined : type].filter(Boolean).join('.')} not supported`;
}

const formatProblem = (prefix: string, keys: string[]) => `invalid format for ${prefix} subscription : ${keys.join('.')}`;

/** Whether a subscription (`call.*.*`) covers a published binding (`call.CHANNEL_CREATE.<call id>`). */
export function bindingMatches(subscription: string, published: string): boolean {
  const wanted = subscription.split('.');
  const given = published.split('.');
  return wanted.length === given.length && wanted.every((segment, i) => segment === '*' || segment === given[i]);
}

/** The binding's family: its first two segments (`call.CHANNEL_CREATE`, `object.doc_created`). */
export const familyOf = (binding: string): string => binding.split('.').slice(0, 2).join('.');

/** An account's database name as AMQP keys carry it: `account%2F3b%2Fe3%2Fc4b1...`. */
export const accountDb = (accountId: string) => `account%2F${accountId.slice(0, 2)}%2F${accountId.slice(2, 4)}%2F${accountId.slice(4)}`;

/**
 * The AMQP key behind a client binding for an account: `call.{ACCOUNT_ID}.{EVENT}.{CALL_ID}` for calls,
 * `{ACTION}.{ACCOUNT_DB}.{TYPE}.{ID}` for objects (`id` `*` in a subscription), `{prefix}.{ACCOUNT_ID}.{rest}` otherwise.
 */
export function amqpKey(accountId: string, binding: string, id = '*'): string {
  const [prefix = '', ...keys] = binding.split('.');
  if (prefix === 'object') return [keys[0], accountDb(accountId), keys[1], id].join('.');
  return [prefix, accountId, ...keys].join('.');
}
