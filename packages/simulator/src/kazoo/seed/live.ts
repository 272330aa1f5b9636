import type { Random } from '../../framework/random.js';
import type { Stored } from '../documents.js';
import type { Channel, Participant, Registration, WebsocketSession } from '../records.js';
import type { AccountDirectory } from './directory.js';
import { seededDoc } from './doc.js';
import { USER_AGENTS } from './names.js';
import { externalNumber } from './phone.js';

export interface Live {
  channels: Stored<Channel>[];
  participants: Map<string, Participant[]>;
  registrations: Registration[];
  websockets: WebsocketSession[];
}

const uuid = (random: Random) => `${random.string(8)}-${random.string(4)}-4${random.string(3)}-a${random.string(3)}-${random.string(12)}`;

/**
 * What is happening right now: registered devices, calls in progress (an answered outbound call has two
 * channels, an inbound call is ringing), people in a conference and a connected websocket.
 */
export function seedLive(random: Random, now: number, directory: AccountDirectory, accountName: string): Live {
  const { accountId, realm } = directory;
  const registered = directory.devices.filter((_, i) => i % 5 !== 4);
  const registrations = registered.map((device): Registration => {
    const ip = `198.51.100.${random.int(20, 250)}`;
    const port = String(random.int(5060, 5090));
    const contact = `<sip:${device.sip.username}@${ip}:${port};transport=udp>`;
    return {
      account_id: accountId,
      account_name: accountName,
      account_realm: realm,
      username: device.sip.username,
      realm,
      from_user: device.sip.username,
      from_host: realm,
      to_user: device.sip.username,
      to_host: realm,
      original_contact: contact,
      contact_ip: ip,
      contact_port: port,
      proxy_ip: '198.51.100.10',
      proxy_port: '5060',
      ...(device.owner_id ? { owner_id: device.owner_id } : {}),
      authorizing_id: device.id,
      authorizing_type: 'device',
      user_agent: String(device.user_agent ?? random.pick(USER_AGENTS)),
      network_ip: ip,
      network_port: port,
      contact: `<sip:${device.sip.username}@${ip}:${port};transport=udp;fs_path=<sip:198.51.100.10;lr>>`,
      expires: device.sip.expire_seconds,
      event_timestamp: now - random.int(10, 280),
      call_id: `${random.string(20)}@${ip}`,
    };
  });

  const channels: Stored<Channel>[] = [];
  const [first, second] = registered;
  const userOf = (device: (typeof registered)[number]) => directory.users.find((user) => user.id === device.owner_id);
  const caller = (device: (typeof registered)[number]) => {
    const user = userOf(device);
    return { caller_id_name: user ? `${user.first_name} ${user.last_name}` : device.name, caller_id_number: String(user?.presence_id ?? device.sip.username) };
  };
  if (first) {
    const a = uuid(random);
    const b = `${random.string(16)}@203.0.113.20`;
    const started = now - random.int(60, 400);
    const dialed = externalNumber(random);
    const call = { ...caller(first), callee_id_name: dialed, callee_id_number: dialed, interaction_id: `${started}-${random.string(8)}`, from: `${first.sip.username}@${realm}`, to: `${dialed}@${realm}` };
    const channel = (id: string, other: string, direction: 'inbound' | 'outbound', fields: Record<string, unknown>) =>
      seededDoc<Channel>('channel', accountId, id, { uuid: id, answered: true, direction, timestamp: started, other_leg: other, ...call, ...fields }, started);
    channels.push(
      channel(a, b, 'inbound', { authorizing_id: first.id, authorizing_type: 'device', owner_id: first.owner_id, username: first.sip.username, destination: dialed, presence_id: `${first.sip.username}@${realm}` }),
      channel(b, a, 'outbound', { authorizing_type: 'resource', destination: dialed, presence_id: `${first.sip.username}@${realm}` }),
    );
    if (second) {
      const ringing = uuid(random);
      channels.push(
        seededDoc<Channel>(
          'channel',
          accountId,
          ringing,
          {
            uuid: ringing,
            answered: false,
            direction: 'outbound',
            timestamp: now - 7,
            authorizing_id: second.id,
            authorizing_type: 'device',
            owner_id: second.owner_id,
            username: second.sip.username,
            destination: second.sip.username,
            presence_id: `${second.sip.username}@${realm}`,
            caller_id_name: 'SAN FRANCISCO CA',
            caller_id_number: externalNumber(random),
            ...Object.fromEntries(Object.entries(caller(second)).map(([key, value]) => [key.replace('caller', 'callee'), value])),
          },
          now - 7,
        ),
      );
    }
  }

  const participants = new Map<string, Participant[]>();
  const conference = directory.conferences[0];
  if (conference) {
    participants.set(
      conference.id,
      directory.users.slice(0, 3).map((user, i) => ({
        participant_id: i + 1,
        call_id: uuid(random),
        conference_name: conference.name,
        caller_id_name: `${user.first_name} ${user.last_name}`,
        caller_id_number: String(user.presence_id),
        is_moderator: i === 0,
        speak: i !== 2,
        hear: true,
        talking: i === 0,
        join_time: now - 600 + i * 120,
      })),
    );
  }

  const websockets: WebsocketSession[] = directory.vmboxes.length > 0
    ? [{ websocket_session_id: random.string(32), account_id: accountId, bindings: ['call.CHANNEL_CREATE.*', 'call.CHANNEL_DESTROY.*', 'object.doc_edited.user'], source: '198.51.100.77', destination: 'blackhole@kz1.sim.pbxkit.test', timestamp: now - 1800 }]
    : [];

  return { channels, participants, registrations, websockets };
}
