import { empty, json, type SimReply } from '../../framework/reply.js';
import { bridge, channel } from '../calls.js';
import type { Conference, Participant, SwitchboardCall } from '../records.js';
import { userLeg } from './calld-calls.js';
import { callerOf, fail, failure, reachableTenants, type Deps, type WazoContext, type WazoHandlers } from './common.js';

/** wazo-calld's conference participants and switchboard queues. */
export function calldFeatureHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;

  const withConference = (context: WazoContext, run: (conference: Conference, participants: Participant[]) => SimReply) => {
    const id = Number(context.path.conference_id);
    const conference = store.conferences.get(id);
    if (!conference || !reachableTenants(deps, context).has(conference.tenant_uuid)) {
      return fail(deps, context, failure(404, `No such conference: id "${id}"`, 'no-such-conference', { conference_id: id }, 'conference'));
    }
    return run(conference, store.participants.get(id) ?? []);
  };
  const withParticipant = (context: WazoContext, run: (participant: Participant, participants: Participant[]) => void) =>
    withConference(context, (conference, participants) => {
      const participant = participants.find((p) => p.id === context.path.participant_id);
      if (!participant) {
        const message = `Conference id "${conference.id}" has no such participant: id "${String(context.path.participant_id)}"`;
        const details = { conference_id: conference.id, participant_id: context.path.participant_id };
        return fail(deps, context, failure(404, message, 'no-such-participant', details, 'conference-participant'));
      }
      run(participant, participants);
      return empty(204);
    });

  const withSwitchboard = (context: WazoContext, run: (queues: { queued: SwitchboardCall[]; held: SwitchboardCall[] }) => SimReply) => {
    const switchboard = store.switchboards.get(String(context.path.switchboard_uuid));
    const queues = store.switchboardCalls.get(String(context.path.switchboard_uuid));
    if (!switchboard || !queues || !reachableTenants(deps, context).has(switchboard.tenant_uuid)) {
      return fail(deps, context, failure(404, 'No such switchboard', 'no-such-switchboard', { switchboard_uuid: context.path.switchboard_uuid }));
    }
    return run(queues);
  };
  /** The trunk channel of a caller waiting in a switchboard queue. */
  const waitingLeg = (waiting: SwitchboardCall, tenantUuid: string) => {
    const at = deps.now();
    const leg = channel({
      id: waiting.id, tenantUuid, user: null, line: null, name: waiting.caller_id_name, number: waiting.caller_id_number, peerName: '', peerNumber: null,
      dialed: null, direction: 'inbound', isCaller: true, status: 'Up', createdAt: at, answeredAt: at, conversationId: waiting.id,
    });
    store.calls.set(leg.call_id, leg);
    return leg;
  };
  /** The operator picks a waiting caller up: the caller's trunk leg talks to a new leg on the operator's line. */
  const answer = (context: WazoContext, from: 'queued' | 'held') =>
    withSwitchboard(context, (queues) => {
      const waiting = queues[from].find((call) => call.id === context.path.call_id);
      if (!waiting) return fail(deps, context, failure(404, 'No such switchboard call', 'no-such-switchboard-call', { call_id: context.path.call_id }));
      const operator = store.confdUsers.get(callerOf(context).userUuid);
      const lineId = context.query.line_id as number | undefined;
      const line = operator && store.lines.get(lineId ?? operator.lineIds[0] ?? -1);
      if (!operator || !line || !operator.lineIds.includes(line.id)) {
        return fail(deps, context, failure(400, 'No such confd user for the given authentication user', 'no-such-confd-user'));
      }
      queues[from] = queues[from].filter((call) => call !== waiting);
      const caller = store.calls.get(waiting.id) ?? waitingLeg(waiting, operator.tenant_uuid);
      caller.status = 'Up';
      const leg = userLeg(deps, operator, line, caller, false, 'Up');
      bridge(caller, leg, crypto.randomUUID());
      return json(200, { call_id: leg.call_id });
    });

  return {
    listConferenceParticipants: (context) => withConference(context, (_, participants) => json(200, { items: participants, total: participants.length })),

    getConferenceParticipantsAsUser: (context) =>
      withConference(context, (conference, participants) => {
        if (!participants.some((p) => p.user_uuid === callerOf(context).userUuid)) {
          return fail(deps, context, failure(403, 'User is not a participant of the conference', 'user-not-participant', { conference_id: conference.id }));
        }
        return json(200, { items: participants, total: participants.length });
      }),

    kickConferenceParticipant: (context) =>
      withParticipant(context, (participant, participants) => participants.splice(participants.indexOf(participant), 1)),
    muteConferenceParticipant: (context) => withParticipant(context, (participant) => (participant.muted = true)),
    unmuteConferenceParticipant: (context) => withParticipant(context, (participant) => (participant.muted = false)),

    fetchSwitchboardQueuedCalls: (context) => withSwitchboard(context, (queues) => json(200, { items: queues.queued })),
    fetchSwitchboardHeldCalls: (context) => withSwitchboard(context, (queues) => json(200, { items: queues.held })),
    answerSwitchboardQueuedCall: (context) => answer(context, 'queued'),
    answerSwitchboardHeldCall: (context) => answer(context, 'held'),

    holdSwitchboardCall: (context) =>
      withSwitchboard(context, (queues) => {
        // The operator's leg goes away; the caller waits on hold in the switchboard.
        const call = store.calls.get(String(context.path.call_id));
        const caller = call && (call.user_uuid === null ? call : [...store.calls.values()].find((c) => c.call_id in call.talking_to && c.user_uuid === null));
        if (!call || !caller) return fail(deps, context, failure(404, 'No such switchboard call', 'no-such-switchboard-call', { call_id: context.path.call_id }));
        for (const id of [call.call_id, caller.call_id]) store.calls.delete(id);
        queues.held.push({ id: caller.call_id, caller_id_name: caller.caller_id_name, caller_id_number: caller.caller_id_number });
        return empty(204);
      }),
  };
}

