import type { SimReply } from '../../framework/reply.js';
import { publicView, type Json, type Stored } from '../documents.js';
import { quickcallEvents } from '../realtime/call-events.js';
import type { Channel, Device, User } from '../records.js';
import { randomHex } from '../tokens.js';
import { accountIdOf, callerOf, dataOf, nowSeconds, param, reply, requestValue, type Deps, type KzContext, type Routes } from './common.js';

type StoredChannel = Stored<Channel>;

const ACTIONS = ['transfer', 'hangup', 'break', 'callflow', 'intercept'] as const;

/** channels (live calls: list, inspect, act on, metaflow) and quickcall (which starts one). */
export function channelRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const accountChannels = (context: KzContext) => store.channels.inAccount(accountIdOf(context));
  const channelList = (context: KzContext, rows: StoredChannel[]) => reply(deps, context, 200, rows.map((channel) => listView(channel, nowSeconds(deps))));

  const withChannel = (then: (channel: StoredChannel, context: KzContext) => SimReply) => (context: KzContext) => {
    const uuid = param(context, 'uuid');
    const channel = store.channels.get(accountIdOf(context), uuid);
    return channel ? then(channel, context) : envelopes.badIdentifier(context.request, uuid);
  };

  const devicesOf = (context: KzContext, type: string, id: string): Stored<Device>[] | undefined => {
    const accountId = accountIdOf(context);
    if (type === 'devices') {
      const device = store.devices.get(accountId, id);
      return device ? [device] : undefined;
    }
    if (type === 'users') return store.users.get(accountId, id) ? store.devices.inAccount(accountId).filter((d) => d.owner_id === id) : undefined;
    return undefined;
  };

  /** Rings the endpoint's devices and, once answered, calls the number: the simulator starts the channel at once. */
  const quickcall = (typeParam: string | undefined, idParam: string, numberParam: string) => (context: KzContext): SimReply => {
    const type = typeParam === undefined ? undefined : param(context, typeParam);
    const endpointType = type ?? (idParam === 'device_id' ? 'devices' : 'users');
    const id = param(context, idParam);
    const devices = devicesOf(context, endpointType, id);
    if (!devices) return envelopes.badIdentifier(context.request, id);
    const number = param(context, numberParam);
    const query = new URL(context.request.url).searchParams;
    const callId = randomHex();
    const owner = endpointType === 'users' ? id : devices[0]?.owner_id;
    store.channels.insert(
      accountIdOf(context),
      callId,
      {
        uuid: callId,
        answered: false,
        direction: 'outbound',
        timestamp: nowSeconds(deps),
        destination: number,
        ...(devices[0] ? { authorizing_id: devices[0].id, authorizing_type: 'device', username: devices[0].sip.username } : {}),
        ...(owner ? { owner_id: owner } : {}),
        quickcall: true,
      },
      nowSeconds(deps),
    );
    const user = owner ? store.users.get(accountIdOf(context), owner) : undefined;
    const realm = store.accounts.find(accountIdOf(context))?.realm ?? '';
    deps.events.emit(quickcallEvents(store, { accountId: accountIdOf(context), callId, number, device: devices[0], user, timestamp: nowSeconds(deps) }));
    return reply(deps, context, 202, originateRequest(accountIdOf(context), realm, callId, number, devices, user, query));
  };

  return {
    'GET /accounts/{account_id}/channels': (context) => channelList(context, accountChannels(context)),
    'GET /channels': (context) => (callerOf(context).account.pvt_superduper_admin ? channelList(context, store.channels.all()) : envelopes.forbidden(context.request)),
    'GET /accounts/{account_id}/users/{user_id}/channels': (context) => {
      const userId = param(context, 'user_id');
      if (!store.users.get(accountIdOf(context), userId)) return envelopes.badIdentifier(context.request, userId);
      return channelList(context, accountChannels(context).filter((channel) => channel.owner_id === userId));
    },
    'GET /accounts/{account_id}/devices/{device_id}/channels': (context) => {
      const deviceId = param(context, 'device_id');
      if (!store.devices.get(accountIdOf(context), deviceId)) return envelopes.badIdentifier(context.request, deviceId);
      return channelList(context, accountChannels(context).filter((channel) => channel.authorizing_id === deviceId));
    },
    'GET /accounts/{account_id}/channels/{uuid}': withChannel((channel, context) => reply(deps, context, 200, detailView(channel, nowSeconds(deps)))),

    'POST /accounts/{account_id}/channels/{uuid}': withChannel((channel, context) => {
      const action = requestValue(context, 'action');
      if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) return envelopes.error(context.request, 400, 'invalid data', { action: { enum: { message: 'Value not found in enumerated list of values', target: ACTIONS } } });
      if (action === 'transfer' && typeof dataOf(context).target !== 'string') return envelopes.invalidField(context.request, 'target', 'required', { message: 'Field is required but missing' });
      if (action === 'hangup') {
        store.channels.delete(channel.id);
        if (typeof channel.other_leg === 'string') store.channels.delete(channel.other_leg);
      }
      return reply(deps, context, 202, `${String(action)} initiated`);
    }),
    'PUT /accounts/{account_id}/channels/{uuid}': withChannel((_channel, context) => {
      if (requestValue(context, 'action') !== 'metaflow') return envelopes.error(context.request, 400, 'invalid data', { action: { enum: { message: 'Value not found in enumerated list of values', target: ['metaflow'] } } });
      // The metaflow node sits next to `action` in `data` (or is the envelope's `data` when `action` is outside it).
      if (typeof dataOf(context).module !== 'string') return envelopes.invalidField(context.request, 'module', 'required', { message: 'Field is required but missing' });
      return reply(deps, context, 202, 'metaflow sent');
    }),

    'GET /accounts/{account_id}/devices/{device_id}/quickcall/{phone_number}': quickcall(undefined, 'device_id', 'phone_number'),
    'GET /accounts/{account_id}/users/{user_id}/quickcall/{phone_number}': quickcall(undefined, 'user_id', 'phone_number'),
    'GET /accounts/{account_id}/{endpoint_type}/{endpoint_id}/quickcall/{number}': quickcall('endpoint_type', 'endpoint_id', 'number'),
    'POST /accounts/{account_id}/{endpoint_type}/{endpoint_id}/quickcall/{number}': quickcall('endpoint_type', 'endpoint_id', 'number'),
  };
}

/** A listing row: ecallmgr's channel query names the call `uuid` and the bridged leg `other_leg`. */
function listView(channel: StoredChannel, now: number): Json {
  const { uuid, answered, direction, authorizing_id, authorizing_type, owner_id, destination, username, presence_id, other_leg, timestamp } = channel;
  return { uuid, answered, direction, timestamp, elapsed_s: Math.max(0, now - timestamp), ...defined({ authorizing_id, authorizing_type, owner_id, destination, username, presence_id, other_leg }) };
}

/** A single channel: `call_id`, `call_direction`, `other_leg_call_id` and the caller/callee ids. */
function detailView(channel: StoredChannel, now: number): Json {
  const { uuid, direction, other_leg, ...rest } = publicView(channel);
  return { ...rest, call_id: uuid, call_direction: direction, elapsed_seconds: Math.max(0, now - channel.timestamp), ...defined({ other_leg_call_id: other_leg }) };
}

const defined = (fields: Json): Json => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));

/** The originate request Crossbar hands to the switch (and echoes in the 202). */
function originateRequest(accountId: string, realm: string, callId: string, number: string, devices: Stored<Device>[], user: Stored<User> | undefined, query: URLSearchParams): Json {
  return {
    application_name: 'transfer',
    application_data: { route: number },
    continue_on_fail: false,
    dial_endpoint_method: 'simultaneous',
    ignore_early_media: query.get('ignore-early-media') !== 'false',
    media: query.get('media') ?? 'process',
    timeout: Number(query.get('timeout') ?? 30),
    outbound_caller_id_name: query.get('cid-name') ?? (user ? 'User QuickCall' : 'Device QuickCall'),
    outbound_caller_id_number: query.get('cid-number') ?? number,
    custom_channel_vars: { account_id: accountId, authorizing_type: user ? 'user' : 'device', authorizing_id: user?.id ?? devices[0]?.id, retain_cid: 'true', inherit_codec: 'false' },
    endpoints: devices.map((device) => ({
      outbound_call_id: `${callId}-quickcall`,
      endpoint_id: device.id,
      to_username: device.sip.username,
      to_user: device.sip.username,
      to_realm: realm,
      to_did: number,
      invite_format: device.sip.invite_format,
      custom_channel_vars: { account_id: accountId, authorizing_id: device.id, ...(device.owner_id ? { owner_id: device.owner_id } : {}), auto_answer: query.get('auto_answer') === 'true' },
    })),
  };
}
