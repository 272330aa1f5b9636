import type { SimReply } from '../../framework/reply.js';
import { isJsonObject, publicView, type Json, type Stored } from '../documents.js';
import type { Conference, Participant } from '../records.js';
import { randomHex } from '../tokens.js';
import { accountIdOf, dataOf, nowSeconds, param, reply, requestValue, type Deps, type KzContext, type Routes } from './common.js';
import { crudRoutes } from './crud.js';

type StoredConference = Stored<Conference>;

const CONFERENCE_ACTIONS = ['lock', 'unlock', 'dial', 'play', 'record'] as const;
const PARTICIPANT_ACTIONS = ['mute', 'unmute', 'deaf', 'undeaf', 'kick'] as const;

/** conferences: documents with their live state, conference actions, participants and participant actions. */
export function conferenceRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const participantsOf = (conference: StoredConference) => store.participants.get(conference.id) ?? [];

  /** What is happening in the room now: counts, and the participants when one conference is fetched. */
  const live = (conference: StoredConference, withParticipants: boolean): Json => {
    const people = participantsOf(conference);
    const now = nowSeconds(deps);
    return {
      members: people.filter((p) => !p.is_moderator).length,
      moderators: people.filter((p) => p.is_moderator).length,
      duration: Math.max(0, ...people.map((p) => now - p.join_time)),
      is_locked: conference.pvt_locked === true,
      ...(withParticipants ? { participants: people.map((p) => participantView(p, now)) } : {}),
    };
  };
  const view = (conference: StoredConference): Json => ({ ...publicView(conference), _read_only: live(conference, true) });

  const crud = crudRoutes(deps, {
    path: '/accounts/{account_id}/conferences',
    idParam: 'conference_id',
    table: (s) => s.conferences,
    rules: { defaults: { member: { numbers: [], pins: [] }, moderator: { numbers: [], pins: [] }, conference_numbers: [] } },
    summary: (conference) => ({
      id: conference.id,
      name: conference.name,
      conference_numbers: conference.conference_numbers ?? [],
      member: conference.member,
      moderator: conference.moderator,
      ...(typeof conference.owner_id === 'string' ? { owner_id: conference.owner_id } : {}),
      _read_only: live(conference, false),
    }),
    view,
    afterDelete: (conference) => store.participants.delete(conference.id),
  });

  const withConference = (then: (conference: StoredConference, context: KzContext) => SimReply) => (context: KzContext) => {
    const id = param(context, 'conference_id');
    const conference = store.conferences.get(accountIdOf(context), id);
    return conference ? then(conference, context) : envelopes.badIdentifier(context.request, id);
  };

  const invalidAction = (context: KzContext, allowed: readonly string[], action: unknown) =>
    envelopes.invalidField(context.request, 'action', 'enum', { message: 'Value not found in enumerated list of values', target: allowed, value: action });

  const applyToParticipant = (participant: Participant, action: (typeof PARTICIPANT_ACTIONS)[number]) => {
    if (action === 'mute' || action === 'unmute') participant.speak = action === 'unmute';
    if (action === 'deaf' || action === 'undeaf') participant.hear = action === 'undeaf';
  };
  const act = (conference: StoredConference, targets: Participant[], action: (typeof PARTICIPANT_ACTIONS)[number]) => {
    if (action === 'kick') store.participants.set(conference.id, participantsOf(conference).filter((p) => !targets.includes(p)));
    else for (const participant of targets) applyToParticipant(participant, action);
  };

  return {
    ...crud,
    'PUT /accounts/{account_id}/conferences/{conference_id}': withConference((conference, context) => {
      const action = requestValue(context, 'action');
      if (!CONFERENCE_ACTIONS.includes(action as (typeof CONFERENCE_ACTIONS)[number])) return invalidAction(context, CONFERENCE_ACTIONS, action);
      const inner = isJsonObject(dataOf(context).data) ? (dataOf(context).data as Json) : dataOf(context);
      switch (action) {
        case 'lock':
        case 'unlock':
          conference.pvt_locked = action === 'lock';
          return reply(deps, context, 202, 'ok');
        case 'play':
          if (typeof inner.media_id !== 'string') return envelopes.invalidField(context.request, 'data.media_id', 'required', { message: "action 'play' requires a media ID or URL" });
          return reply(deps, context, 202, 'ok');
        case 'record':
          if (inner.action !== 'start' && inner.action !== 'stop') return envelopes.invalidField(context.request, 'data.action', 'enum', { message: 'recording requires an action', target: ['start', 'stop'] });
          return reply(deps, context, 202, inner.action === 'start' ? 'starting recording' : 'stopping recording');
        default: {
          const endpoints = Array.isArray(inner.endpoints) ? inner.endpoints : [];
          if (endpoints.length === 0) return envelopes.invalidField(context.request, 'data.endpoints', 'required', { message: "action 'dial' requires a data object" });
          return reply(deps, context, 202, {
            status: 'success',
            endpoint_responses: endpoints.map((endpoint) => ({ endpoint_id: String(endpoint), call_id: randomHex(), job_id: randomHex(), status: 'success', message: 'dialing' })),
          });
        }
      }
    }),

    'GET /accounts/{account_id}/conferences/{conference_id}/participants': withConference((conference, context) =>
      reply(deps, context, 200, participantsOf(conference).map((p) => participantView(p, nowSeconds(deps)))),
    ),
    'PUT /accounts/{account_id}/conferences/{conference_id}/participants': withConference((conference, context) => {
      const action = requestValue(context, 'action');
      if (!PARTICIPANT_ACTIONS.includes(action as (typeof PARTICIPANT_ACTIONS)[number])) return invalidAction(context, PARTICIPANT_ACTIONS, action);
      act(conference, participantsOf(conference).filter((p) => !p.is_moderator), action as (typeof PARTICIPANT_ACTIONS)[number]);
      return reply(deps, context, 202, 'ok');
    }),
    'GET /accounts/{account_id}/conferences/{conference_id}/participants/{participant_id}': withConference((conference, context) => {
      const participant = participantsOf(conference).find((p) => String(p.participant_id) === param(context, 'participant_id'));
      return participant ? reply(deps, context, 200, participantView(participant, nowSeconds(deps))) : envelopes.badIdentifier(context.request, param(context, 'participant_id'));
    }),
    'PUT /accounts/{account_id}/conferences/{conference_id}/participants/{participant_id}': withConference((conference, context) => {
      const participant = participantsOf(conference).find((p) => String(p.participant_id) === param(context, 'participant_id'));
      if (!participant) return envelopes.badIdentifier(context.request, param(context, 'participant_id'));
      const action = requestValue(context, 'action');
      if (!PARTICIPANT_ACTIONS.includes(action as (typeof PARTICIPANT_ACTIONS)[number])) return invalidAction(context, PARTICIPANT_ACTIONS, action);
      act(conference, [participant], action as (typeof PARTICIPANT_ACTIONS)[number]);
      return reply(deps, context, 202, 'ok');
    }),
  };
}

/** A participant as the media server reports it: flags at the top and under `conference_channel_vars`. */
function participantView(participant: Participant, now: number): Json {
  const { speak, hear, talking, is_moderator, participant_id } = participant;
  return { ...participant, duration: Math.max(0, now - participant.join_time), conference_channel_vars: { speak, hear, talking, is_moderator, member_id: participant_id } };
}
