import type { Json, Stored } from '../documents.js';
import type { Device, User } from '../records.js';
import type { KazooStore } from '../store.js';
import { randomHex } from '../tokens.js';
import type { CallEventName } from './bindings.js';
import type { SimEvent } from './kazoo-events.js';

/** What a quickcall started: the call, who places it (a device and its owner, or a user) and the number. */
export interface QuickcallCall {
  accountId: string;
  callId: string;
  number: string;
  device: Stored<Device> | undefined;
  user: Stored<User> | undefined;
  /** Gregorian seconds. */
  timestamp: number;
}

/**
 * The life of a quickcall as the switch reports it: CHANNEL_CREATE, CHANNEL_ANSWER, CHANNEL_BRIDGE (to a new
 * leg towards the number) and CHANNEL_DESTROY, all at the simulator's clock (the call is over at once, so
 * every duration is 0). The stored channel row is the originate request and stays listed.
 */
export function quickcallEvents(store: KazooStore, call: QuickcallCall): SimEvent[] {
  const account = store.accounts.find(call.accountId);
  const realm = account?.realm ?? '';
  const resellerId = account ? [...account.pvt_tree].reverse().find((id) => store.accounts.find(id)?.pvt_reseller) : undefined;
  const ownerId = call.user?.id ?? call.device?.owner_id;
  const authorizing = call.device ? { authorizing_id: call.device.id, authorizing_type: 'device' } : call.user ? { authorizing_id: call.user.id, authorizing_type: 'user' } : {};
  const callerIdName = call.user ? `${call.user.first_name} ${call.user.last_name}` : (call.device?.name ?? 'QuickCall');
  const callerIdNumber = String(call.user?.presence_id ?? call.device?.sip.username ?? call.number);
  const otherLeg = randomHex(32);
  // The originate's own channel vars (see the quickcall reply); the account and endpoint ones are reserved.
  const channelVars = { retain_cid: 'true', inherit_codec: 'false' };

  const shared: Json = {
    call_id: call.callId,
    call_direction: 'outbound',
    caller_id_name: callerIdName,
    caller_id_number: callerIdNumber,
    callee_id_name: call.number,
    callee_id_number: call.number,
    from: `${callerIdNumber}@${realm}`,
    to: `${call.number}@${realm}`,
    request: `${call.number}@${realm}`,
    timestamp: call.timestamp,
  };
  const bridged = { other_leg_call_id: otherLeg };
  const sequence: [CallEventName, Json][] = [
    ['CHANNEL_CREATE', {}],
    ['CHANNEL_ANSWER', {}],
    ['CHANNEL_BRIDGE', { ...bridged, original_number: call.number, other_leg_destination_number: call.number }],
    ['CHANNEL_DESTROY', { ...bridged, hangup_cause: 'NORMAL_CLEARING', hangup_code: 'sip:200', duration_seconds: 0, ringing_seconds: 0, billing_seconds: 0 }],
  ];

  return sequence.map(([name, extra]) => ({
    publication: {
      accountId: call.accountId,
      binding: `call.${name}.${call.callId}`,
      name,
      // The AMQP call event, normalised: account and endpoint facts travel in the custom channel vars.
      data: { ...shared, ...extra, event_name: name, custom_channel_vars: { ...channelVars, account_id: call.accountId, ...authorizing, ...(ownerId ? { owner_id: ownerId } : {}) } },
    },
    webhook: {
      accountId: call.accountId,
      hook: name.toLowerCase(),
      // `webhooks_channel_util:base_hook_event/3`: the reserved CCVs are top-level fields, the rest stays in custom_channel_vars.
      payload: {
        ...shared,
        ...extra,
        hook_event: name.toLowerCase(),
        account_id: call.accountId,
        ...authorizing,
        ...(ownerId ? { owner_id: ownerId } : {}),
        ...(resellerId ? { reseller_id: resellerId } : {}),
        custom_channel_vars: channelVars,
        emergency_resource_used: false,
        local_resource_used: false,
        is_internal_leg: false,
        inception: 'onnet',
      },
    },
  }));
}
