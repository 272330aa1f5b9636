import { isJsonObject, valueAt, type Json, type Stored } from '../documents.js';
import type { ValidationData } from '../envelope.js';
import type { Device } from '../records.js';
import { accountIdOf, dataOf, param, reply, requestValue, type Deps, type KzContext, type Routes } from './common.js';
import { crudRoutes } from './crud.js';
import { listing } from './listing.js';

/** devices: documents, registration status, SIP NOTIFY (`PUT` with `action: notify`), reboot sync, a user's devices. */
export function deviceRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;

  /** SIP usernames are unique within the account (Crossbar: "SIP Credentials already in use"). */
  const check = (doc: Json, scope: { accountId: string; id?: string }): ValidationData => {
    const username = valueAt(doc, ['sip', 'username']);
    if (typeof username !== 'string') return {};
    const taken = store.devices.inAccount(scope.accountId).some((d) => d.id !== scope.id && d.sip?.username?.toLowerCase() === username.toLowerCase());
    return taken ? { 'sip.username': { unique: { message: 'SIP credentials already in use', cause: username } } } : {};
  };
  const summary = (device: Stored<Device>): Json => ({
    id: device.id,
    name: device.name,
    device_type: device.device_type,
    enabled: device.enabled,
    ...(device.owner_id ? { owner_id: device.owner_id } : {}),
    ...(device.sip?.username ? { username: device.sip.username } : {}),
    ...(typeof device.mac_address === 'string' ? { mac_address: device.mac_address } : {}),
  });
  const crud = crudRoutes(deps, {
    path: '/accounts/{account_id}/devices',
    idParam: 'device_id',
    table: (s) => s.devices,
    rules: { required: ['name'], defaults: { enabled: true }, check },
    summary,
    key: (device) => device.name.toLowerCase(),
  });
  const withDevice = (context: KzContext) => store.devices.get(accountIdOf(context), param(context, 'device_id'));

  return {
    ...crud,

    // Only registered devices are listed (`load_device_status` maps registrations to devices).
    'GET /accounts/{account_id}/devices/status': (context) => {
      const registered = new Set(store.registrations.filter((r) => r.account_id === accountIdOf(context)).map((r) => r.authorizing_id));
      const status = store.devices.inAccount(accountIdOf(context)).filter((device) => registered.has(device.id)).map((device) => ({ device_id: device.id, registered: true }));
      return reply(deps, context, 200, status);
    },

    // SIP NOTIFY: Crossbar has no `/notify` path; it is `PUT /devices/{id}` with `action: notify` and `data.event`.
    'PUT /accounts/{account_id}/devices/{device_id}': (context) => {
      const device = withDevice(context);
      if (!device) return envelopes.badIdentifier(context.request, param(context, 'device_id'));
      const action = requestValue(context, 'action');
      if (action === undefined) return envelopes.error(context.request, 400, 'action required', {});
      if (action !== 'notify') return envelopes.error(context.request, 400, 'invalid action', {});
      const data = dataOf(context);
      const inner = isJsonObject(data.data) ? data.data : isJsonObject(context.body) && isJsonObject(context.body.data) ? context.body.data : {};
      if (typeof inner.event !== 'string') return envelopes.invalidField(context.request, 'data.event', 'required', { message: 'Field is required but missing' });
      return reply(deps, context, 202, 'NOTIFY sent');
    },

    'POST /accounts/{account_id}/devices/{device_id}/sync': (context) => {
      const device = withDevice(context);
      return device ? reply(deps, context, 200, 'sync request sent', { revision: device._rev }) : envelopes.badIdentifier(context.request, param(context, 'device_id'));
    },

    'GET /accounts/{account_id}/users/{user_id}/devices': (context) => {
      const userId = param(context, 'user_id');
      if (!store.users.get(accountIdOf(context), userId)) return envelopes.badIdentifier(context.request, userId);
      return listing(deps, context, store.devices.inAccount(accountIdOf(context)).filter((d) => d.owner_id === userId), { view: summary, key: (d) => d.name.toLowerCase() });
    },
  };
}
