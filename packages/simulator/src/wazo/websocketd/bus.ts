import type { WazoStore } from '../store.js';
import type { AccessToken } from '../tokens.js';
import { tokenTime } from '../time.js';

/**
 * A wazo-bus message as websocketd forwards it (the `data` of a v2 `event` frame): the event's headers
 * flattened beside its body. `user_uuid:<uuid>` (or `user_uuid:*`) is a header key set to `true`.
 */
export interface BusMessage {
  name: string;
  origin_uuid: string;
  /** The stack's local time (UTC here), ISO without an offset. */
  timestamp: string;
  /** The access a token needs to receive the message (deprecated in wazo-bus but still checked). */
  required_acl: string;
  required_access: string;
  tenant_uuid: string;
  data: unknown;
  [userHeader: `user_uuid:${string}`]: true;
}

/**
 * The `required_acl` of the events the simulator emits (wazo-bus `required_acl_fmt`, or `events.` + the
 * routing key); `{user_uuid}` is the event's user. Other names require `events.<name>`.
 */
const REQUIRED_ACL: Record<string, string> = {
  call_created: 'events.calls.{user_uuid}',
  call_updated: 'events.calls.{user_uuid}',
  call_answered: 'events.calls.{user_uuid}',
  call_ended: 'events.calls.{user_uuid}',
  call_held: 'events.calls.{user_uuid}',
  call_resumed: 'events.calls.{user_uuid}',
  call_dtmf_created: 'events.calls.{user_uuid}',
  chatd_presence_updated: 'events.chatd.users.{user_uuid}.presences.updated',
  chatd_user_room_created: 'events.chatd.users.{user_uuid}.rooms.created',
  chatd_user_room_message_created: 'events.chatd.users.{user_uuid}.rooms.messages.created',
  users_services_dnd_updated: 'events.config.users.{user_uuid}.services.dnd.updated',
  users_forwards_busy_updated: 'events.config.users.{user_uuid}.forwards.busy.updated',
  users_forwards_noanswer_updated: 'events.config.users.{user_uuid}.forwards.noanswer.updated',
  users_forwards_unconditional_updated: 'events.config.users.{user_uuid}.forwards.unconditional.updated',
  auth_session_expire_soon: 'events.auth.users.{user_uuid}.sessions.expire_soon',
};

/** Where a message goes: one user (`user_uuid:<uuid>`) or every user of the tenant (`user_uuid:*`). */
export interface BusTarget {
  tenantUuid: string;
  userUuid: string | '*';
  /** Overrides the event's `required_acl`; `{user_uuid}` stands for the target user. */
  requiredAcl?: string;
}

/** A bus message as wazo-bus builds it; `subject` fills `{user_uuid}` (a tenant-wide event's own user). */
export function busMessage(store: WazoStore, nowMs: number, name: string, data: unknown, target: BusTarget, subject = target.userUuid): BusMessage {
  const template = target.requiredAcl ?? REQUIRED_ACL[name] ?? `events.${name}`;
  const routing: Record<`user_uuid:${string}`, true> = { [`user_uuid:${target.userUuid}`]: true as const };
  return {
    name,
    origin_uuid: store.stackUuid,
    timestamp: tokenTime(nowMs),
    required_acl: template.replaceAll('{user_uuid}', subject),
    required_access: `event.${name}`,
    tenant_uuid: target.tenantUuid,
    ...routing,
    data,
  };
}

/**
 * Whether websocketd hands a message to a token, as its bus consumer binds: master-tenant tokens get the
 * whole stack, tenant administrators (`metadata.admin`, or an `external_api`/`internal` purpose) all of
 * their tenant, other users their tenant's messages for them or for everyone. The token's ACL must also
 * grant the message's `required_acl`.
 */
export function reaches(store: WazoStore, token: AccessToken, message: BusMessage): boolean {
  if (!token.access.grants(message.required_acl)) return false;
  if (isMasterTenant(store, token.tenantUuid)) return true;
  if (message.tenant_uuid !== token.tenantUuid) return false;
  const { admin, purpose } = token.metadata;
  if (admin === true || purpose === 'external_api' || purpose === 'internal') return true;
  return message[`user_uuid:${token.userUuid}`] === true || message['user_uuid:*'] === true;
}

/** The master tenant is its own parent. */
function isMasterTenant(store: WazoStore, tenantUuid: string): boolean {
  return store.tenants.get(tenantUuid)?.parent_uuid === tenantUuid;
}
