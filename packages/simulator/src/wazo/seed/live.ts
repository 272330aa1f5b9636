import type { Random } from '../../framework/random.js';
import { bridge, channel, extenOf, fullName } from '../calls.js';
import { uuid } from '../ids.js';
import type { Application, ApplicationCall, ApplicationNode, Call, Conference, ConfdUser, Line, Participant, Switchboard, SwitchboardCall, VoicemailMessage } from '../records.js';
import { asteriskTime } from '../time.js';
import type { People } from './people.js';
import { FIXTURES, TENANTS } from './fixtures.js';
import { FIRST_NAMES, LAST_NAMES, fictionalNumber } from './names.js';

/** What is going on right now: live calls, waiting voicemail, conferences, switchboard and application calls. */
export interface Live {
  calls: Call[];
  channelSequence: number;
  voicemailMessages: VoicemailMessage[];
  conferences: Conference[];
  participants: Map<number, Participant[]>;
  switchboards: Switchboard[];
  switchboardCalls: Map<string, { queued: SwitchboardCall[]; held: SwitchboardCall[] }>;
  applications: Application[];
  applicationCalls: Map<string, ApplicationCall[]>;
  applicationNodes: Map<string, ApplicationNode[]>;
}

export function seedLive(random: Random, now: number, people: People): Live {
  let sequence = 40;
  const id = (secondsAgo: number) => `${Math.floor(now / 1000) - secondsAgo}.${sequence++}`;
  const userOf = (username: string) => {
    const user = people.confdUsers.find((u) => people.authUsers.find((a) => a.uuid === u.uuid)?.username === username)!;
    return { user, line: people.lines.find((line) => line.id === user.lineIds[0])! };
  };
  const alice = userOf('alice');
  const bob = userOf('bob');
  const carol = userOf('carol');
  const gary = userOf('gary');
  const calls: Call[] = [];

  // Alice talks to Bob (she called him three minutes ago)...
  const internal = id(180);
  const aliceLeg = leg(internal, alice, fullName(bob.user), bob, 'internal', true, now - 180_000, now - 172_000);
  const bobLeg = leg(id(180), bob, fullName(alice.user), alice, 'internal', false, now - 180_000, now - 172_000, internal);
  bridge(aliceLeg, bobLeg, uuid(random));
  // ...while an outside caller rings her (call waiting).
  const inbound = id(6);
  const caller = fictionalNumber(42);
  const trunkIn = trunkLeg(inbound, TENANTS.acme, caller, 'inbound', true, now - 6000, null, inbound);
  const aliceRinging = channel({
    id: id(6), tenantUuid: TENANTS.acme, user: alice.user, line: alice.line, name: fullName(alice.user), number: extenOf(alice.line),
    peerName: 'Northwind', peerNumber: caller, dialed: extenOf(alice.line), direction: 'inbound', isCaller: false, status: 'Ringing',
    createdAt: now - 6000, answeredAt: null, conversationId: inbound,
  });
  aliceRinging.talking_to = { [trunkIn.call_id]: null };
  // Carol is on an outbound call; Gary (another tenant) on an inbound one.
  const outbound = id(95);
  const carolLeg = channel({
    id: outbound, tenantUuid: TENANTS.acme, user: carol.user, line: carol.line, name: fullName(carol.user), number: extenOf(carol.line),
    peerName: fictionalNumber(7), peerNumber: fictionalNumber(7), dialed: fictionalNumber(7).slice(2), direction: 'outbound', isCaller: true, status: 'Up',
    createdAt: now - 95_000, answeredAt: now - 88_000, conversationId: outbound,
  });
  const trunkOut = trunkLeg(id(95), TENANTS.acme, fictionalNumber(7), 'outbound', false, now - 95_000, now - 88_000, outbound);
  bridge(carolLeg, trunkOut, uuid(random));
  const garyCall = id(30);
  const garyLeg = leg(garyCall, gary, fictionalNumber(77), null, 'inbound', false, now - 30_000, now - 25_000);
  calls.push(aliceLeg, bobLeg, trunkIn, aliceRinging, carolLeg, trunkOut, garyLeg);

  const conferences = seedConferences();
  return {
    calls,
    channelSequence: sequence + 100,
    voicemailMessages: seedVoicemailMessages(random, now, people),
    conferences,
    participants: seedParticipants(now, people, conferences),
    switchboards: [switchboard(people)],
    switchboardCalls: new Map([[FIXTURES.switchboardUuid, seedSwitchboardCalls(id)]]),
    applications: [application()],
    ...seedApplicationCalls(random, now, id),
  };

  /** A user's channel, talking since `answered`. */
  function leg(
    callId: string,
    own: { user: ConfdUser; line: Line },
    peerName: string,
    peer: { line: Line } | null,
    direction: Call['direction'],
    isCaller: boolean,
    created: number,
    answered: number | null,
    conversation = callId,
  ): Call {
    return channel({
      id: callId, tenantUuid: own.user.tenant_uuid, user: own.user, line: own.line, name: fullName(own.user), number: extenOf(own.line),
      peerName, peerNumber: peer ? extenOf(peer.line) : peerName, dialed: isCaller ? (peer ? extenOf(peer.line) : null) : extenOf(own.line),
      direction, isCaller, status: 'Up', createdAt: created, answeredAt: answered, conversationId: conversation,
    });
  }
}

/** A channel on the trunk, ringing until `answered`. */
function trunkLeg(
  callId: string,
  tenant: string,
  number: string,
  direction: Call['direction'],
  isCaller: boolean,
  created: number,
  answered: number | null,
  conversation: string,
): Call {
  return channel({
    id: callId, tenantUuid: tenant, user: null, line: null, name: number, number, peerName: '', peerNumber: null, dialed: null,
    direction, isCaller, status: answered === null ? 'Ring' : 'Up', createdAt: created, answeredAt: answered, conversationId: conversation,
  });
}

/** Voicemail: alice's box has new, old and urgent messages; the other boxes a few each. */
function seedVoicemailMessages(random: Random, now: number, people: People): VoicemailMessage[] {
  const messages: VoicemailMessage[] = [];
  let sequence = 1;
  for (const box of people.voicemails) {
    const count = box.users[0]?.uuid === FIXTURES.users.alice.uuid ? 12 : box.accesstype === 'global' ? 4 : random.int(0, 3);
    for (let i = 0; i < count; i++) {
      const timestamp = Math.floor((now - random.int(1, 60 * 24 * 30) * 60_000) / 1000);
      const external = random.chance(0.6);
      const name = external ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : null;
      messages.push({
        id: `${timestamp}-${String(sequence++).padStart(8, '0')}`,
        caller_id_name: name,
        caller_id_num: external ? fictionalNumber(random.int(0, 99)) : String(1004 + random.int(0, 14)),
        duration: random.int(3, 95),
        timestamp,
        transcription: random.chance(0.5) ? { text: 'Hi, it is about the renewal. Please call me back when you can.' } : null,
        voicemailId: box.id,
        folderId: i < 5 ? 1 : i === 11 ? 3 : 2,
      });
    }
  }
  return messages.sort((a, b) => a.timestamp - b.timestamp);
}

function seedConferences(): Conference[] {
  const conference = (id: number, name: string, exten: string): Conference => ({
    id,
    tenant_uuid: TENANTS.acme,
    name,
    preprocess_subroutine: null,
    max_users: 50,
    record: false,
    pin: null,
    admin_pin: null,
    quiet_join_leave: false,
    announce_join_leave: true,
    announce_user_count: true,
    announce_only_user: true,
    music_on_hold: null,
    links: [{ rel: 'conferences', href: `/api/confd/1.1/conferences/${id}` }],
    extensions: [{ id: 900 + id, exten, context: 'default' }],
    incalls: [],
  });
  return [conference(FIXTURES.conferenceId, 'All hands', '4000'), conference(2, 'Board', '4001')];
}

/** Alice and Carol are in the first conference with an outside guest; only Bob is in the second. */
function seedParticipants(now: number, people: People, conferences: Conference[]): Map<number, Participant[]> {
  const participant = (callId: string, name: string, number: string, userUuid: string | null, admin: boolean, joinedSecondsAgo: number): Participant => ({
    id: callId,
    call_id: callId,
    caller_id_name: name,
    caller_id_number: number,
    user_uuid: userUuid,
    muted: false,
    admin,
    join_time: Math.floor(now / 1000) - joinedSecondsAgo,
    language: 'en_US',
  });
  const byUsername = (name: string) => people.confdUsers.find((u) => u.uuid === people.authUsers.find((a) => a.username === name)!.uuid)!;
  const { alice, bob, carol } = { alice: byUsername('alice'), bob: byUsername('bob'), carol: byUsername('carol') };
  const t = Math.floor(now / 1000);
  return new Map([
    [
      conferences[0]!.id,
      [
        participant(`${t - 600}.11`, fullName(alice), '1001', alice.uuid, true, 600),
        participant(`${t - 540}.12`, fullName(carol), '1003', carol.uuid, false, 540),
        participant(`${t - 300}.13`, 'Guest', fictionalNumber(31), null, false, 300),
      ],
    ],
    [conferences[1]!.id, [participant(`${t - 120}.14`, fullName(bob), '1002', bob.uuid, true, 120)]],
  ]);
}

function switchboard(people: People): Switchboard {
  const members = people.confdUsers.filter((u) => ['alice', 'bob'].includes(people.authUsers.find((a) => a.uuid === u.uuid)!.username!));
  return {
    uuid: FIXTURES.switchboardUuid,
    tenant_uuid: TENANTS.acme,
    name: 'Reception',
    timeout: 30,
    queue_music_on_hold: 'default',
    waiting_room_music_on_hold: 'default',
    links: [{ rel: 'switchboards', href: `/api/confd/1.1/switchboards/${FIXTURES.switchboardUuid}` }],
    extensions: [{ id: 950, exten: '1800', context: 'default' }],
    incalls: [],
    members: { users: members.map((u) => ({ uuid: u.uuid, firstname: u.firstname, lastname: u.lastname })) },
    fallbacks: { noanswer_destination: null },
  };
}

function seedSwitchboardCalls(id: (secondsAgo: number) => string) {
  const call = (secondsAgo: number, name: string, number: string): SwitchboardCall => ({ id: id(secondsAgo), caller_id_name: name, caller_id_number: number });
  return {
    queued: [call(45, 'Contoso', fictionalNumber(51)), call(30, 'Fabrikam', fictionalNumber(52)), call(12, 'Unknown', fictionalNumber(53))],
    held: [call(200, 'Tailspin', fictionalNumber(54))],
  };
}

function application(): Application {
  return {
    uuid: FIXTURES.applicationUuid,
    tenant_uuid: TENANTS.acme,
    name: 'ivr-demo',
    destination: 'node',
    destination_options: { type: 'holding', music_on_hold: null, answer: true },
    links: [{ rel: 'applications', href: `/api/confd/1.1/applications/${FIXTURES.applicationUuid}` }],
    lines: [],
  };
}

/** Two callers in the IVR application: one alone, one in the destination node. */
function seedApplicationCalls(random: Random, now: number, id: (secondsAgo: number) => string) {
  const node = uuid(random);
  const call = (secondsAgo: number, number: string, nodeUuid: string | null): ApplicationCall => ({
    id: id(secondsAgo),
    conversation_id: null,
    status: 'Up',
    caller_id_name: number,
    caller_id_number: number,
    creation_time: asteriskTime(now - secondsAgo * 1000),
    dialed_extension: '1900',
    is_caller: true,
    on_hold: false,
    muted: false,
    node_uuid: nodeUuid,
    moh_uuid: null,
    snoops: {},
    variables: {},
    user_uuid: null,
    tenant_uuid: TENANTS.acme,
  });
  const calls = [call(50, fictionalNumber(61), null), call(20, fictionalNumber(62), node)];
  return {
    applicationCalls: new Map([[FIXTURES.applicationUuid, calls]]),
    applicationNodes: new Map([[FIXTURES.applicationUuid, [{ uuid: node, calls: [{ id: calls[1]!.id }] }]]]),
  };
}
