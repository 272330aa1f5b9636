import { empty, json, type SimReply } from '../../framework/reply.js';
import { bridge, dropLeg, peersOf, userByExtension } from '../calls.js';
import type { Calld } from '../generated.js';
import type { Call, Line, Relocate, Transfer } from '../records.js';
import { trunkLeg, userLeg } from './calld-calls.js';
import { callerOf, fail, failure, type Deps, type WazoContext, type WazoHandlers } from './common.js';

const notMine = () => failure(403, 'User does not have permission to handle objects of other users', 'user-permission-denied');

/** wazo-calld's transfers and relocates of the token user's calls. */
export function calldTransferHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;

  /** The user's channel `id` and the one it talks to; the reply when either is missing. */
  const bridged = (context: WazoContext, id: string): { call: Call; peer: Call } | SimReply => {
    const call = store.calls.get(id);
    if (!call) return fail(deps, context, failure(400, 'Sent data is invalid', 'invalid-data', { initiator_call: { constraint_id: 'exists', message: 'No such call' } }));
    if (call.user_uuid !== callerOf(context).userUuid) return fail(deps, context, notMine());
    const peer = peersOf(store, call)[0];
    if (!peer) return fail(deps, context, failure(400, 'The call talks to nobody', 'invalid-data', { initiator_call: { constraint_id: 'bridged', message: 'not bridged' } }));
    return { call, peer };
  };
  const isReply = (value: unknown): value is SimReply => typeof value === 'object' && value !== null && 'status' in value && !('call' in value);
  /** A new leg towards `exten`: a colleague's line, or the trunk. */
  const legTo = (call: Call, exten: string) => {
    const callee = userByExtension(store, call.tenant_uuid, exten);
    return callee ? userLeg(deps, callee.user, callee.line, call, false, 'Ringing') : trunkLeg(deps, call.tenant_uuid, exten, call, 'outbound');
  };

  const ownTransfer = (context: WazoContext, run: (transfer: Transfer) => SimReply): SimReply => {
    const transfer = store.transfers.get(String(context.path.transfer_id));
    if (!transfer) return fail(deps, context, failure(404, 'No such transfer', 'no-such-transfer'));
    if (transfer.initiator_uuid !== callerOf(context).userUuid) return fail(deps, context, notMine());
    if (transfer.flow === 'blind') return fail(deps, context, failure(400, 'Transfer completion error', 'transfer-completion-error', { message: 'transfer not ready' }));
    store.transfers.delete(transfer.id);
    return run(transfer);
  };
  const ownRelocate = (context: WazoContext) => {
    const relocate = store.relocates.get(String(context.path.relocate_uuid));
    return relocate && relocate.initiator === callerOf(context).userUuid ? relocate : undefined;
  };
  const relocateNotFound = (context: WazoContext) => fail(deps, context, failure(404, 'No such relocate', 'no-such-relocate'));

  return {
    listTransfers: (context) => json(200, { items: [...store.transfers.values()].filter((t) => t.initiator_uuid === callerOf(context).userUuid) }),

    createTransfer: (context) => {
      const body = context.body as Calld.UserTransferRequest;
      const found = bridged(context, body.initiator_call);
      if (isReply(found)) return found;
      const busy = [...store.transfers.values()].some((t) => [t.initiator_call, t.transferred_call].includes(found.call.call_id));
      if (busy) return fail(deps, context, failure(409, 'A transfer is already in progress', 'transfer-already-started'));
      const flow = body.flow ?? 'attended';
      const recipient = legTo(found.call, body.exten);
      const transfer: Transfer = {
        id: crypto.randomUUID(),
        initiator_uuid: callerOf(context).userUuid,
        initiator_tenant_uuid: found.call.tenant_uuid,
        transferred_call: found.peer.call_id,
        initiator_call: found.call.call_id,
        recipient_call: recipient.call_id,
        status: flow === 'blind' ? 'blind_transferred' : 'ringback',
        flow,
      };
      if (flow === 'blind') {
        // The initiator leaves at once; the transferred party now rings the recipient.
        dropLeg(store, found.call.call_id);
        bridge(found.peer, recipient, crypto.randomUUID());
      } else {
        found.peer.on_hold = true;
        bridge(found.call, recipient, crypto.randomUUID());
        found.call.talking_to[found.peer.call_id] = found.peer.user_uuid;
      }
      store.transfers.set(transfer.id, transfer);
      return json(201, transfer);
    },

    completeTransfer: (context) =>
      ownTransfer(context, (transfer) => {
        const transferred = store.calls.get(transfer.transferred_call);
        const recipient = transfer.recipient_call === null ? undefined : store.calls.get(transfer.recipient_call);
        dropLeg(store, transfer.initiator_call);
        if (transferred && recipient) {
          transferred.on_hold = false;
          bridge(transferred, recipient, crypto.randomUUID());
        }
        return empty(204);
      }),

    cancelTransfer: (context) =>
      ownTransfer(context, (transfer) => {
        dropLeg(store, transfer.recipient_call);
        const initiator = store.calls.get(transfer.initiator_call);
        const transferred = store.calls.get(transfer.transferred_call);
        if (initiator && transferred) {
          transferred.on_hold = false;
          bridge(initiator, transferred, crypto.randomUUID());
        }
        return empty(204);
      }),

    listRelocates: (context) => json(200, { items: [...store.relocates.values()].filter((r) => r.initiator === callerOf(context).userUuid) }),

    relocateCall: (context) => {
      const body = context.body as Calld.UserRelocateRequest;
      const found = bridged(context, body.initiator_call);
      if (isReply(found)) return found;
      if ([...store.relocates.values()].some((r) => r.initiator_call === found.call.call_id)) {
        return fail(deps, context, failure(409, 'A relocate is already in progress', 'relocate-already-started'));
      }
      const user = store.confdUsers.get(callerOf(context).userUuid)!;
      const invalid = (message: string) => fail(deps, context, failure(400, message, 'invalid-data', { destination: { constraint_id: 'invalid', message } }));
      let recipient: Call;
      if (body.destination === 'mobile') {
        if (!user.mobile_phone_number) return invalid('The user has no mobile phone number');
        recipient = trunkLeg(deps, user.tenant_uuid, user.mobile_phone_number, found.peer, 'outbound');
      } else {
        const lineId = body.location?.line_id;
        const line = user.lineIds.includes(lineId ?? -1) ? store.lines.get(lineId!) : undefined;
        if (!line) return invalid('The location must be one of the user\'s lines');
        recipient = userLeg(deps, user, line satisfies Line, found.peer, false, 'Ringing');
      }
      const relocate: Relocate = {
        uuid: crypto.randomUUID(),
        initiator: user.uuid,
        initiator_call: found.call.call_id,
        relocated_call: found.peer.call_id,
        recipient_call: recipient.call_id,
        completions: body.completions ?? ['answer'],
        timeout: body.timeout ?? 30,
        auto_answer: body.auto_answer ?? false,
      };
      store.relocates.set(relocate.uuid, relocate);
      return json(201, relocate);
    },

    getRelocate: (context) => {
      const relocate = ownRelocate(context);
      return relocate ? json(200, relocate) : relocateNotFound(context);
    },

    completeRelocate: (context) => {
      const relocate = ownRelocate(context);
      if (!relocate) return relocateNotFound(context);
      if (!relocate.completions.includes('api')) {
        return fail(deps, context, failure(400, 'Relocate completion error', 'relocate-completion-error', { message: 'relocate not ready' }));
      }
      store.relocates.delete(relocate.uuid);
      dropLeg(store, relocate.initiator_call);
      const relocated = store.calls.get(relocate.relocated_call);
      const recipient = relocate.recipient_call === null ? undefined : store.calls.get(relocate.recipient_call);
      if (relocated && recipient) {
        recipient.status = 'Up';
        bridge(relocated, recipient, crypto.randomUUID());
      }
      return empty(204);
    },

    cancelRelocate: (context) => {
      const relocate = ownRelocate(context);
      if (!relocate) return relocateNotFound(context);
      store.relocates.delete(relocate.uuid);
      dropLeg(store, relocate.recipient_call);
      return empty(204);
    },
  };
}
