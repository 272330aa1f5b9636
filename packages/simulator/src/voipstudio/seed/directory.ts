import type { Random } from '../../framework/random.js';
import { formatDateTime } from '../datetime.js';
import type { CallMeBackSettings, Contact, Ddi, Queue, QueueGroup, User, UserSecrets } from '../records.js';
import { FIXTURES } from './fixtures.js';
import { COMPANIES, CONTACT_GROUPS, FIRST_NAMES, LAST_NAMES } from './names.js';
import { externalNumber } from './phone.js';

const DAY = 86_400_000;

export interface ExternalParty {
  number: string;
  name: string | null;
}

export interface Directory {
  users: User[];
  userSecrets: Map<number, UserSecrets>;
  ddis: Ddi[];
  queues: Queue[];
  queueAgents: Map<number, Map<number, boolean>>;
  queueGroups: QueueGroup[];
  contacts: Contact[];
  callMeBack: CallMeBackSettings[];
  /** People and companies outside the account who call and get called. */
  externals: ExternalParty[];
}

export function seedDirectory(random: Random, now: number): Directory {
  const users = seedUsers(random);
  const userSecrets = new Map(
    users.map((user) => [
      user.id,
      { password: FIXTURES.demo.password, twoFactor: user.id === FIXTURES.twoFactor.userId, sipPassword: `sim-sip-${random.string(12)}` },
    ]),
  );
  const externals = Array.from({ length: 150 }, (_, i): ExternalParty => ({
    number: externalNumber(random),
    name: i % 3 === 2 ? null : i % 5 === 0 ? random.pick(COMPANIES) : `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
  }));
  const ddis = seedDdis();
  const queues = seedQueues(random, users);
  const queueAgents = new Map(queues.map((queue) => [queue.id, new Map(queue.users.map((id) => [id, random.chance(0.7)]))]));
  return {
    users,
    userSecrets,
    ddis,
    queues,
    queueAgents,
    queueGroups: ['Customer care', 'Front office', 'After hours'].map((name, i) => ({ id: 11 + i, name })),
    contacts: seedContacts(random, now, users, externals),
    callMeBack: [
      { id: 15, name: 'Website - contact page', ddi_e164: ddis[0]!.e164, max_call_rate: 5 },
      { id: 16, name: 'Website - pricing page', ddi_e164: ddis[1]!.e164, max_call_rate: 10 },
      { id: 17, name: 'Landing page - spring offer', ddi_e164: null, max_call_rate: null },
    ],
    externals,
  };
}

function seedUsers(random: Random): User[] {
  const named: [string, string, string][] = [
    ['Alex', 'Morgan', FIXTURES.demo.email],
    ['Priya', 'Shah', FIXTURES.twoFactor.email],
  ];
  while (named.length < 12) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const email = `${first}.${last}@example.com`.toLowerCase().replace(/ü/g, 'ue');
    if (!named.some((n) => n[2] === email)) named.push([first, last, email]);
  }
  return named.map(([first, last, email], i) => {
    const id = FIXTURES.demo.userId + i;
    return {
      id,
      ext: String(101 + i),
      email,
      first_name: first,
      last_name: last,
      active: i !== 10,
      dnd: i === 5,
      nb_sip_locations: id === FIXTURES.offlineUserId ? 0 : 1 + (i % 3),
      cli: i % 4 === 3 ? null : `442079460${String(100 + i).padStart(3, '0')}`,
    };
  });
}

function seedDdis(): Ddi[] {
  const numbers: [string, string, boolean][] = [
    ['442079460100', 'London main line', false],
    ['441614960100', 'Manchester office', false],
    ['447700900100', 'Sales mobile', true],
    ['447700900101', 'Support mobile', true],
    ['12125550100', 'New York line', false],
    ['442079460150', 'Fax line', false],
  ];
  return numbers.map(([e164, label, sms], i) => ({ id: 201 + i, e164, label, sms: { enabled: sms }, sms_enabled: sms }));
}

function seedQueues(random: Random, users: User[]): Queue[] {
  const memberIds = users.map((u) => u.id);
  return ['Support', 'Sales', 'Billing', 'Reception'].map((name, i) => ({
    id: 31 + i,
    name,
    number: 601 + i,
    users: memberIds.filter(() => random.chance(0.4)).slice(0, 6),
    ring_strategy: i === 1 ? 'R' : 'A',
    ring_time: 20 + i * 5,
    skip_busy: i !== 2,
  }));
}

function seedContacts(random: Random, now: number, users: User[], externals: ExternalParty[]): Contact[] {
  const contacts: Contact[] = [];
  let id = 90001;
  const created = () => formatDateTime(now - random.int(30, 400) * DAY - random.int(0, DAY));
  for (const party of externals.slice(0, 60)) {
    const isCompany = party.name !== null && (COMPANIES as readonly string[]).includes(party.name);
    const person = isCompany || party.name === null ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : party.name;
    const [first, ...rest] = person.split(' ');
    const company = isCompany ? party.name : random.chance(0.4) ? random.pick(COMPANIES) : null;
    contacts.push({
      id: id++,
      created_at: created(),
      user_id: random.pick(users).id,
      first_name: first ?? null,
      last_name: rest.join(' ') || null,
      group_name: random.chance(0.8) ? random.pick(CONTACT_GROUPS) : null,
      global: random.chance(0.3),
      internal: false,
      rel_user_id: null,
      company,
      email: `${(first ?? 'contact').toLowerCase()}@${company ? company.toLowerCase().replace(/[^a-z]+/g, '') : 'example'}.example`,
      tel: party.number,
      mobile: party.number.startsWith('447') ? party.number : null,
      notes: null,
      labels: [],
    });
  }
  for (const user of users) {
    contacts.push({
      id: id++,
      created_at: created(),
      user_id: null,
      first_name: user.first_name,
      last_name: user.last_name,
      group_name: 'Colleagues',
      global: true,
      internal: true,
      rel_user_id: user.id,
      email: user.email,
      tel: user.ext,
      mobile: null,
      notes: null,
      labels: [],
    });
  }
  return contacts;
}
