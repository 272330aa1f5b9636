import type { Random } from '../../framework/random.js';
import type { Stored } from '../documents.js';
import type { Cdr, Device, InspectedCall, Recording, User } from '../records.js';
import { modbId, msFromGregorian } from '../time.js';
import type { AccountDirectory } from './directory.js';
import { seededDoc } from './doc.js';
import { FIXTURES } from './fixtures.js';
import { HANGUP_CAUSES } from './names.js';
import { externalNumber } from './phone.js';

const DAY = 86_400;
const MEDIA_SERVER = 'fs1.sim.pbxkit.test';
const CARRIER_IP = '203.0.113.20';

export interface CallHistory {
  cdrs: Stored<Cdr>[];
  recordings: Stored<Recording>[];
  inspectedCalls: InspectedCall[];
}

interface Party {
  name: string;
  number: string;
  user?: Stored<User>;
  device?: Stored<Device>;
}

interface Interaction {
  /** Gregorian seconds when the first leg started. */
  start: number;
  id: string;
  key: string;
  kind: 'inbound' | 'outbound' | 'internal';
  caller: Party;
  callee: Party;
  answered: boolean;
  /** Seconds from answer to hangup. */
  talk: number;
  ringing: number;
  cause: (typeof HANGUP_CAUSES)[number];
}

/**
 * `legs` call detail records for the account, spread over `days` days before `now` (mostly office hours),
 * two or three legs per call, with recordings of some answered calls and the SIP dialogue of the newest.
 */
export function seedCalls(random: Random, now: number, directory: AccountDirectory, legs: number, days: number, resellerId: string): CallHistory {
  const interactions: Interaction[] = [];
  let count = 0;
  if (directory.accountId === FIXTURES.demo.accountId) {
    interactions.push(fixtureInteraction(random, now, directory));
    count += 3;
  }
  while (count < legs) {
    const interaction = randomInteraction(random, now, directory, days);
    interactions.push(interaction);
    count += legCount(interaction);
  }
  const cdrs: Stored<Cdr>[] = [];
  const recordings: Stored<Recording>[] = [];
  for (const interaction of interactions.sort((a, b) => a.start - b.start)) {
    const made = legsOf(random, interaction, directory, resellerId).slice(0, legs - cdrs.length);
    cdrs.push(...made);
    const recorded = interaction.id === FIXTURES.interactionId || (interaction.answered && interaction.start > now - 60 * DAY && random.chance(0.12));
    if (recorded && made[0]) recordings.push(recordingOf(random, interaction, made[0], directory));
  }
  const newest = cdrs.filter((cdr) => cdr.call_direction === 'inbound').slice(-8);
  return { cdrs, recordings, inspectedCalls: newest.map((cdr) => inspect(cdr, directory)) };
}

function legCount(interaction: Interaction): number {
  return interaction.kind === 'inbound' && interaction.answered && interaction.talk > 400 ? 3 : 2;
}

function party(directory: AccountDirectory, random: Random, user?: Stored<User>): Party {
  // Only people with a phone make and take calls.
  const target = user ?? random.pick(directory.users.filter((u) => u.enabled && directory.devices.some((d) => d.owner_id === u.id)));
  return {
    name: `${target.first_name} ${target.last_name}`,
    number: String(target.presence_id),
    user: target,
    ...withDevice(directory, target),
  };
}

function withDevice(directory: AccountDirectory, user: Stored<User>): { device?: Stored<Device> } {
  const device = directory.devices.find((d) => d.owner_id === user.id);
  return device ? { device } : {};
}

function external(random: Random): Party {
  return { name: random.pick(['WIRELESS CALLER', 'SAN FRANCISCO CA', 'NEW YORK NY', 'CHICAGO IL', 'BOSTON MA', 'SEATTLE WA']), number: externalNumber(random) };
}

function randomInteraction(random: Random, now: number, directory: AccountDirectory, days: number): Interaction {
  const day = random.int(0, days - 1);
  const midnight = now - (now % DAY) - day * DAY;
  const officeHours = random.chance(0.85);
  // Nothing in the last hour: every seeded call has ended.
  const start = Math.min(midnight + (officeHours ? random.int(8 * 3600, 18 * 3600) : random.int(0, DAY - 1)), now - 3600);
  const roll = random.next();
  const kind = roll < 0.5 ? 'inbound' : roll < 0.85 ? 'outbound' : 'internal';
  const caller = kind === 'inbound' ? external(random) : party(directory, random);
  const callee = kind === 'outbound' ? external(random) : party(directory, random);
  const cause = random.pick(HANGUP_CAUSES);
  const answered = cause[0] === 'NORMAL_CLEARING';
  const key = random.string(8);
  return {
    start,
    id: `${start}-${key}`,
    key,
    kind,
    caller,
    callee,
    answered,
    talk: answered ? random.int(8, random.chance(0.1) ? 1800 : 420) : 0,
    ringing: random.int(2, 25),
    cause,
  };
}

/** An answered inbound call to James Smith two days ago, with three legs and a recording. */
function fixtureInteraction(random: Random, now: number, directory: AccountDirectory): Interaction {
  const jsmith = directory.users.find((user) => user.id === FIXTURES.user.userId)!;
  const key = FIXTURES.interactionId.split('-')[1]!;
  const start = now - 2 * DAY - (now % 3600);
  return {
    start,
    id: FIXTURES.interactionId,
    key,
    kind: 'inbound',
    caller: { name: 'SAN FRANCISCO CA', number: '+16465550177' },
    callee: party(directory, random, jsmith),
    answered: true,
    talk: 512,
    ringing: 6,
    cause: HANGUP_CAUSES[0],
  };
}

function callId(random: Random): string {
  return `${random.string(8)}-${random.string(4)}-${random.string(4)}-${random.string(4)}-${random.string(12)}`;
}

function legsOf(random: Random, call: Interaction, directory: AccountDirectory, resellerId: string): Stored<Cdr>[] {
  const { realm, accountId } = directory;
  const aLeg = call.kind === 'inbound' ? `${random.string(16)}@${CARRIER_IP}` : callId(random);
  const bLeg = callId(random);
  const answerAt = call.start + call.ringing;
  const end = answerAt + call.talk;
  const dialed = call.kind === 'inbound' ? directory.numbers[0]! : call.callee.number;
  const base = (party: Party) => ({
    account_id: accountId,
    reseller_id: resellerId,
    realm,
    bridge_id: aLeg,
    'Call-Interaction-ID': call.id,
    ...(party.user ? { owner_id: party.user.id } : {}),
    ...(party.device ? { authorizing_id: party.device.id, authorizing_type: 'device', username: party.device.sip.username } : { authorizing_type: 'resource', resource_id: 'carrier-sim', global_resource: true }),
  });
  const leg = (id: string, other: string, direction: 'inbound' | 'outbound', party: Party, started: number, extra: Partial<Cdr>): Stored<Cdr> => {
    const duration = end - started;
    const fields: Cdr = {
      call_id: id,
      call_direction: direction,
      caller_id_name: call.caller.name,
      caller_id_number: call.caller.number,
      callee_id_name: call.callee.name,
      callee_id_number: call.callee.number,
      duration_seconds: duration,
      billing_seconds: call.answered ? Math.max(0, end - Math.max(started, answerAt)) : 0,
      ringing_seconds: call.ringing,
      hangup_cause: call.cause[0],
      hangup_code: call.cause[1],
      disposition: random.chance(0.5) ? 'SEND_BYE' : 'RECV_BYE',
      timestamp: end,
      channel_created_time: msFromGregorian(started) * 1000,
      from: `${call.caller.number}@${realm}`,
      to: `${dialed}@${realm}`,
      request: `${dialed}@${realm}`,
      other_leg_call_id: other,
      media_server: MEDIA_SERVER,
      app_name: 'ecallmgr',
      app_version: '4.3.142',
      presence_id: `${call.callee.user?.presence_id ?? dialed}@${realm}`,
      user_agent: party.device ? String(party.device.user_agent ?? 'Yealink SIP-T54W 96.86.0.70') : 'Sonus SBC',
      interaction_id: call.id,
      interaction_time: call.start,
      interaction_key: call.key,
      digits_dialed: 'none',
      custom_channel_vars: { ...base(party), ...(direction === 'outbound' && call.kind === 'outbound' ? { rate_name: 'US-48', account_billing: 'limits_enforced' } : {}) },
      ...extra,
    };
    return seededDoc('cdr', accountId, modbId(end, random.string(32)), fields, end);
  };
  const legs = [
    leg(aLeg, bLeg, 'inbound', call.caller, call.start, {}),
    leg(bLeg, aLeg, 'outbound', call.callee, call.start + 1, { other_leg_direction: 'inbound' }),
  ];
  if (legCount(call) === 3) {
    // A blind transfer to a colleague for the last part of the call.
    const colleague = party(directory, random);
    const transfer = callId(random);
    legs.push(leg(transfer, aLeg, 'outbound', colleague, answerAt + Math.floor(call.talk / 2), { callee_id_name: colleague.name, callee_id_number: colleague.number }));
  }
  return legs;
}

function recordingOf(random: Random, call: Interaction, aLeg: Stored<Cdr>, directory: AccountDirectory): Stored<Recording> {
  const start = call.start + call.ringing;
  const owner = call.kind === 'outbound' ? call.caller.user : call.callee.user;
  const fields: Recording = {
    call_id: aLeg.call_id,
    caller_id_name: call.caller.name,
    caller_id_number: call.caller.number,
    callee_id_name: call.callee.name,
    callee_id_number: call.callee.number,
    content_type: 'audio/mpeg',
    description: `Recording of call ${aLeg.call_id}`,
    direction: call.kind === 'outbound' ? 'outbound' : 'inbound',
    duration: call.talk,
    duration_ms: call.talk * 1000,
    from: aLeg.from,
    to: aLeg.to,
    media_source: 'recorded',
    media_type: 'mp3',
    name: `call_recording_${aLeg.call_id}.mp3`,
    origin: call.kind === 'inbound' ? 'inbound from offnet' : 'outbound to offnet',
    source_type: 'kz_media_recording',
    start,
    cdr_id: aLeg.id,
    interaction_id: call.id,
    ...(owner ? { owner_id: owner.id } : {}),
    custom_channel_vars: { 'Call-Interaction-ID': call.id, account_id: directory.accountId, ...(owner ? { owner_id: owner.id } : {}) },
  };
  return seededDoc('call_recording', directory.accountId, modbId(start, random.string(32)), fields, start + call.talk);
}

/** A short SIP dialogue (INVITE → 200 → ACK → BYE) of an inbound leg, as call_inspector shows it. */
function inspect(cdr: Stored<Cdr>, directory: AccountDirectory): InspectedCall {
  const start = msFromGregorian(cdr.timestamp - cdr.duration_seconds) / 1000;
  const message = (offset: number, label: string, src: string, dst: string) => ({
    'call-id': cdr.call_id,
    timestamp: start + offset,
    ref_timestamp: String(start + offset),
    label,
    src,
    dst,
    parser: 'sim-parser',
    raw: [`${label}`, `Call-ID: ${cdr.call_id}`, `From: <sip:${cdr.caller_id_number}@${directory.realm}>`, `To: <sip:${cdr.callee_id_number}@${directory.realm}>`],
  });
  const carrier = `${CARRIER_IP}:5060`;
  const edge = '198.51.100.10:5060';
  return {
    account_id: directory.accountId,
    call_id: cdr.call_id,
    timestamp: cdr.timestamp,
    dialog_entities: [carrier, edge],
    messages: [
      message(0, `INVITE sip:${cdr.callee_id_number}@${directory.realm} SIP/2.0`, carrier, edge),
      message(0.02, 'SIP/2.0 100 Trying', edge, carrier),
      message(0.4, 'SIP/2.0 180 Ringing', edge, carrier),
      message(cdr.ringing_seconds, 'SIP/2.0 200 OK', edge, carrier),
      message(cdr.ringing_seconds + 0.05, `ACK sip:${cdr.callee_id_number}@${directory.realm} SIP/2.0`, carrier, edge),
      message(cdr.duration_seconds, `BYE sip:${cdr.callee_id_number}@${directory.realm} SIP/2.0`, carrier, edge),
      message(cdr.duration_seconds + 0.03, 'SIP/2.0 200 OK', edge, carrier),
    ],
  };
}
