import { MP3_FRAME_BYTES } from '../../framework/media/mp3.js';
import type { Random } from '../../framework/random.js';
import { formatDateTime } from '../datetime.js';
import type { CallTrackingVisit, Cdr, Conversation, Recording, User, Voicemail } from '../records.js';
import type { Directory, ExternalParty } from './directory.js';
import { FIXTURES } from './fixtures.js';
import { TRANSCRIPTS, USER_AGENTS } from './names.js';
import { callerId, destinationOf } from './phone.js';

const DAY = 86_400_000;
const HISTORY_DAYS = 180;
/** Live ids of seeded CDRs stay below those of the seeded and new live calls (4_278_003_532 on). */
const FIRST_LIVE_ID = 4_270_000_000;

export interface History {
  cdrs: Cdr[];
  recordings: Recording[];
  voicemails: Voicemail[];
  callTracking: CallTrackingVisit[];
  /** Call threads; `seedStore` numbers them together with the SMS threads. */
  conversations: Conversation[];
}

/** Frames of silent audio served for a recording or voicemail (its `size` is frames × frame bytes). */
export function audioFrames(id: number): number {
  return 20 + (id % 30);
}

export function seedHistory(random: Random, now: number, directory: Directory): History {
  const times = Array.from({ length: FIXTURES.cdrCount }, () => callTime(random, now)).sort((a, b) => a - b);
  const cdrs = times.map((time, i) => seedCdr(random, 7_340_010_001 + i, time, directory));
  return {
    cdrs,
    recordings: cdrs.filter((cdr) => cdr.billsec > 0 && random.chance(0.12)).map((cdr, i) => recordingOf(random, 2_200_001 + i, cdr)),
    voicemails: cdrs.filter((cdr) => cdr.type === 'M' && random.chance(0.5)).map((cdr, i) => voicemailOf(random, 880_001 + i, cdr, now)),
    callTracking: cdrs.filter((cdr) => cdr.type !== 'O' && random.chance(0.08)).map((cdr, i) => visitOf(random, 9_100_001 + i, cdr)),
    conversations: cdrs.filter(() => random.chance(0.06)).map((cdr) => ({
      id: 0,
      created_at: cdr.calldate,
      channel: 'call',
      src: cdr.src,
      dst: cdr.dst,
      duration: cdr.duration,
      type: cdr.type === 'O' ? 'O' : 'I',
    })),
  };
}

/** Office hours on weekdays mostly, spread over the last six months. */
function callTime(random: Random, now: number): number {
  const day = Math.floor(now / DAY) - random.int(0, HISTORY_DAYS - 1);
  const hour = random.chance(0.9) ? random.int(8, 18) : random.int(0, 23);
  const time = day * DAY + hour * 3_600_000 + random.int(0, 3_599_999);
  return Math.min(time, now - 60_000);
}

function seedCdr(random: Random, id: number, time: number, directory: Directory): Cdr {
  const type = random.pick(['O', 'O', 'O', 'I', 'I', 'I', 'M'] as const);
  const user = random.pick(directory.users);
  const party = random.pick(directory.externals);
  const liveId = FIRST_LIVE_ID + (id - 7_340_010_000) * 3;
  const answered = type === 'I' || (type === 'O' && random.chance(0.85));
  const billsec = answered ? random.int(8, 900) : 0;
  const ring = random.int(3, 25);
  const { rate } = destinationOf(party.number);
  const legs = type === 'O' ? outbound(user, party) : inbound(user, party, directory);
  return {
    id,
    call_id: liveId,
    live_id: liveId,
    is_root: true,
    root_live_id: liveId,
    parent_live_id: null,
    nb_children: 0,
    user_id: user.id,
    sip_endpoint_id: 5000 + user.id,
    server_id: 3,
    type,
    calldate: formatDateTime(time),
    ...legs,
    src_ua: type === 'O' ? random.pick(USER_AGENTS) : null,
    src_codec: random.pick(['PCMA', 'opus', 'G722']),
    dst_ua: type === 'O' ? null : random.pick(USER_AGENTS),
    dst_codec: random.pick(['PCMA', 'opus']),
    duration: billsec + ring,
    billsec,
    disposition: answered ? 'CONNECTED' : type === 'M' ? 'NO ANSWER' : random.pick(['NO ANSWER', 'BUSY', 'FAILED']),
    rate: type === 'O' ? rate : 0,
    charge: type === 'O' ? Math.round(rate * Math.ceil(billsec / 60) * 10_000) / 10_000 : 0,
    t_cause: answered ? 'Normal Clearing' : type === 'M' ? 'No Answer' : 'User Busy',
    info: null,
    labels: random.chance(0.05) ? ['follow-up'] : [],
    metadata: null,
    nb_notes: random.chance(0.03) ? 1 : 0,
  };
}

type Legs = Pick<Cdr, 'clid' | 'src_id' | 'src_name' | 'src' | 'dst_id' | 'dst' | 'dst_name' | 'destination' | 'context'>;

function outbound(user: User, party: ExternalParty): Legs {
  const name = `${user.first_name} ${user.last_name}`;
  return {
    clid: callerId(user.cli ?? user.ext, name),
    src_id: String(user.id),
    src_name: name,
    src: user.ext,
    dst_id: '0',
    dst: party.number,
    dst_name: party.name ?? destinationOf(party.number).name,
    destination: 'out',
    context: 'LOCAL_USER',
  };
}

function inbound(user: User, party: ExternalParty, directory: Directory): Legs {
  return {
    clid: callerId(party.number, party.name),
    src_id: '0',
    src_name: party.name,
    src: party.number,
    dst_id: String(user.id),
    dst: directory.ddis[user.id % 2]!.e164,
    dst_name: `${user.first_name} ${user.last_name}`,
    destination: 'in',
    context: 'EXTERNAL',
  };
}

function recordingOf(random: Random, id: number, cdr: Cdr): Recording {
  const cx = random.chance(0.3);
  return {
    id,
    call_id: cdr.call_id,
    live_id: cdr.live_id,
    user_id: cdr.user_id,
    sip_endpoint_id: cdr.sip_endpoint_id,
    type: cdr.type === 'O' ? 'O' : 'I',
    timestamp: cdr.calldate,
    caller: cdr.src,
    called: cdr.dst,
    src_id: cdr.src_id,
    src: cdr.src,
    src_name: cdr.src_name,
    dst_id: cdr.dst_id,
    dst: cdr.dst,
    dst_name: cdr.dst_name,
    context: cdr.context,
    duration: cdr.billsec,
    size: audioFrames(id) * MP3_FRAME_BYTES,
    transcript: cx ? random.pick(TRANSCRIPTS) : null,
    transcript_speakers: cx ? [] : null,
    summary: cx ? 'Caller asked for an update; agent promised a follow-up.' : null,
    sentiment: cx ? random.pick(['positive', 'neutral', 'negative']) : null,
    cx_score: cx ? random.int(40, 98) : null,
    metadata: null,
  };
}

function voicemailOf(random: Random, id: number, cdr: Cdr, now: number): Voicemail {
  const fresh = now - Date.parse(`${cdr.calldate.replace(' ', 'T')}Z`) < 14 * DAY;
  return {
    id,
    live_id: cdr.live_id,
    parent_live_id: null,
    extension_id: cdr.user_id ?? FIXTURES.demo.userId,
    caller: cdr.src,
    callerid: cdr.clid,
    dialled: cdr.dst,
    origtime: cdr.calldate,
    duration: random.int(4, 75),
    folder: fresh ? 'INBOX' : 'Old',
    is_new: fresh && random.chance(0.6),
    transcript: random.chance(0.4) ? 'Hi, it is about the invoice, please call me back. Thanks.' : null,
  };
}

function visitOf(random: Random, id: number, cdr: Cdr): CallTrackingVisit {
  return {
    id,
    calldate: cdr.calldate,
    call_id: cdr.call_id,
    live_id: cdr.live_id,
    parent_live_id: null,
    root_live_id: cdr.root_live_id,
    is_root: true,
    user_id: cdr.user_id,
    sip_endpoint_id: cdr.sip_endpoint_id,
    server_id: cdr.server_id,
    src: cdr.src,
    dst: cdr.dst,
    duration: cdr.duration,
    billsec: cdr.billsec,
    rate: cdr.rate,
    charge: cdr.charge,
    campaign: random.pick(['Spring offer', 'Brand search', 'Newsletter']),
    source: random.pick(['google / cpc', 'bing / cpc', 'newsletter / email', 'direct / none']),
    landing_page: random.pick(['/pricing', '/contact', '/offers/spring']),
  };
}
