import { empty, json } from '../../framework/reply.js';
import type { Auth } from '../generated.js';
import { uuid } from '../ids.js';
import type { ListOptions } from '../list-query.js';
import { policiesOf } from '../policies.js';
import type { AuthUser, Group, Policy, Tenant } from '../records.js';
import { subtreeOf } from '../tenants.js';
import {
  callerOf,
  fail,
  failure,
  identity,
  listReply,
  listedTenants,
  reachableTenants,
  withTotals,
  type Deps,
  type WazoContext,
  type WazoHandlers,
} from './common.js';

/** wazo-auth's tenants, users (emails, password, policies, groups), groups and policies. */
export function authAdminHandlers(deps: Deps): WazoHandlers {
  return { ...tenantHandlers(deps), ...userHandlers(deps), ...groupHandlers(deps), ...policyHandlers(deps) };
}

/** The caller may only hand out (or take back) accesses its own token grants: 401 names the first it lacks. */
function refuseUngranted(deps: Deps, context: WazoContext, acl: readonly string[]) {
  const { token } = callerOf(context);
  const missing = acl.find((access) => !token.access.grants(access));
  if (missing === undefined) return undefined;
  const details = { invalid_token: token.token, reason: 'missing_permission_or_invalid_tenant', required_access: missing, tenant_uuid: token.tenantUuid };
  return fail(deps, context, failure(401, 'Unauthorized', 'unauthorized', details));
}

const slugOf = (name: string) => name.replace(/[^a-zA-Z0-9_-]/g, '').slice(0, 80) || 'tenant';

function tenantHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;
  const options: ListOptions<Tenant> = {
    searchable: (t) => [t.name, t.slug, ...t.domain_names],
    sortable: ['name', 'slug'],
    defaultOrder: 'name',
    filters: {
      uuid: (t, v) => t.uuid === v,
      name: (t, v) => t.name === v,
      slug: (t, v) => t.slug === v,
      domain_name: (t, v) => t.domain_names.includes(String(v)),
    },
  };
  const find = (context: WazoContext) => {
    const tenant = store.tenants.get(String(context.path.tenant_uuid));
    return tenant && reachableTenants(deps, context).has(tenant.uuid) ? tenant : undefined;
  };
  const notFound = (context: WazoContext) => failure(404, `No such tenant: "${String(context.path.tenant_uuid)}"`, 'unknown-tenant', { uuid: context.path.tenant_uuid }, 'tenants');
  const fields = (body: Auth.TenantFields) => ({
    name: body.name ?? null,
    contact: body.contact ?? null,
    phone: body.phone ?? null,
    domain_names: body.domain_names ?? [],
    address: body.address ?? { line_1: null, line_2: null, city: null, state: null, country: null, zip_code: null },
    default_authentication_method: body.default_authentication_method ?? 'native',
  });
  const domainTaken = (domains: string[], except?: string) =>
    [...store.tenants.values()].some((t) => t.uuid !== except && t.domain_names.some((d) => domains.includes(d)));

  return {
    listTenants: (context) => listReply(deps, context, [...store.tenants.values()].filter((t) => reachableTenants(deps, context).has(t.uuid)), options, withTotals(identity)),
    getTenant: (context) => {
      const tenant = find(context);
      return tenant ? json(200, tenant) : fail(deps, context, notFound(context));
    },
    createTenant: (context) => {
      const body = context.body as Auth.TenantCreate;
      const tenant: Tenant = { uuid: body.uuid ?? uuid(), parent_uuid: callerOf(context).tenantUuid, slug: body.slug ?? slugOf(body.name ?? 'tenant'), ...fields(body) };
      const clash = [...store.tenants.values()].some((t) => t.uuid === tenant.uuid || t.slug === tenant.slug) || domainTaken(tenant.domain_names);
      if (clash) return fail(deps, context, failure(409, 'Conflict detected', 'conflict', { slug: tenant.slug }, 'tenants'));
      store.tenants.set(tenant.uuid, tenant);
      return json(200, tenant);
    },
    updateTenant: (context) => {
      const tenant = find(context);
      if (!tenant) return fail(deps, context, notFound(context));
      const updated = { ...tenant, ...fields(context.body as Auth.TenantUpdate) };
      if (domainTaken(updated.domain_names, tenant.uuid)) return fail(deps, context, failure(409, 'Conflict detected', 'conflict', { domain_names: updated.domain_names }, 'tenants'));
      store.tenants.set(tenant.uuid, updated);
      return json(200, updated);
    },
    deleteTenant: (context) => {
      const tenant = find(context);
      if (!tenant) return fail(deps, context, notFound(context));
      if (tenant.uuid === callerOf(context).tenantUuid) return fail(deps, context, failure(403, 'A tenant cannot delete itself', 'forbidden', {}, 'tenants'));
      // wazo-auth shifts this error's arguments: `error_id` holds the details and `details` the resource.
      if (subtreeOf(store, tenant.uuid).size > 1) {
        return json(400, { message: 'The tenant has sub-tenants', error_id: { uuid: tenant.uuid }, details: 'tenants', timestamp: deps.now() / 1000 });
      }
      store.tenants.delete(tenant.uuid);
      return empty(204);
    },
  };
}

function userHandlers(deps: Deps): WazoHandlers {
  const { store, tokens } = deps;
  const userOptions: ListOptions<AuthUser> = {
    searchable: (u) => [u.uuid, u.username, u.firstname, u.lastname, u.purpose, ...u.emails.map((e) => e.address)],
    sortable: ['username', 'firstname', 'lastname'],
    defaultOrder: 'username',
    filters: {
      username: (u, v) => u.username === v,
      email_address: (u, v) => u.emails.some((e) => e.address === v),
      purpose: (u, v) => u.purpose === v,
      group_uuid: (u, v) => store.groupMembers.get(String(v))?.has(u.uuid) ?? false,
      policy_uuid: (u, v) => store.userPolicies.get(u.uuid)?.has(String(v)) ?? false,
      policy_slug: (u, v) => [...(store.userPolicies.get(u.uuid) ?? [])].some((p) => store.policies.get(p)?.slug === v),
      has_policy_uuid: (u, v) => policiesOf(store, u.uuid).has(String(v)),
      has_policy_slug: (u, v) => [...policiesOf(store, u.uuid)].some((p) => store.policies.get(p)?.slug === v),
    },
  };
  const find = (context: WazoContext) => {
    const user = store.authUsers.get(String(context.path.user_uuid));
    return user && reachableTenants(deps, context).has(user.tenant_uuid) ? user : undefined;
  };
  const notFound = (context: WazoContext) => failure(404, `No such user: "${String(context.path.user_uuid)}"`, 'unknown-user', { uuid: context.path.user_uuid }, 'users');
  const taken = (username: string | null | undefined, emails: string[], except?: string) =>
    [...store.authUsers.values()].some(
      (u) => u.uuid !== except && ((username && u.username === username) || u.emails.some((e) => emails.includes(e.address))),
    );
  const fields = (body: Auth.UserFields) => ({
    username: body.username ?? null,
    firstname: body.firstname ?? null,
    lastname: body.lastname ?? null,
    purpose: body.purpose ?? 'user',
    authentication_method: body.authentication_method ?? 'default',
    enabled: body.enabled ?? true,
  });
  const policyByRef = (context: WazoContext) => visiblePolicies(deps, context).find((p) => p.uuid === context.path.policy_uuid || p.slug === context.path.policy_uuid);
  const policyNotFound = (context: WazoContext) => fail(deps, context, failure(404, `No such policy: "${String(context.path.policy_uuid)}"`, 'unknown-policy'), 'legacy');

  return {
    listUsers: (context) => {
      const tenants = listedTenants(deps, context);
      return listReply(deps, context, [...store.authUsers.values()].filter((u) => tenants.has(u.tenant_uuid)), userOptions, withTotals(identity));
    },
    getUser: (context) => {
      const user = find(context);
      return user ? json(200, user) : fail(deps, context, notFound(context));
    },
    createUser: (context) => {
      const body = context.body as Auth.UserCreate;
      const emails = body.email_address ? [body.email_address] : [];
      if (taken(body.username, emails) || (body.uuid && store.authUsers.has(body.uuid))) {
        return fail(deps, context, failure(409, 'Conflict detected', 'conflict', { username: body.username ?? null }, 'users'));
      }
      const user: AuthUser = {
        uuid: body.uuid ?? uuid(),
        tenant_uuid: callerOf(context).tenantUuid,
        ...fields(body),
        emails: emails.map((address) => ({ uuid: uuid(), address, main: true, confirmed: true })),
      };
      store.authUsers.set(user.uuid, user);
      store.authSecrets.set(user.uuid, { password: body.password ?? null, authorizations: [] });
      store.userPolicies.set(user.uuid, new Set());
      return json(200, user);
    },
    updateUser: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      const updated = { ...user, ...fields(context.body as Auth.UserUpdate) };
      if (taken(updated.username, [], user.uuid)) return fail(deps, context, failure(409, 'Conflict detected', 'conflict', { username: updated.username }, 'users'));
      store.authUsers.set(user.uuid, updated);
      if (!updated.enabled) tokens.endSessionsOf(user.uuid);
      return json(200, updated);
    },
    deleteUser: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      store.authUsers.delete(user.uuid);
      store.authSecrets.delete(user.uuid);
      store.userPolicies.delete(user.uuid);
      for (const members of store.groupMembers.values()) members.delete(user.uuid);
      tokens.endSessionsOf(user.uuid);
      return empty(204);
    },
    addUserEmail: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      const { emails } = context.body as Auth.UserEmailsUpdate;
      const addresses = emails.map((e) => e.address);
      const mains = emails.filter((e) => e.main).length;
      if (new Set(addresses).size !== addresses.length || (emails.length > 0 && mains !== 1)) {
        return fail(deps, context, failure(400, 'Sent data is invalid', 'invalid-data', { emails: { constraint_id: 'main', message: 'Exactly one main address, each address once' } }));
      }
      if (taken(null, addresses, user.uuid)) return fail(deps, context, failure(409, 'Conflict detected', 'conflict', { emails: addresses }, 'emails'));
      const updated = emails.map(({ address, main }) => {
        const existing = user.emails.find((e) => e.address === address);
        return { uuid: existing?.uuid ?? uuid(), address, main: main ?? false, confirmed: existing?.confirmed ?? false };
      });
      user.emails = updated;
      return json(200, updated);
    },
    updateUserPassword: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      const { old_password: oldPassword, new_password: newPassword } = context.body as Auth.PasswordChange;
      const secrets = store.authSecrets.get(user.uuid);
      if (!secrets || secrets.password !== oldPassword) return fail(deps, context, failure(401, 'Authentication Failed', 'authentication-failed'), 'legacy');
      secrets.password = newPassword;
      tokens.endSessionsOf(user.uuid);
      return empty(204);
    },
    listUserPolicies: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      const rows = [...(store.userPolicies.get(user.uuid) ?? [])].map((p) => store.policies.get(p)).filter((p): p is Policy => p !== undefined);
      return listReply(deps, context, rows, policyListOptions(deps), withTotals(identity));
    },
    addUserPolicy: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      const policy = policyByRef(context);
      if (!policy) return policyNotFound(context);
      const refused = refuseUngranted(deps, context, policy.acl);
      if (refused) return refused;
      store.userPolicies.set(user.uuid, (store.userPolicies.get(user.uuid) ?? new Set()).add(policy.uuid));
      return empty(204);
    },
    removeUserPolicy: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      const policy = policyByRef(context);
      if (!policy || !store.userPolicies.get(user.uuid)?.has(policy.uuid)) return policyNotFound(context);
      const refused = refuseUngranted(deps, context, policy.acl);
      if (refused) return refused;
      store.userPolicies.get(user.uuid)!.delete(policy.uuid);
      return empty(204);
    },
    listUserGroups: (context) => {
      const user = find(context);
      if (!user) return fail(deps, context, notFound(context));
      const rows = [...store.groups.values()].filter((g) => store.groupMembers.get(g.uuid)?.has(user.uuid));
      return listReply(deps, context, rows, { ...groupListOptions(deps), sortable: ['name', 'uuid'] }, withTotals(identity));
    },
  };
}

function groupListOptions(deps: Deps): ListOptions<Group> {
  const { store } = deps;
  return {
    searchable: (g) => [g.name, g.slug],
    sortable: ['name', 'slug', 'uuid', 'read_only'],
    defaultOrder: 'name',
    filters: {
      uuid: (g, v) => g.uuid === v,
      name: (g, v) => g.name === v,
      slug: (g, v) => g.slug === v,
      read_only: (g, v) => g.read_only === v,
      user_uuid: (g, v) => store.groupMembers.get(g.uuid)?.has(String(v)) ?? false,
      policy_uuid: (g, v) => store.groupPolicies.get(g.uuid)?.has(String(v)) ?? false,
      policy_slug: (g, v) => [...(store.groupPolicies.get(g.uuid) ?? [])].some((p) => store.policies.get(p)?.slug === v),
    },
  };
}

function groupHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;
  const find = (context: WazoContext) => {
    const group = store.groups.get(String(context.path.group_uuid));
    return group && reachableTenants(deps, context).has(group.tenant_uuid) ? group : undefined;
  };
  const notFound = (context: WazoContext) => failure(404, `No such group: "${String(context.path.group_uuid)}"`, 'unknown-group', { uuid: context.path.group_uuid }, 'groups');
  const readOnly = (context: WazoContext) => fail(deps, context, failure(403, 'The group is managed by the system and cannot be changed', 'system-managed-group', {}, 'groups'));
  const nameTaken = (tenant: string, name: string, except?: string) => [...store.groups.values()].some((g) => g.tenant_uuid === tenant && g.name === name && g.uuid !== except);
  const conflict = (context: WazoContext, name: string) => fail(deps, context, failure(409, `Group "${name}" already exists`, 'conflict'));
  const member = (context: WazoContext) => {
    const group = find(context);
    const user = store.authUsers.get(String(context.path.user_uuid));
    return group && user && reachableTenants(deps, context).has(user.tenant_uuid) ? { group, user } : undefined;
  };
  const memberNotFound = (context: WazoContext) =>
    failure(404, 'No such group or user', 'unknown-group-or-user', { group_uuid: context.path.group_uuid, user_uuid: context.path.user_uuid });

  return {
    listGroups: (context) => {
      const tenants = listedTenants(deps, context);
      return listReply(deps, context, [...store.groups.values()].filter((g) => tenants.has(g.tenant_uuid)), groupListOptions(deps), withTotals(identity));
    },
    createGroup: (context) => {
      const body = context.body as Auth.GroupCreate;
      const tenant = callerOf(context).tenantUuid;
      if (nameTaken(tenant, body.name)) return conflict(context, body.name);
      const group: Group = { uuid: uuid(), tenant_uuid: tenant, name: body.name, slug: body.slug ?? slugOf(body.name), read_only: false, system_managed: false };
      store.groups.set(group.uuid, group);
      store.groupMembers.set(group.uuid, new Set());
      store.groupPolicies.set(group.uuid, new Set());
      return json(200, group);
    },
    getGroup: (context) => {
      const group = find(context);
      return group ? json(200, group) : fail(deps, context, notFound(context));
    },
    updateGroup: (context) => {
      const group = find(context);
      if (!group) return fail(deps, context, notFound(context));
      if (group.read_only) return readOnly(context);
      const { name } = context.body as Auth.GroupUpdate;
      if (nameTaken(group.tenant_uuid, name, group.uuid)) return conflict(context, name);
      group.name = name;
      return json(200, group);
    },
    deleteGroup: (context) => {
      const group = find(context);
      if (!group) return fail(deps, context, notFound(context));
      if (group.read_only) return readOnly(context);
      store.groups.delete(group.uuid);
      store.groupMembers.delete(group.uuid);
      store.groupPolicies.delete(group.uuid);
      return empty(204);
    },
    listGroupUsers: (context) => {
      const group = find(context);
      if (!group) return fail(deps, context, notFound(context));
      const rows = [...(store.groupMembers.get(group.uuid) ?? [])].map((u) => store.authUsers.get(u)).filter((u): u is AuthUser => u !== undefined);
      return listReply(deps, context, rows, { searchable: (u) => [u.username, u.firstname, u.lastname], sortable: ['username'], defaultOrder: 'username' }, withTotals(identity));
    },
    addUserToGroup: (context) => {
      const found = member(context);
      if (!found) return fail(deps, context, memberNotFound(context));
      if (found.group.read_only) return readOnly(context);
      if (found.group.tenant_uuid !== found.user.tenant_uuid) {
        return fail(deps, context, failure(400, 'The user and the group belong to different tenants', 'invalid-data', { user_uuid: found.user.uuid }));
      }
      store.groupMembers.get(found.group.uuid)!.add(found.user.uuid);
      return empty(204);
    },
    removeUserFromGroup: (context) => {
      const found = member(context);
      if (!found) return fail(deps, context, memberNotFound(context));
      if (found.group.read_only) return readOnly(context);
      store.groupMembers.get(found.group.uuid)!.delete(found.user.uuid);
      return empty(204);
    },
  };
}

/** The policies of the request's tenant and the shared ones of its ancestors (read-only there). */
function visiblePolicies(deps: Deps, context: WazoContext, tenants = reachableTenants(deps, context)): Policy[] {
  const { store } = deps;
  const own = [...store.policies.values()].filter((p) => tenants.has(p.tenant_uuid));
  const shared = [...store.policies.values()].filter((p) => p.shared && !tenants.has(p.tenant_uuid) && subtreeOf(store, p.tenant_uuid).has(callerOf(context).tenantUuid));
  return [...own, ...shared.map((p) => ({ ...p, read_only: true }))];
}

function policyListOptions(deps: Deps): ListOptions<Policy> {
  const { store } = deps;
  return {
    searchable: (p) => [p.name, p.slug, p.description],
    sortable: ['name', 'slug', 'description', 'uuid', 'read_only'],
    defaultOrder: 'name',
    filters: {
      slug: (p, v) => p.slug === v,
      read_only: (p, v) => p.read_only === v,
      user_uuid: (p, v) => store.userPolicies.get(String(v))?.has(p.uuid) ?? false,
      group_uuid: (p, v) => store.groupPolicies.get(String(v))?.has(p.uuid) ?? false,
    },
  };
}

function policyHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;
  const find = (context: WazoContext) => visiblePolicies(deps, context).find((p) => p.uuid === context.path.policy_uuid || p.slug === context.path.policy_uuid);
  const notFound = (context: WazoContext) => fail(deps, context, failure(404, `No such policy: "${String(context.path.policy_uuid)}"`, 'unknown-policy'));
  const readOnly = (context: WazoContext) => fail(deps, context, failure(403, 'The policy is read-only', 'read-only-policy'));
  const duplicate = (tenant: string, name: string, slug: string | undefined, except?: string) =>
    [...store.policies.values()].some((p) => p.tenant_uuid === tenant && p.uuid !== except && (p.name === name || (slug !== undefined && p.slug === slug)));

  return {
    listPolicies: (context) =>
      listReply(deps, context, visiblePolicies(deps, context, listedTenants(deps, context)), policyListOptions(deps), (page) => ({ items: page.items, total: page.filtered })),
    getPolicy: (context) => {
      const policy = find(context);
      return policy ? json(200, policy) : notFound(context);
    },
    createPolicy: (context) => {
      const body = context.body as Auth.PolicyCreate;
      const tenant = callerOf(context).tenantUuid;
      const slug = body.slug ?? slugOf(body.name);
      if (duplicate(tenant, body.name, slug)) return fail(deps, context, failure(409, `Policy "${body.name}" already exists`, 'conflict'));
      const acl = body.acl ?? [];
      const refused = refuseUngranted(deps, context, acl);
      if (refused) return refused;
      const policy: Policy = { uuid: uuid(), tenant_uuid: tenant, name: body.name, slug, description: body.description ?? null, acl, read_only: false, shared: body.shared ?? false };
      store.policies.set(policy.uuid, policy);
      return json(200, policy);
    },
    updatePolicy: (context) => {
      const policy = find(context);
      if (!policy) return notFound(context);
      if (policy.read_only) return readOnly(context);
      const body = context.body as Auth.PolicyUpdate;
      if (duplicate(policy.tenant_uuid, body.name, undefined, policy.uuid)) return fail(deps, context, failure(409, `Policy "${body.name}" already exists`, 'conflict'));
      const acl = body.acl ?? [];
      const changed = [...acl.filter((a) => !policy.acl.includes(a)), ...policy.acl.filter((a) => !acl.includes(a))];
      const refused = refuseUngranted(deps, context, changed);
      if (refused) return refused;
      const updated: Policy = { ...policy, name: body.name, description: body.description ?? null, acl };
      store.policies.set(policy.uuid, updated);
      return json(200, updated);
    },
    deletePolicy: (context) => {
      const policy = find(context);
      if (!policy) return notFound(context);
      if (policy.read_only) return readOnly(context);
      store.policies.delete(policy.uuid);
      for (const set of [...store.userPolicies.values(), ...store.groupPolicies.values()]) set.delete(policy.uuid);
      return empty(204);
    },
  };
}
