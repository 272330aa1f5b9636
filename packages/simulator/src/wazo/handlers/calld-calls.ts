import { empty, json, type SimReply } from '../../framework/reply.js';
import { bridge, callView, channel, extenOf, fullName, hangUp, nextChannelId, peersOf, userByExtension } from '../calls.js';
import type { Calld } from '../generated.js';
import type { Call, ConfdUser, Line } from '../records.js';
import { isoWithOffset } from '../time.js';
import { emitCallEvent, emitHoldEvent } from './call-events.js';
import { callerOf, fail, failure, listedTenants, reachableTenants, type Deps, type WazoContext, type WazoHandlers } from './common.js';

const callNotFound = () => failure(404, 'No such call', 'no-such-call');
const notMine = () => failure(403, 'User does not have permission to handle objects of other users', 'user-permission-denied');

/** wazo-calld's calls: the token user's own (`/users/me/calls`) and every call of the tenant (`/calls`). */
export function calldCallHandlers(deps: Deps): WazoHandlers {
  const { store, now } = deps;

  /** The token user's channel `call_id`: 404 when it does not exist, 403 when it is someone else's. */
  const myCall = (context: WazoContext, run: (call: Call) => SimReply): SimReply => {
    const call = store.calls.get(String(context.path.call_id));
    if (!call) return fail(deps, context, callNotFound());
    if (call.user_uuid !== callerOf(context).userUuid) return fail(deps, context, notMine());
    return run(call);
  };
  /** A call of the tenant the request acts on (or below it). */
  const anyCall = (context: WazoContext) => {
    const call = store.calls.get(String(context.path.call_id));
    return call && reachableTenants(deps, context).has(call.tenant_uuid) ? call : undefined;
  };
  const set = (change: (call: Call) => void) => (context: WazoContext) =>
    myCall(context, (call) => {
      change(call);
      return empty(204);
    });
  const recording = (from: Call['record_state'][], to: Call['record_state']) => (context: WazoContext) =>
    myCall(context, (call) => {
      if (!store.confdUsers.get(call.user_uuid ?? '')?.online_call_record_enabled) return fail(deps, context, failure(403, 'Recording unauthorized', 'recording-unauthorized'));
      if (!from.includes(call.record_state)) return fail(deps, context, failure(400, 'Recording not started', 'recording-not-started'));
      call.record_state = to;
      return empty(204);
    });
  const filtered = (context: WazoContext, calls: Call[]) =>
    // The simulated calls belong to no Stasis application, so an application filter leaves none.
    context.query.application === undefined && context.query.application_instance === undefined ? calls : [];

  return {
    listCalls: (context) => {
      const mine = [...store.calls.values()].filter((call) => call.user_uuid === callerOf(context).userUuid);
      return json(200, { items: filtered(context, mine).map(callView) });
    },

    makeCall: (context) => {
      const user = store.confdUsers.get(callerOf(context).userUuid);
      const body = context.body as Calld.UserCallRequest;
      const invalid = (message: string, field: string) => fail(deps, context, failure(400, message, 'invalid-data', { [field]: { constraint_id: 'invalid', message } }));
      if (!user) return invalid('The user has no line', 'line_id');
      const lines = user.lineIds.map((id) => store.lines.get(id)).filter((line): line is Line => line !== undefined);
      const line = body.line_id === undefined ? lines[0] : lines.find((l) => l.id === body.line_id);
      if (!line) return invalid(`The user has no line ${body.line_id ?? ''}`.trim(), 'line_id');
      if (body.from_mobile && !user.mobile_phone_number) return invalid('The user has no mobile phone number', 'from_mobile');
      const extension = body.extension.replace(/\s/g, '');
      if (!/^\+?[0-9*#]+$/.test(extension)) return invalid('Invalid extension', 'extension');
      const call = originate(deps, user, line, extension);
      emitCallEvent(deps, 'call_created', [call, ...peersOf(store, call)]);
      return json(201, callView(call));
    },

    cancelCall: (context) =>
      myCall(context, (call) => {
        emitCallEvent(deps, 'call_ended', hangUp(store, call, now()));
        return empty(204);
      }),

    answerMyCall: (context) =>
      myCall(context, (call) => {
        const at = now();
        const answered = [call, ...peersOf(store, call)].filter((leg) => leg.status !== 'Up');
        for (const leg of answered) {
          leg.status = 'Up';
          leg.answer_time ??= isoWithOffset(at);
        }
        emitCallEvent(deps, 'call_updated', answered);
        emitCallEvent(deps, 'call_answered', answered);
        return empty(204);
      }),

    sendDtmf: (context) => myCall(context, () => empty(204)),
    holdCall: set((call) => {
      call.on_hold = true;
      emitHoldEvent(deps, 'call_held', call);
    }),
    resumeCall: set((call) => {
      call.on_hold = false;
      emitHoldEvent(deps, 'call_resumed', call);
    }),
    muteCall: set((call) => (call.muted = true)),
    unmuteCall: set((call) => (call.muted = false)),
    startRecording: recording(['inactive', 'active', 'paused'], 'active'),
    stopRecording: recording(['inactive', 'active', 'paused'], 'inactive'),
    pauseRecording: recording(['active', 'paused'], 'paused'),
    resumeRecording: recording(['paused', 'active'], 'active'),

    listAllCalls: (context) => {
      const tenants = listedTenants(deps, context);
      return json(200, { items: filtered(context, [...store.calls.values()].filter((call) => tenants.has(call.tenant_uuid))).map(callView) });
    },

    getCall: (context) => {
      const call = anyCall(context);
      return call ? json(200, callView(call)) : fail(deps, context, callNotFound());
    },

    hangUpAnyCall: (context) => {
      const call = anyCall(context);
      if (!call) return fail(deps, context, callNotFound());
      emitCallEvent(deps, 'call_ended', hangUp(store, call, now()));
      return empty(204);
    },

    connectCallToUser: (context) => {
      const call = anyCall(context);
      if (!call) return fail(deps, context, callNotFound());
      const user = store.confdUsers.get(String(context.path.user_uuid));
      const line = user && store.lines.get(user.lineIds[0] ?? -1);
      if (!user || !line || !reachableTenants(deps, context).has(user.tenant_uuid)) {
        return fail(deps, context, failure(400, 'No such user or the user has no line', 'invalid-user', { user_uuid: context.path.user_uuid }));
      }
      for (const peer of peersOf(store, call)) emitCallEvent(deps, 'call_ended', hangUp(store, peer, now()));
      const leg = userLeg(deps, user, line, call, false, 'Ringing');
      bridge(call, leg, crypto.randomUUID());
      emitCallEvent(deps, 'call_created', [leg]);
      return json(200, callView(leg));
    },

    listLineStatuses: (context) => {
      const tenants = reachableTenants(deps, context);
      const items = [...store.lines.values()]
        .filter((line) => tenants.has(line.tenant_uuid))
        .map((line): Calld.EndpointStatus => ({
          id: line.id,
          name: line.name ?? '',
          technology: 'PJSIP',
          registered: !line.is_webrtc,
          current_call_count: [...store.calls.values()].filter((call) => call.line_id === line.id).length,
        }));
      return json(200, { items, total: items.length, filtered: items.length });
    },

    listTrunkStatuses: (context) => {
      const tenant = callerOf(context).tenantUuid;
      const trunkCalls = [...store.calls.values()].filter((call) => call.user_uuid === null && call.tenant_uuid === tenant).length;
      const items: Calld.EndpointStatus[] = [{ id: 1, name: 'provider', technology: 'PJSIP', registered: true, current_call_count: trunkCalls }];
      return json(200, { items, total: 1, filtered: 1 });
    },
  };
}

/**
 * Originates a call from a user's line: the user's leg answers at once (auto-answer, as a softphone does)
 * and the destination rings, a colleague's line for an internal extension, the trunk otherwise.
 */
export function originate(deps: Deps, user: ConfdUser, line: Line, extension: string): Call {
  const { store, now } = deps;
  const at = now();
  const callee = userByExtension(store, user.tenant_uuid, extension);
  const id = nextChannelId(store, at);
  const caller = channel({
    id,
    tenantUuid: user.tenant_uuid,
    user,
    line,
    name: fullName(user),
    number: extenOf(line),
    peerName: callee ? fullName(callee.user) : extension,
    peerNumber: extension,
    dialed: extension,
    direction: callee ? 'internal' : 'outbound',
    isCaller: true,
    status: 'Up',
    createdAt: at,
    answeredAt: at,
    conversationId: id,
  });
  store.calls.set(caller.call_id, caller);
  const other = callee
    ? userLeg(deps, callee.user, callee.line, caller, false, 'Ringing')
    : trunkLeg(deps, user.tenant_uuid, extension, caller, 'outbound');
  bridge(caller, other, crypto.randomUUID());
  return caller;
}

/** A new channel of a user, ringing or talking with `peer` (not yet bridged). */
export function userLeg(deps: Deps, user: ConfdUser, line: Line, peer: Call, isCaller: boolean, status: 'Ringing' | 'Up'): Call {
  const at = deps.now();
  const leg = channel({
    id: nextChannelId(deps.store, at),
    tenantUuid: user.tenant_uuid,
    user,
    line,
    name: fullName(user),
    number: extenOf(line),
    peerName: peer.caller_id_name,
    peerNumber: peer.caller_id_number,
    dialed: extenOf(line),
    direction: peer.user_uuid === null ? 'inbound' : 'internal',
    isCaller,
    status,
    createdAt: at,
    answeredAt: status === 'Up' ? at : null,
    conversationId: peer.conversation_id ?? peer.call_id,
  });
  deps.store.calls.set(leg.call_id, leg);
  return leg;
}

/** A channel on the trunk towards (or from) an outside number. */
export function trunkLeg(deps: Deps, tenantUuid: string, number: string, peer: Call, direction: 'inbound' | 'outbound'): Call {
  const at = deps.now();
  const leg = channel({
    id: nextChannelId(deps.store, at),
    tenantUuid,
    user: null,
    line: null,
    name: number,
    number,
    peerName: peer.caller_id_name,
    peerNumber: peer.caller_id_number,
    dialed: direction === 'outbound' ? number : null,
    direction,
    isCaller: direction === 'inbound',
    status: 'Ringing',
    createdAt: at,
    answeredAt: null,
    conversationId: peer.conversation_id ?? peer.call_id,
  });
  deps.store.calls.set(leg.call_id, leg);
  return leg;
}
