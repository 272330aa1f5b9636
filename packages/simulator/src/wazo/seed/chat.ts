import type { Random } from '../../framework/random.js';
import { uuid } from '../ids.js';
import type { ChatMessage, Presence, Room } from '../records.js';
import { isoWithOffset } from '../time.js';
import { FIXTURES } from './fixtures.js';
import type { People } from './people.js';

export interface Chat {
  presences: Presence[];
  rooms: Room[];
  messages: ChatMessage[];
}

const LINES = [
  'Are you joining the 2 pm call?', 'Yes, give me five minutes.', 'Can you send me the quote for Northwind?', 'Sent.',
  'The customer called back about the renewal.', 'I will take it.', 'Lunch?', 'Sure, 12:30 downstairs.',
  'The demo went well, they want a follow-up next week.', 'Great news!', 'Who is on call this weekend?', 'Me, until Sunday night.',
];

/** A presence per PBX user; three rooms of alice's with a couple of weeks of messages. */
export function seedChat(random: Random, now: number, people: People): Chat {
  const presences = people.confdUsers.map((user, i): Presence => {
    const state = i % 5 === 3 ? 'away' : i % 5 === 4 ? 'unavailable' : 'available';
    return {
      uuid: user.uuid,
      tenant_uuid: user.tenant_uuid,
      state,
      status: state === 'away' ? 'In a meeting' : null,
      last_activity: state === 'unavailable' ? null : isoWithOffset(now - random.int(1, 600) * 60_000),
      line_state: 'available',
      lines: user.lineIds.map((id) => ({ id, state: 'available' })),
      mobile: i % 4 === 0,
      do_not_disturb: false,
      connected: state !== 'unavailable',
    };
  });
  const member = (name: keyof typeof FIXTURES.users) => {
    const user = FIXTURES.users[name];
    return { uuid: user.uuid, tenant_uuid: FIXTURES.tenants.acme, wazo_uuid: FIXTURES.stackUuid, identity: null };
  };
  const rooms: Room[] = [
    { uuid: uuid(random), tenant_uuid: FIXTURES.tenants.acme, name: null, users: [member('alice'), member('bob')] },
    { uuid: uuid(random), tenant_uuid: FIXTURES.tenants.acme, name: 'Project Northwind', users: [member('alice'), member('bob'), member('carol')] },
    { uuid: uuid(random), tenant_uuid: FIXTURES.tenants.acme, name: null, users: [member('alice'), member('carol')] },
  ];
  const messages: ChatMessage[] = [];
  rooms.forEach((room, r) => {
    let at = now - (14 - r) * 86_400_000;
    for (let i = 0; i < 12 + r * 4; i++) {
      at += random.int(5, 600) * 60_000;
      const author = room.users[i % room.users.length]!;
      messages.push({
        uuid: uuid(random),
        content: LINES[(i + r) % LINES.length]!,
        alias: people.authUsers.find((user) => user.uuid === author.uuid)?.firstname ?? null,
        delivery: { type: 'internal', backend: null, recipients: [] },
        user_uuid: author.uuid,
        tenant_uuid: room.tenant_uuid,
        wazo_uuid: FIXTURES.stackUuid,
        created_at: isoWithOffset(Math.min(at, now - 60_000)),
        room: { uuid: room.uuid },
      });
    }
  });
  messages.sort((a, b) => (a.created_at < b.created_at ? -1 : 1));
  return { presences, rooms, messages };
}
