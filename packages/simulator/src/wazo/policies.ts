import type { WazoStore } from './store.js';

/** Slugs of the policies every stack has. */
export const DEFAULT_USER_POLICY = 'wazo_default_user_policy';
export const DEFAULT_ADMIN_POLICY = 'wazo_default_admin_policy';

/**
 * What a stack's default user policy grants a user: its own calls, chats, voicemail, call logs, agent,
 * confd profile (read, forwards, services, SIP lines), directories and personal contacts, its refresh
 * tokens and sessions, the event socket and the events about itself (its calls, chats, services,
 * sessions) and its colleagues' presences.
 */
export const USER_ACL: readonly string[] = [
  'auth.users.me.#',
  'calld.users.me.#',
  'chatd.users.me.#',
  'chatd.users.*.presences.read',
  'chatd.users.presences.read',
  'confd.users.me.read',
  'confd.users.me.forwards.#',
  'confd.users.me.services.#',
  'confd.users.me.voicemails.read',
  'confd.users.me.lines.*.associated.endpoints.sip.read',
  'dird.directories.#',
  'dird.personal.#',
  'call-logd.users.me.cdr.read',
  'call-logd.users.me.cdr.*.recordings.*.media.read',
  'agentd.users.me.#',
  'websocketd',
  'events.calls.me',
  'events.chatd.users.me.#',
  'events.chatd.users.*.presences.updated',
  'events.config.users.me.#',
  'events.auth.users.me.#',
];

/** A tenant administrator may do anything within its tenant tree. */
export const ADMIN_ACL: readonly string[] = ['#'];

/** The policies a user has, directly or through its groups. */
export function policiesOf(store: WazoStore, userUuid: string): Set<string> {
  const uuids = new Set(store.userPolicies.get(userUuid));
  for (const [groupUuid, members] of store.groupMembers) {
    if (members.has(userUuid)) for (const policy of store.groupPolicies.get(groupUuid) ?? []) uuids.add(policy);
  }
  return uuids;
}

/** The ACL a new token of the user gets: every access of every policy it has, each once. */
export function aclOf(store: WazoStore, userUuid: string): string[] {
  const acl = new Set<string>();
  for (const uuid of policiesOf(store, userUuid)) for (const access of store.policies.get(uuid)?.acl ?? []) acl.add(access);
  return [...acl];
}

/** Whether the user has the default admin policy (`metadata.admin`). */
export function isAdmin(store: WazoStore, userUuid: string): boolean {
  return [...policiesOf(store, userUuid)].some((uuid) => store.policies.get(uuid)?.slug === DEFAULT_ADMIN_POLICY);
}
