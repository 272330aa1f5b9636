import type { Random } from '../../framework/random.js';
import { credentialsHash } from '../credentials.js';
import type { Stored } from '../documents.js';
import type { Callflow, Conference, Device, Faxbox, PhoneNumber, User, UserPrivate, Vmbox } from '../records.js';
import { seededDoc } from './doc.js';
import { DEMO_PASSWORD, FIXTURES } from './fixtures.js';
import { COMPANIES, FIRST_NAMES, LAST_NAMES, USER_AGENTS } from './names.js';
import { didNumber } from './phone.js';

const DAY = 86_400;

/** What one account has on its books; the history and live seeds build on it. */
export interface AccountDirectory {
  accountId: string;
  realm: string;
  /** The account's main number and its other DIDs. */
  numbers: string[];
  users: Stored<User & UserPrivate>[];
  devices: Stored<Device>[];
  callflows: Stored<Callflow>[];
  vmboxes: Stored<Vmbox>[];
  phoneNumbers: Stored<PhoneNumber>[];
  faxboxes: Stored<Faxbox>[];
  conferences: Stored<Conference>[];
}

interface Person {
  id?: string;
  first: string;
  last: string;
  username?: string;
  admin?: boolean;
}

interface AccountPlan {
  accountId: string;
  realm: string;
  area: string;
  firstDid: number;
  didCount: number;
  /** Named people first, then `extraUsers` generated ones. */
  people: Person[];
  extraUsers: number;
  created: number;
}

/** Users, devices, callflows, voicemail boxes, numbers, faxboxes and conferences of every seeded account. */
export function seedDirectories(random: Random, now: number): AccountDirectory[] {
  const { master, reseller, demo, branch, lab, user, secondUser, superAdmin, resellerAdmin } = FIXTURES;
  const named = (fixture: typeof user | typeof secondUser | typeof superAdmin | typeof resellerAdmin, admin: boolean): Person => ({
    id: fixture.userId,
    first: fixture.firstName,
    last: fixture.lastName,
    username: fixture.username,
    admin,
  });
  const plans: AccountPlan[] = [
    { accountId: master.accountId, realm: master.realm, area: '212', firstDid: 0, didCount: 1, people: [named(superAdmin, true)], extraUsers: 0, created: now - 400 * DAY },
    { accountId: reseller.accountId, realm: reseller.realm, area: '312', firstDid: 10, didCount: 2, people: [named(resellerAdmin, true)], extraUsers: 1, created: now - 380 * DAY },
    {
      accountId: demo.accountId,
      realm: demo.realm,
      area: '415',
      firstDid: 0,
      didCount: 8,
      // A second James, so that the seed SDK's `first_name=James` filter has more than one match.
      people: [named(user, true), named(secondUser, false), { first: 'James', last: 'Carter' }],
      extraUsers: 17,
      created: now - 300 * DAY,
    },
    { accountId: branch.accountId, realm: branch.realm, area: '312', firstDid: 20, didCount: 3, people: [], extraUsers: 6, created: now - 200 * DAY },
    { accountId: lab.accountId, realm: lab.realm, area: '617', firstDid: 30, didCount: 1, people: [], extraUsers: 3, created: now - 60 * DAY },
  ];
  return plans.map((plan) => seedDirectory(random, now, plan));
}

function seedDirectory(random: Random, now: number, plan: AccountPlan): AccountDirectory {
  const { accountId, realm } = plan;
  const numbers = Array.from({ length: plan.didCount }, (_, i) => didNumber(plan.area, plan.firstDid + i));
  const doc = <T extends object>(type: string, id: string, fields: T, ageDays: number) =>
    seededDoc(type, accountId, id, fields, now - ageDays * DAY - random.int(0, DAY), now - random.int(0, Math.min(ageDays, 30)) * DAY);
  const ageOf = () => random.int(1, Math.max(1, Math.floor((now - plan.created) / DAY)));

  const people = [...plan.people, ...Array.from({ length: plan.extraUsers }, (): Person => ({ first: random.pick(FIRST_NAMES), last: random.pick(LAST_NAMES) }))];
  const usernames = new Set<string>();
  const users = people.map((person, i) => {
    const extension = String(1001 + i);
    let username = person.username ?? `${person.first[0]}${person.last}`.toLowerCase();
    while (usernames.has(username)) username = `${username}${random.int(2, 9)}`;
    usernames.add(username);
    const fields: User & UserPrivate = {
      first_name: person.first,
      last_name: person.last,
      username,
      email: `${person.first}.${person.last}@example.com`.toLowerCase(),
      priv_level: person.admin ? 'admin' : 'user',
      enabled: i === people.length - 1 && people.length > 4 ? false : true,
      presence_id: extension,
      timezone: 'America/Los_Angeles',
      language: 'en-us',
      vm_to_email_enabled: true,
      caller_id: { internal: { name: `${person.first} ${person.last}`, number: extension }, external: { name: random.pick(COMPANIES), number: numbers[0] } },
      call_forward: { enabled: false },
      features: i < 10 ? ['voicemail', 'caller_id'] : ['caller_id'],
      pvt_md5_auth: credentialsHash(username, DEMO_PASSWORD, 'md5'),
      pvt_sha1_auth: credentialsHash(username, DEMO_PASSWORD, 'sha'),
    };
    return doc('user', person.id ?? random.string(32), fields, ageOf());
  });

  const devices = users.flatMap((user, i) => {
    const name = `${user.first_name} ${user.last_name}`;
    const kinds = i < 4 ? ['desk', 'softphone'] : i < 12 ? ['desk'] : [];
    return kinds.map((kind) =>
      doc<Device>(
        'device',
        random.string(32),
        {
          name: `${name} ${kind === 'desk' ? 'Desk' : 'Softphone'}`,
          device_type: kind === 'desk' ? 'sip_device' : 'softphone',
          enabled: true,
          owner_id: user.id,
          sip: { username: `user_${random.string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}`, password: random.string(12, 'abcdefghjkmnpqrstuvwxyz23456789'), method: 'password', invite_format: 'username', expire_seconds: 300 },
          caller_id: { internal: { name, number: String(user.presence_id) } },
          ...(kind === 'desk' ? { mac_address: `00:15:65:${random.string(2)}:${random.string(2)}:${random.string(2)}`, provision: { endpoint_brand: 'yealink', endpoint_family: 't5x', endpoint_model: 't54w' } } : {}),
          suppress_unregister_notifications: false,
          user_agent: kind === 'desk' ? random.pick(USER_AGENTS.slice(0, 2)) : 'Zoiper rv2.10.19',
        },
        ageOf(),
      ),
    );
  });

  const vmboxes = users.slice(0, 10).map((user) =>
    doc<Vmbox>(
      'vmbox',
      random.string(32),
      {
        name: `${user.first_name} ${user.last_name}'s Voicemail`,
        mailbox: String(user.presence_id),
        owner_id: user.id,
        pin: String(random.int(1000, 9999)),
        require_pin: true,
        is_setup: true,
        check_if_owner: true,
        timezone: 'America/Los_Angeles',
        media_extension: 'mp3',
        notify_email_addresses: user.email ? [user.email] : [],
        delete_after_notify: false,
      },
      ageOf(),
    ),
  );

  const userFlows = users.map((user) => {
    const vmbox = vmboxes.find((box) => box.owner_id === user.id);
    const voicemail: Callflow['flow']['children'] = vmbox ? { _: { module: 'voicemail', data: { id: vmbox.id }, children: {} } } : {};
    return doc<Callflow>(
      'callflow',
      random.string(32),
      {
        name: `${user.first_name} ${user.last_name} SmartPBX's Callflow`,
        numbers: [String(user.presence_id)],
        patterns: [],
        flow: { module: 'user', data: { id: user.id, timeout: 20, can_call_self: false }, children: voicemail },
        owner_id: user.id,
        type: 'mainUserCallflow',
      },
      ageOf(),
    );
  });
  const mainFlow = doc<Callflow>(
    'callflow',
    random.string(32),
    {
      name: 'Main number',
      numbers: [numbers[0]!, '0'],
      patterns: [],
      flow: { module: 'ring_group', data: { strategy: 'simultaneous', timeout: 30, endpoints: users.slice(0, 3).map((u) => ({ id: u.id, endpoint_type: 'user', delay: 0, timeout: 20 })) }, children: {} },
    },
    ageOf(),
  );
  const checkVoicemail = doc<Callflow>('callflow', random.string(32), { name: 'Check voicemail', numbers: [], patterns: ['^\\*97$'], flow: { module: 'voicemail', data: { action: 'check' }, children: {} }, featurecode: { name: 'voicemail[action=check]', number: '97' } }, ageOf());

  const conferences = plan.didCount >= 8
    ? [
        doc<Conference>('conference', random.string(32), { name: 'All hands', member: { numbers: ['3000'], pins: ['1111'] }, moderator: { numbers: ['3000'], pins: ['9999'] }, conference_numbers: ['3000'], play_name_on_join: true, max_participants: 50 }, ageOf()),
        doc<Conference>('conference', random.string(32), { name: 'Sales standup', member: { numbers: ['3001'], pins: [] }, moderator: { numbers: [], pins: [] }, conference_numbers: ['3001'], owner_id: users[0]!.id }, ageOf()),
      ]
    : [];
  const conferenceFlows = conferences.map((conference) =>
    doc<Callflow>('callflow', random.string(32), { name: conference.name, numbers: conference.conference_numbers as string[], patterns: [], flow: { module: 'conference', data: { id: conference.id }, children: {} } }, ageOf()),
  );

  const faxboxes = plan.didCount >= 3
    ? [
        doc<Faxbox>(
          'faxbox',
          random.string(32),
          {
            name: 'Front desk fax',
            caller_name: 'Front desk',
            caller_id: numbers[plan.didCount - 1]!,
            fax_header: 'pbxkit simulator',
            fax_identity: numbers[plan.didCount - 1]!,
            fax_timezone: 'America/Los_Angeles',
            retries: 3,
            notifications: { inbound: { email: { send_to: [String(users[0]!.email)] } }, outbound: { email: { send_to: [String(users[0]!.email)] } } },
            smtp_permission_list: [],
          },
          ageOf(),
        ),
      ]
    : [];

  const phoneNumbers = numbers.map((number, i) =>
    seededDoc<PhoneNumber>(
      'number',
      accountId,
      number,
      {
        state: i < Math.max(1, plan.didCount - 2) ? 'in_service' : 'reserved',
        features: i === 0 ? ['cnam', 'e911'] : [],
        assigned_to: accountId,
        ...(i < Math.max(1, plan.didCount - 2) ? { used_by: 'callflow' } : {}),
        ...(i === 0 ? { cnam: { display_name: 'pbxkit', inbound_lookup: false }, e911: { street_address: '1 Market St', locality: 'San Francisco', region: 'CA', postal_code: '94105' } } : {}),
      },
      plan.created + DAY,
    ),
  );

  return {
    accountId,
    realm,
    numbers,
    users,
    devices,
    callflows: [...userFlows, mainFlow, checkVoicemail, ...conferenceFlows],
    vmboxes,
    phoneNumbers,
    faxboxes,
    conferences,
  };
}
