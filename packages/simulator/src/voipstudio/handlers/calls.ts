import { formatDateTime, unixSeconds } from '../datetime.js';
import { invalidField, notFound, vsError } from '../errors.js';
import type { Cdr, LiveCall, User } from '../records.js';
import { callerId, destinationOf } from '../seed/phone.js';
import { callEventFields, endedCallFields } from '../webhooks/call-events.js';
import { callerOf, idOf, itemReply, listHandler, type Deps, type VsContext, type VsHandlers } from './common.js';

const WEBCALLS_PER_MINUTE = 5;
const SETTABLE_STATES = new Set(['CONNECTED', 'ON_HOLD']);

/**
 * calls (live calls: make, answer, transfer, hang up), webcalls and leadcalls. A new call sends `call.ringing`,
 * answering it `call.connected`, hanging up `call.hangup` (after `call.missed` for an unanswered inbound call).
 */
export function callHandlers(deps: Deps): VsHandlers {
  const { store, now, webhooks } = deps;
  const view = (call: LiveCall): LiveCall => ({ ...call, duration: Math.max(0, unixSeconds(now()) - call.start_time) });
  const findCall = (context: VsContext) => store.liveCalls.get(idOf(context));
  const userName = (user: User) => `${user.first_name ?? ''} ${user.last_name ?? ''}`.trim();

  const startCall = (fields: Partial<LiveCall> & Pick<LiveCall, 'context' | 'destination' | 'dst'>) => {
    const call = store.liveCalls.insert((id) => ({
      id,
      state: 'RINGING',
      clid: null,
      start_time: unixSeconds(now()),
      connected_at: null,
      duration: 0,
      min_charge: null,
      parent_id: null,
      referred_by: null,
      src: null,
      src_id: '0',
      src_name: null,
      src_ua: null,
      src_codec: 'opus',
      dst_id: '0',
      dst_name: fields.dst ? destinationOf(fields.dst).name : null,
      dst_ua: null,
      dst_codec: 'PCMA',
      dst_rate: fields.dst ? destinationOf(fields.dst).rate : null,
      ...fields,
    }));
    webhooks.emit('call.ringing', callEventFields(call, 'RINGING', now()));
    return call;
  };

  /** A call that ends leaves the live list and becomes a CDR. */
  const endCall = (call: LiveCall) => {
    store.liveCalls.delete(call.id);
    const ended = unixSeconds(now());
    const userId = Number(call.destination === 'out' ? call.src_id : call.dst_id) || null;
    const cdr = store.cdrs.insert(
      (id): Cdr => ({
        id,
        call_id: call.id,
        live_id: call.id,
        is_root: true,
        root_live_id: call.id,
        parent_live_id: null,
        nb_children: 0,
        user_id: userId,
        sip_endpoint_id: userId === null ? null : 5000 + userId,
        server_id: 3,
        type: call.destination === 'out' ? 'O' : call.connected_at === null ? 'M' : 'I',
        calldate: formatDateTime(call.start_time * 1000),
        clid: call.clid ?? '',
        src_id: call.src_id ?? '0',
        src_name: call.src_name,
        src: call.src ?? '',
        src_ua: call.src_ua,
        src_codec: call.src_codec,
        dst_id: call.dst_id ?? '0',
        dst: call.dst ?? '',
        dst_name: call.dst_name,
        dst_ua: call.dst_ua,
        dst_codec: call.dst_codec,
        duration: Math.max(0, ended - call.start_time),
        billsec: call.connected_at === null ? 0 : Math.max(0, ended - call.connected_at),
        disposition: call.connected_at === null ? 'NO ANSWER' : 'CONNECTED',
        destination: call.destination ?? 'out',
        context: call.context ?? 'LOCAL_USER',
        rate: call.dst_rate ?? 0,
        charge: call.connected_at === null ? 0 : Math.round((call.dst_rate ?? 0) * Math.ceil((ended - call.connected_at) / 60) * 10_000) / 10_000,
        t_cause: call.connected_at === null ? 'No Answer' : 'Normal Clearing',
        info: null,
        labels: [],
        metadata: null,
        nb_notes: 0,
      }),
    );
    if (cdr.type === 'M') webhooks.emit('call.missed', endedCallFields(call, cdr, 'MISSED', now()));
    webhooks.emit('call.hangup', endedCallFields(call, cdr, 'HANGUP', now()));
  };

  return {
    listCalls: listHandler(deps, 'listCalls', { rows: () => store.liveCalls.all(), view }),

    makeCall: (context) => {
      const body = context.body as { to: string; from?: number; caller_id?: string };
      const user = store.users.get(body.from ?? callerOf(context).userId);
      if (!user) return invalidField('from');
      if (body.caller_id !== undefined && store.account.cliPrefix === null) return vsError(400, 'No CLI prefix set');
      if (user.nb_sip_locations === 0) return vsError(412, 'Unable to make a call with no VoIP clients registered');
      const to = body.to.replace(/^\+/, '');
      const presented = body.caller_id ?? user.cli;
      const call = startCall({
        clid: presented === 'anonymous' ? '"Anonymous" <anonymous>' : callerId(presented ?? user.ext, userName(user)),
        context: 'LOCAL_USER',
        destination: 'out',
        src: user.ext,
        src_id: String(user.id),
        src_name: userName(user),
        src_ua: 'VoIPstudio 3.4.0 / win32',
        dst: to,
      });
      return itemReply(view(call), 201);
    },

    getCall: (context) => {
      const call = findCall(context);
      return call ? itemReply(view(call)) : notFound();
    },

    updateCall: (context) => {
      const call = findCall(context);
      if (!call) return notFound();
      const { state, dst } = context.body as { state?: string; dst?: string };
      if (state !== undefined) {
        if (!SETTABLE_STATES.has(state)) return invalidField('state');
        if (state === 'ON_HOLD' && call.connected_at === null) return invalidField('state', 'Only a connected call can be put on hold.');
        const answering = call.connected_at === null;
        call.state = state;
        call.connected_at ??= unixSeconds(now());
        if (answering) webhooks.emit('call.connected', callEventFields(call, 'CONNECTED', now()));
      }
      if (dst !== undefined) {
        call.referred_by = call.dst;
        call.dst = dst.replace(/^\+/, '');
        const user = store.users.all().find((u) => u.ext === call.dst);
        call.dst_id = user ? String(user.id) : '0';
        call.dst_name = user ? userName(user) : destinationOf(call.dst).name;
      }
      return itemReply(view(call));
    },

    hangUpCall: (context) => {
      const call = findCall(context);
      if (!call) return notFound();
      endCall(call);
      return { status: 204 };
    },

    createWebcall: ({ body }) => {
      const { from, to } = body as { from: string; to: string };
      const number = from.replace(/^\+/, '');
      const recent = (store.webcallTimes.get(number) ?? []).filter((time) => now() - time < 60_000);
      if (recent.length >= WEBCALLS_PER_MINUTE) {
        return vsError(400, `Maximum per minute call rate exceeded for ${number}. Please contact support to remove this restriction.`);
      }
      store.webcallTimes.set(number, [...recent, now()]);
      const call = startCall({ clid: callerId(number), context: 'WEBCALL', destination: 'out', src: number, dst: to.replace(/^\+/, '') });
      return itemReply(view(call), 201);
    },

    createLeadcall: ({ body }) => {
      const { caller_id: presented, to } = body as { caller_id: string; to: string };
      const call = startCall({ clid: callerId(presented.replace(/^\+/, '')), context: 'LEADCALL', destination: 'out', src: presented, dst: to.replace(/^\+/, '') });
      return itemReply(view(call), 201);
    },
  };
}
