import type { Calld } from './generated.js';
import type { Call, Cdr, ConfdUser, Line } from './records.js';
import type { WazoStore } from './store.js';
import { asteriskTime, isoWithOffset } from './time.js';

/** A new channel id, `<epoch seconds>.<sequence>`: Asterisk's unique ids come from one counter. */
export function nextChannelId(store: WazoStore, nowMs: number): string {
  return `${Math.floor(nowMs / 1000)}.${store.channelSequence++}`;
}

export interface ChannelSpec {
  id: string;
  tenantUuid: string;
  user: ConfdUser | null;
  line: Line | null;
  /** Own caller id (for a trunk channel, the external party). */
  name: string;
  number: string;
  peerName: string;
  peerNumber: string | null;
  dialed: string | null;
  direction: Call['direction'];
  isCaller: boolean;
  status: 'Ring' | 'Ringing' | 'Up' | 'Down';
  createdAt: number;
  answeredAt: number | null;
  conversationId: string;
}

/** A channel as calld shows it; `talking_to` and `bridges` are linked once both legs exist. */
export function channel(spec: ChannelSpec): Call {
  return {
    call_id: spec.id,
    conversation_id: spec.conversationId,
    user_uuid: spec.user?.uuid ?? null,
    tenant_uuid: spec.tenantUuid,
    status: spec.status,
    direction: spec.direction,
    caller_id_name: spec.name,
    caller_id_number: spec.number,
    peer_caller_id_name: spec.peerName,
    peer_caller_id_number: spec.peerNumber,
    dialed_extension: spec.dialed,
    creation_time: asteriskTime(spec.createdAt),
    answer_time: spec.answeredAt === null ? null : isoWithOffset(spec.answeredAt),
    hangup_time: null,
    talking_to: {},
    bridges: [],
    on_hold: false,
    muted: false,
    record_state: 'inactive',
    is_caller: spec.isCaller,
    is_video: false,
    parked: false,
    sip_call_id: spec.line ? `${spec.id.replace('.', '')}@wazo.example.com` : null,
    line_id: spec.line?.id ?? null,
  };
}

/** Puts two legs in one bridge, talking to each other. */
export function bridge(a: Call, b: Call, bridgeId: string): void {
  a.talking_to = { [b.call_id]: b.user_uuid };
  b.talking_to = { [a.call_id]: a.user_uuid };
  a.bridges = [bridgeId];
  b.bridges = [bridgeId];
}

/** The other legs of a call (those it talks to). */
export function peersOf(store: WazoStore, call: Call): Call[] {
  return Object.keys(call.talking_to)
    .map((id) => store.calls.get(id))
    .filter((peer): peer is Call => peer !== undefined);
}

/** The user's confd record and first line, by extension, within a tenant. */
export function userByExtension(store: WazoStore, tenantUuid: string, exten: string): { user: ConfdUser; line: Line } | undefined {
  for (const line of store.lines.values()) {
    if (line.tenant_uuid !== tenantUuid || !line.extensions.some((extension) => extension.exten === exten)) continue;
    const user = store.confdUsers.get(line.users[0]?.uuid ?? '');
    if (user) return { user, line };
  }
  return undefined;
}

export function fullName(user: ConfdUser): string {
  return [user.firstname, user.lastname].filter(Boolean).join(' ');
}

/** The line's first extension (every seeded and created line has one). */
export function extenOf(line: Line): string {
  return line.extensions[0]?.exten ?? '';
}

/** The view of a channel: the API does not show the simulator's `tenant_uuid`. */
export function callView({ tenant_uuid: _tenant, ...call }: Call): Calld.Call {
  return call;
}

/** Removes one channel (a transfer's or relocate's leg going away) and unlinks it from the others. */
export function dropLeg(store: WazoStore, callId: string | null): void {
  if (callId === null || !store.calls.delete(callId)) return;
  for (const other of store.calls.values()) delete other.talking_to[callId];
}

/**
 * Hangs a call up as Asterisk does a two-party call: the channel and the legs it talks to go away, and
 * call-logd gets the conversation's CDR. Returns the ended legs, their `hangup_time` set.
 */
export function hangUp(store: WazoStore, call: Call, nowMs: number): Call[] {
  const legs = [call, ...peersOf(store, call)];
  for (const leg of legs) store.calls.delete(leg.call_id);
  for (const other of store.calls.values()) {
    for (const leg of legs) delete other.talking_to[leg.call_id];
  }
  store.cdrs.push(cdrOf(store, legs, nowMs));
  for (const leg of legs) leg.hangup_time = isoWithOffset(nowMs);
  return legs;
}

function cdrOf(store: WazoStore, legs: Call[], nowMs: number): Cdr {
  const caller = legs.find((leg) => leg.is_caller) ?? legs[0]!;
  const callee = legs.find((leg) => leg !== caller);
  const start = Date.parse(caller.creation_time?.replace(/([+-]\d{2})(\d{2})$/, '$1:$2') ?? '') || nowMs;
  const answer = caller.answer_time ? Date.parse(caller.answer_time) : null;
  const destinationUser = callee?.user_uuid ?? null;
  const destinationName = callee ? callee.caller_id_name : caller.peer_caller_id_name;
  const destinationExten = callee ? callee.caller_id_number : (caller.peer_caller_id_number ?? '');
  const id = (store.cdrs.at(-1)?.id ?? 0) + 1;
  return {
    id,
    tenant_uuid: caller.tenant_uuid,
    start: isoWithOffset(start),
    answer: answer === null ? null : isoWithOffset(answer),
    end: isoWithOffset(nowMs),
    answered: answer !== null,
    duration: answer === null ? 0 : Math.max(0, Math.round((nowMs - answer) / 1000)),
    call_direction: caller.direction === 'unknown' ? 'internal' : caller.direction,
    call_status: answer === null ? 'unknown' : 'answered',
    conversation_id: caller.conversation_id,
    destination_details: destinationUser ? { type: 'user', user_uuid: destinationUser, user_name: destinationName } : { type: 'unknown' },
    destination_extension: destinationExten,
    destination_internal_context: destinationUser ? 'default' : null,
    destination_internal_extension: destinationUser ? destinationExten : null,
    destination_line_id: callee?.line_id ?? null,
    destination_name: destinationName,
    destination_user_uuid: destinationUser,
    requested_name: destinationName,
    requested_context: destinationUser ? 'default' : 'to-extern',
    requested_extension: caller.dialed_extension ?? destinationExten,
    requested_internal_context: destinationUser ? 'default' : null,
    requested_internal_extension: destinationUser ? destinationExten : null,
    requested_user_uuid: destinationUser,
    source_extension: caller.caller_id_number,
    source_internal_context: caller.user_uuid ? 'default' : null,
    source_internal_extension: caller.user_uuid ? caller.caller_id_number : null,
    source_internal_name: caller.user_uuid ? caller.caller_id_name : null,
    source_line_id: caller.line_id,
    source_name: caller.caller_id_name,
    source_user_uuid: caller.user_uuid,
    tags: [],
    recordings: [],
    participants: legs.map((leg) => leg.user_uuid).filter((uuid): uuid is string => uuid !== null),
  };
}
