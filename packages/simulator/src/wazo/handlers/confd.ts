import { empty, json } from '../../framework/reply.js';
import { extenOf } from '../calls.js';
import type { Confd } from '../generated.js';
import type { ListOptions } from '../list-query.js';
import type { ConfdUser, Line } from '../records.js';
import { fail, failure, identity, listReply, listedTenants, reachableTenants, withFilteredTotal, type Deps, type WazoContext, type WazoHandlers } from './common.js';

type ForwardName = keyof Confd.UserForwards;
type ServiceName = keyof Confd.UserServices;

/** wazo-confd: users (services, forwards, lines, voicemail), lines, voicemails, switchboards, conferences, applications. */
export function confdHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;
  const notFound = (context: WazoContext, resource: string, key: string, value: unknown) =>
    fail(deps, context, failure(404, `Resource Not Found - ${resource} was not found ('${key}': ${typeof value === 'string' ? `'${value}'` : String(value)})`, 'not-found'));
  const linesOf = (user: ConfdUser) => user.lineIds.map((id) => store.lines.get(id)).filter((line): line is Line => line !== undefined);

  /** A user of a reachable tenant by numeric id or UUID. */
  const userOf = (context: WazoContext, param = 'user_id'): ConfdUser | undefined => {
    const key = String(context.path[param]);
    const tenants = reachableTenants(deps, context);
    const user = /^\d+$/.test(key) ? [...store.confdUsers.values()].find((u) => u.id === Number(key)) : store.confdUsers.get(key);
    return user && tenants.has(user.tenant_uuid) ? user : undefined;
  };
  const withUser = (context: WazoContext, run: (user: ConfdUser) => ReturnType<typeof json>, param = 'user_id') => {
    const user = userOf(context, param);
    if (user) return run(user);
    const key = String(context.path[param]);
    return notFound(context, 'User', /^\d+$/.test(key) ? 'id' : 'uuid', /^\d+$/.test(key) ? Number(key) : key);
  };

  const userView = ({ lineIds, ...user }: ConfdUser): Confd.User => ({
    ...user,
    lines: lineIds.map((id) => store.lines.get(id)).filter((line): line is Line => line !== undefined),
  });
  const userViews: Record<string, (user: ConfdUser) => unknown> = {
    directory: (user): Confd.UserDirectoryEntry => {
      const line = linesOf(user)[0];
      return {
        id: user.id, uuid: user.uuid, line_id: line?.id ?? null, agent_id: user.agent ? String(user.agent.id) : null, firstname: user.firstname,
        lastname: user.lastname, email: user.email, exten: line ? extenOf(line) : null, mobile_phone_number: user.mobile_phone_number,
        voicemail_number: user.voicemail ? (store.voicemails.get(user.voicemail.id)?.number ?? null) : null, userfield: user.userfield,
        description: user.description, context: line?.context ?? null,
      };
    },
    summary: (user): Confd.UserSummary => {
      const line = linesOf(user)[0];
      return {
        id: user.id, uuid: user.uuid, firstname: user.firstname, lastname: user.lastname, email: user.email, extension: line ? extenOf(line) : null,
        context: line?.context ?? null, provisioning_code: line?.provisioning_code ?? null, protocol: line?.protocol ?? null, enabled: user.enabled,
        subscription_type: user.subscription_type, is_webrtc: line?.is_webrtc ?? false,
      };
    },
    line_presence: (user): Confd.UserLinePresence => ({
      uuid: user.uuid,
      tenant_uuid: user.tenant_uuid,
      lines: linesOf(user).map((line) => ({ id: line.id, name: line.name ?? '', protocol: line.protocol ?? 'sip' })),
      services: { dnd: user.services.dnd ?? { enabled: false } },
    }),
  };
  const userOptions: ListOptions<ConfdUser> = {
    searchable: (u) => [u.firstname, u.lastname, u.email, u.username, u.mobile_phone_number, u.userfield, u.description, ...linesOf(u).map(extenOf)],
    sortable: ['id', 'uuid', 'firstname', 'lastname', 'email', 'mobile_phone_number', 'username', 'description', 'userfield', 'subscription_type', 'enabled'],
    defaultOrder: 'firstname',
    filters: {
      uuid: (u, v) => (v as string[]).includes(u.uuid),
      firstname: (u, v) => u.firstname === v,
      lastname: (u, v) => u.lastname === v,
      email: (u, v) => u.email === v,
    },
  };
  /** Tenant-scoped list and get of a simple confd collection. */
  const collection = <T extends { tenant_uuid?: string }>(rows: () => T[], options: ListOptions<T>, key: (row: T) => unknown, param: string, resource: string) => ({
    list: ((context: WazoContext) => {
      const tenants = listedTenants(deps, context);
      return listReply(deps, context, rows().filter((row) => tenants.has(row.tenant_uuid ?? '')), options, withFilteredTotal(identity));
    }) satisfies WazoHandlers[string],
    get: ((context: WazoContext) => {
      const tenants = reachableTenants(deps, context);
      const row = rows().find((r) => key(r) === context.path[param] && tenants.has(r.tenant_uuid ?? ''));
      return row ? json(200, row) : notFound(context, resource, param.endsWith('uuid') ? 'uuid' : 'id', context.path[param]);
    }) satisfies WazoHandlers[string],
  });
  const byName = <T extends { name?: string | null }>(extra: string[] = []): ListOptions<T> => ({
    searchable: (row) => [row.name, ...extra.map((field) => (row as Record<string, unknown>)[field] as string)],
    sortable: ['name', 'id', 'uuid', ...extra],
    defaultOrder: 'name',
  });
  const applications = collection(() => [...store.applications.values()], byName(), (a) => a.uuid, 'application_uuid', 'Application');
  const conferences = collection(() => [...store.conferences.values()], byName(), (c) => c.id, 'conference_id', 'Conference');
  const lines = collection(() => [...store.lines.values()], byName(['caller_id_name', 'caller_id_num', 'context', 'protocol']), (l) => l.id, 'line_id', 'Line');
  const switchboards = collection(() => [...store.switchboards.values()], byName(), (s) => s.uuid, 'switchboard_uuid', 'Switchboard');
  const voicemails = collection(() => [...store.voicemails.values()], byName(['number', 'email', 'context']), (v) => v.id, 'voicemail_id', 'Voicemail');

  /** Tells the user of a changed service or forward (`users_services_dnd_updated`, `users_forwards_busy_updated`, ...). */
  const emitUserEvent = (user: ConfdUser, name: string, data: Record<string, unknown>) =>
    deps.emit(name, { user_id: user.id, user_uuid: user.uuid, tenant_uuid: user.tenant_uuid, ...data }, { tenantUuid: user.tenant_uuid, userUuid: user.uuid });
  /** dnd changes show in the user's chatd presence. */
  const setService = (user: ConfdUser, name: ServiceName, service: Confd.UserService) => {
    user.services = { ...user.services, [name]: { enabled: service.enabled } };
    const presence = store.presences.get(user.uuid);
    if (presence && name === 'dnd') presence.do_not_disturb = service.enabled;
    emitUserEvent(user, `users_services_${name}_updated`, { enabled: service.enabled });
  };
  const setForward = (user: ConfdUser, name: ForwardName, value: Confd.UserForward | undefined) => {
    const updated = forward(value, user.forwards[name]);
    user.forwards = { ...user.forwards, [name]: updated };
    emitUserEvent(user, `users_forwards_${name}_updated`, { enabled: updated.enabled, destination: updated.destination });
  };
  const forward = (value: Confd.UserForward | undefined, current: Confd.UserForward | undefined): Confd.UserForward => ({
    enabled: value?.enabled ?? current?.enabled ?? false,
    destination: value?.destination === undefined ? (current?.destination ?? null) : value.destination,
  });

  return {
    listUsers: (context) => {
      const tenants = listedTenants(deps, context);
      const view = userViews[String(context.query.view)] ?? userView;
      return listReply(deps, context, [...store.confdUsers.values()].filter((u) => tenants.has(u.tenant_uuid)), userOptions, withFilteredTotal(view));
    },
    getUser: (context) => withUser(context, (user) => json(200, userView(user))),
    getUserForwards: (context) => withUser(context, (user) => json(200, user.forwards)),
    updateUserForwards: (context) =>
      withUser(context, (user) => {
        const body = context.body as Confd.UserForwards;
        for (const name of ['busy', 'noanswer', 'unconditional'] as const) setForward(user, name, body[name]);
        return empty(204);
      }),
    getUserForward: (context) => withUser(context, (user) => json(200, forward(undefined, user.forwards[context.path.forward_name as ForwardName]))),
    updateUserForward: (context) =>
      withUser(context, (user) => {
        setForward(user, context.path.forward_name as ForwardName, context.body as Confd.UserForward);
        return empty(204);
      }),
    getUserServices: (context) => withUser(context, (user) => json(200, user.services)),
    updateUserServices: (context) =>
      withUser(context, (user) => {
        for (const [name, service] of Object.entries(context.body as Confd.UserServices)) if (service) setService(user, name as ServiceName, service);
        return empty(204);
      }),
    getUserService: (context) => withUser(context, (user) => json(200, user.services[context.path.service_name as ServiceName] ?? { enabled: false })),
    updateUserService: (context) =>
      withUser(context, (user) => {
        setService(user, context.path.service_name as ServiceName, context.body as Confd.UserService);
        return empty(204);
      }),
    listUserVoicemails: (context) =>
      withUser(context, (user) => {
        const box = user.voicemail ? store.voicemails.get(user.voicemail.id) : undefined;
        return json(200, { items: box ? [box] : [], total: box ? 1 : 0 });
      }),
    getUserLineSip: (context) =>
      withUser(
        context,
        (user) => {
          const lineKey = String(context.path.line_id);
          const line = lineKey === 'main' ? linesOf(user)[0] : linesOf(user).find((l) => l.id === Number(lineKey));
          if (!line) return notFound(context, 'UserLine', 'line_id', lineKey === 'main' ? lineKey : Number(lineKey));
          const endpointUuid = line.endpoint_sip?.uuid;
          const endpoint = endpointUuid ? store.endpoints.get(endpointUuid) : undefined;
          return endpoint ? json(200, endpoint) : notFound(context, 'EndpointSIP', 'line_id', line.id);
        },
        'user_uuid',
      ),
    listApplications: applications.list,
    getApplication: applications.get,
    listConferences: conferences.list,
    getConference: conferences.get,
    listLines: lines.list,
    getLine: lines.get,
    listSwitchboards: switchboards.list,
    getSwitchboard: switchboards.get,
    listVoicemails: voicemails.list,
    getVoicemail: voicemails.get,
  };
}
