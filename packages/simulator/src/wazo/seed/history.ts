import type { Random } from '../../framework/random.js';
import { fullName } from '../calls.js';
import { uuid } from '../ids.js';
import type { Cdr, ConfdUser, Line } from '../records.js';
import { isoWithOffset } from '../time.js';
import { FIXTURES } from './fixtures.js';
import type { People } from './people.js';
import { COMPANIES, FIRST_NAMES, LAST_NAMES, fictionalNumber } from './names.js';

const DAY = 86_400_000;

interface Party {
  user: ConfdUser | null;
  line: Line | null;
  name: string;
  exten: string;
}

/**
 * `FIXTURES.cdrCount` call detail records over the last six months, numbered from 1 oldest first, during
 * business hours; nearly half involve alice. About one answered call in six was recorded.
 */
export function seedHistory(random: Random, now: number, people: People): Cdr[] {
  const partyOf = (user: ConfdUser): Party => {
    const line = people.lines.find((l) => l.id === user.lineIds[0]) ?? null;
    return { user, line, name: fullName(user), exten: line?.caller_id_num ?? '' };
  };
  const byTenant = new Map<string, Party[]>();
  for (const user of people.confdUsers) byTenant.set(user.tenant_uuid, [...(byTenant.get(user.tenant_uuid) ?? []), partyOf(user)]);
  const alice = partyOf(people.confdUsers.find((u) => u.uuid === FIXTURES.users.alice.uuid)!);
  const tenants = [...byTenant.keys()];
  const external = (): Party => {
    const name = random.chance(0.5) ? random.pick(COMPANIES) : `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    return { user: null, line: null, name, exten: fictionalNumber(random.int(0, 99)) };
  };

  const starts = Array.from({ length: FIXTURES.cdrCount }, () => {
    const day = now - random.int(0, 179) * DAY;
    const midnight = day - (day % DAY);
    const start = midnight + (13 + random.int(0, 9)) * 3_600_000 + random.int(0, 3599) * 1000;
    return start < now - 3_600_000 ? start : start - DAY;
  });
  starts.sort((a, b) => a - b);

  return starts.map((start, index) => {
    const tenant = random.chance(0.85) ? people.confdUsers.find((u) => u.uuid === alice.user!.uuid)!.tenant_uuid : random.pick(tenants);
    const colleagues = byTenant.get(tenant)!;
    const me = random.chance(0.5) && tenant === alice.user!.tenant_uuid ? alice : random.pick(colleagues);
    const kind = random.pick(['internal', 'inbound', 'inbound', 'outbound', 'outbound'] as const);
    const other = kind === 'internal' ? random.pick(colleagues.filter((p) => p !== me).length ? colleagues.filter((p) => p !== me) : colleagues) : external();
    const [source, destination] = kind === 'inbound' ? [other, me] : [me, other];
    const status = random.chance(0.03) && kind === 'inbound' ? 'blocked' : random.chance(0.72) ? 'answered' : kind !== 'outbound' && random.chance(0.5) ? 'voicemail' : 'unknown';
    const answered = status === 'answered';
    const ringMs = random.int(2, 25) * 1000;
    const talkMs = answered ? random.int(5, 1500) * 1000 : 0;
    const answer = answered ? start + ringMs : null;
    const end = start + ringMs + talkMs;
    const id = index + 1;
    const recorded = answered && random.chance(0.17);
    return {
      id,
      tenant_uuid: tenant,
      start: isoWithOffset(start),
      answer: answer === null ? null : isoWithOffset(answer),
      end: isoWithOffset(end),
      answered,
      duration: Math.round(talkMs / 1000),
      call_direction: kind,
      call_status: status,
      conversation_id: `${Math.floor(start / 1000)}.${id}`,
      destination_details: destination.user
        ? { type: 'user', user_uuid: destination.user.uuid, user_name: destination.name }
        : { type: 'unknown' },
      destination_extension: destination.exten,
      destination_internal_context: destination.user ? 'default' : null,
      destination_internal_extension: destination.user ? destination.exten : null,
      destination_line_id: destination.line?.id ?? null,
      destination_name: destination.name,
      destination_user_uuid: destination.user?.uuid ?? null,
      requested_name: destination.name,
      requested_context: destination.user ? 'default' : 'to-extern',
      requested_extension: destination.exten,
      requested_internal_context: destination.user ? 'default' : null,
      requested_internal_extension: destination.user ? destination.exten : null,
      requested_user_uuid: destination.user?.uuid ?? null,
      source_extension: source.exten,
      source_internal_context: source.user ? 'default' : null,
      source_internal_extension: source.user ? source.exten : null,
      source_internal_name: source.user ? source.name : null,
      source_line_id: source.line?.id ?? null,
      source_name: source.name,
      source_user_uuid: source.user?.uuid ?? null,
      tags: random.chance(0.1) ? [random.pick(['sales', 'support', 'vip'])] : [],
      recordings: recorded
        ? [{ uuid: uuid(random), start_time: isoWithOffset(answer!), end_time: isoWithOffset(end), deleted: false, filename: `${isoWithOffset(answer!).slice(0, 19)}-${id}.wav` }]
        : [],
      participants: [source.user?.uuid, destination.user?.uuid].filter((u): u is string => u !== undefined),
    };
  });
}
