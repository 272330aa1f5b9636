import type { Random } from '../../framework/random.js';
import { uuid } from '../ids.js';
import { ADMIN_ACL, DEFAULT_ADMIN_POLICY, DEFAULT_USER_POLICY, USER_ACL } from '../policies.js';
import type { Agent, AgentQueue, AuthUser, AuthUserSecrets, ConfdUser, ConfdVoicemail, EndpointSip, Group, Line, Policy, Tenant } from '../records.js';
import { isoWithOffset } from '../time.js';
import { DEMO_PASSWORD, FIXTURES, TENANTS } from './fixtures.js';
import { FIRST_NAMES, LAST_NAMES, fictionalNumber } from './names.js';

/** The stack's tenants, identities, PBX users with their lines, voicemail boxes and agents. */
export interface People {
  tenants: Tenant[];
  authUsers: AuthUser[];
  authSecrets: Map<string, AuthUserSecrets>;
  userPolicies: Map<string, Set<string>>;
  policies: Policy[];
  groups: Group[];
  groupMembers: Map<string, Set<string>>;
  groupPolicies: Map<string, Set<string>>;
  confdUsers: ConfdUser[];
  lines: Line[];
  endpoints: EndpointSip[];
  voicemails: ConfdVoicemail[];
  agents: Agent[];
  queues: AgentQueue[];
}

interface PersonSpec {
  uuid: string;
  tenant: string;
  username: string;
  firstname: string;
  lastname: string;
  exten: string | null;
  subscriptionType: number | null;
  role: 'user' | 'admin';
  /** Extra policies by slug (carol's `!call-logd.#`). */
  policies?: string[];
  voicemail?: boolean;
  agentNumber?: string;
  webrtcLine?: boolean;
  authorizations?: string[];
}

const NO_CALL_LOGS_POLICY = 'pbxkit-no-call-logs';
const SWITCHBOARD_POLICY = 'pbxkit-switchboard-operator';
const SWITCHBOARD_ACL = ['calld.switchboards.#', 'confd.switchboards.read', 'confd.switchboards.*.read'];

export function seedPeople(random: Random, now: number): People {
  const tenants = seedTenants();
  const policies = seedPolicies();
  const policyBySlug = new Map(policies.map((policy) => [policy.slug, policy.uuid]));
  const { groups, groupPolicies } = seedGroups(random, tenants, policyBySlug);
  const groupMembers = new Map(groups.map((group) => [group.uuid, new Set<string>()]));
  const people: People = {
    tenants,
    authUsers: [],
    authSecrets: new Map(),
    userPolicies: new Map(),
    policies,
    groups,
    groupMembers,
    groupPolicies,
    confdUsers: [],
    lines: [],
    endpoints: [],
    voicemails: [],
    agents: [],
    queues: seedQueues(),
  };
  const ids = { user: 1, line: 1, voicemail: 1, agent: 1 };
  for (const person of personSpecs(random)) addPerson(people, person, ids, random, now, policyBySlug);
  people.voicemails.push(globalVoicemail());
  for (const [number, tenant] of [['8001', TENANTS.acme], ['8002', TENANTS.acme], ['9001', TENANTS.globex]] as const) {
    people.agents.push(agent(ids.agent++, number, tenant, null, people.queues));
  }
  return people;
}

function seedTenants(): Tenant[] {
  const tenant = (uuid: string, parent: string, name: string, slug: string, domain: string): Tenant => ({
    uuid,
    parent_uuid: parent,
    name,
    slug,
    contact: null,
    phone: null,
    domain_names: [domain],
    address: { line_1: null, line_2: null, city: 'Montréal', state: 'QC', country: 'CA', zip_code: null },
    default_authentication_method: 'native',
  });
  return [
    tenant(TENANTS.master, TENANTS.master, 'master', 'master', 'wazo.example.com'),
    tenant(TENANTS.acme, TENANTS.master, 'Acme', 'acme', 'acme.example.com'),
    tenant(TENANTS.acmeEast, TENANTS.acme, 'Acme East', 'acme_east', 'east.acme.example.com'),
    tenant(TENANTS.globex, TENANTS.master, 'Globex', 'globex', 'globex.example.com'),
  ];
}

function seedPolicies(): Policy[] {
  const policy = (uuid: string, tenant: string, name: string, slug: string, description: string, acl: readonly string[], shared: boolean, readOnly: boolean): Policy => ({
    uuid,
    tenant_uuid: tenant,
    name,
    slug,
    description,
    acl: [...acl],
    read_only: readOnly,
    shared,
  });
  return [
    policy('1a2b3c4d-0001-4000-8000-00000000a001', TENANTS.master, DEFAULT_USER_POLICY, DEFAULT_USER_POLICY, 'Default Wazo policy for users', USER_ACL, true, true),
    policy('1a2b3c4d-0001-4000-8000-00000000a002', TENANTS.master, DEFAULT_ADMIN_POLICY, DEFAULT_ADMIN_POLICY, 'Default Wazo policy for administrators', ADMIN_ACL, true, true),
    policy('1a2b3c4d-0001-4000-8000-00000000a003', TENANTS.acme, 'No call logs', NO_CALL_LOGS_POLICY, 'Hides the call history', ['!call-logd.#'], false, false),
    policy('1a2b3c4d-0001-4000-8000-00000000a004', TENANTS.acme, 'Switchboard operator', SWITCHBOARD_POLICY, 'Answers the Reception switchboard', SWITCHBOARD_ACL, false, false),
  ];
}

/** Each tenant has its default user and admin groups (system managed), Acme also a `sales` group. */
function seedGroups(random: Random, tenants: Tenant[], policyBySlug: Map<string, string>) {
  const groups: Group[] = [];
  const groupPolicies = new Map<string, Set<string>>();
  const add = (tenant: Tenant, name: string, slug: string, system: boolean, policySlug?: string) => {
    const group: Group = { uuid: uuid(random), tenant_uuid: tenant.uuid, name, slug, read_only: system, system_managed: system };
    groups.push(group);
    groupPolicies.set(group.uuid, new Set(policySlug ? [policyBySlug.get(policySlug)!] : []));
  };
  for (const tenant of tenants) {
    add(tenant, `wazo-all-users-tenant-${tenant.uuid}`, `wazo-all-users-tenant-${tenant.slug}`, true, DEFAULT_USER_POLICY);
    add(tenant, `wazo_default_admin_group_${tenant.slug}`, `wazo_default_admin_group_${tenant.slug}`, true, DEFAULT_ADMIN_POLICY);
  }
  add(tenants.find((t) => t.uuid === TENANTS.acme)!, 'Sales', 'sales', false);
  return { groups, groupPolicies };
}

function seedQueues(): AgentQueue[] {
  const queue = (id: number, name: string, display: string, tenant: string): AgentQueue => ({ id, name, display_name: display, tenant_uuid: tenant });
  return [
    queue(1, 'sales', 'Sales', TENANTS.acme),
    queue(2, 'support', 'Support', TENANTS.acme),
    queue(3, 'billing', 'Billing', TENANTS.acme),
    queue(4, 'helpdesk', 'Helpdesk', TENANTS.globex),
  ];
}

function personSpecs(random: Random): PersonSpec[] {
  const { alice, bob, carol, admin, erin, gary } = FIXTURES.users;
  const fixture = (u: typeof alice, tenant: string, extra: Partial<PersonSpec> = {}): PersonSpec => ({
    uuid: u.uuid,
    tenant,
    username: u.username,
    firstname: u.firstname,
    lastname: u.lastname,
    exten: u.exten,
    subscriptionType: u.subscriptionType,
    role: 'user',
    voicemail: true,
    ...extra,
  });
  const colleagues = (tenant: string, count: number, firstExten: number, offset: number): PersonSpec[] =>
    Array.from({ length: count }, (_, i) => {
      const firstname = FIRST_NAMES[(i + offset) % FIRST_NAMES.length]!;
      const lastname = LAST_NAMES[(i * 7 + offset) % LAST_NAMES.length]!;
      return {
        uuid: uuid(random),
        tenant,
        username: `${firstname}.${lastname}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, ''),
        firstname,
        lastname,
        exten: String(firstExten + i),
        subscriptionType: i % 4,
        role: 'user' as const,
        voicemail: i % 3 !== 2,
      };
    });
  return [
    fixture(alice, TENANTS.acme, { agentNumber: '1001', webrtcLine: true, policies: [SWITCHBOARD_POLICY], authorizations: [FIXTURES.authorizationName, 'meetings'] }),
    fixture(bob, TENANTS.acme, { voicemail: false }),
    fixture(carol, TENANTS.acme, { policies: [NO_CALL_LOGS_POLICY], agentNumber: '1003' }),
    fixture(admin, TENANTS.acme, { role: 'admin', voicemail: false }),
    ...colleagues(TENANTS.acme, 15, 1004, 0),
    fixture(erin, TENANTS.acmeEast, { agentNumber: '2001' }),
    ...colleagues(TENANTS.acmeEast, 3, 2002, 5),
    fixture(gary, TENANTS.globex),
    ...colleagues(TENANTS.globex, 3, 3002, 11),
  ];
}

type Counters = Record<'user' | 'line' | 'voicemail' | 'agent', number>;

function addPerson(people: People, person: PersonSpec, ids: Counters, random: Random, now: number, policyBySlug: Map<string, string>): void {
  const tenant = people.tenants.find((t) => t.uuid === person.tenant)!;
  const email = `${person.username}@${tenant.domain_names[0]}`;
  people.authUsers.push({
    uuid: person.uuid,
    tenant_uuid: person.tenant,
    username: person.username,
    firstname: person.firstname,
    lastname: person.lastname,
    purpose: 'user',
    authentication_method: 'default',
    enabled: true,
    emails: [{ uuid: uuid(random), address: email, main: true, confirmed: true }],
  });
  people.authSecrets.set(person.uuid, {
    password: DEMO_PASSWORD,
    authorizations: (person.authorizations ?? []).map((name) => ({ uuid: uuid(random), service: 'portal', rules: [{ name, options: {} }] })),
  });
  people.userPolicies.set(person.uuid, new Set((person.policies ?? []).map((slug) => policyBySlug.get(slug)!)));
  const groupSlug = person.role === 'admin' ? `wazo_default_admin_group_${tenant.slug}` : `wazo-all-users-tenant-${tenant.slug}`;
  for (const group of people.groups) {
    if (group.tenant_uuid === tenant.uuid && group.slug === groupSlug) people.groupMembers.get(group.uuid)!.add(person.uuid);
    if (group.slug === 'sales' && ['alice', 'bob'].includes(person.username)) people.groupMembers.get(group.uuid)!.add(person.uuid);
  }
  if (person.exten === null) return;

  const id = ids.user++;
  const fullName = `${person.firstname} ${person.lastname}`;
  const lineIds: number[] = [];
  const addLine = (webrtc: boolean) => {
    const lineId = ids.line++;
    const name = random.string(8, 'abcdefghijklmnopqrstuvwxyz0123456789');
    const endpoint: EndpointSip = {
      uuid: uuid(random),
      tenant_uuid: person.tenant,
      name,
      label: `${fullName}${webrtc ? ' web' : ''}`,
      asterisk_id: null,
      aor_section_options: [['max_contacts', webrtc ? '10' : '1'], ['remove_existing', 'yes']],
      auth_section_options: [['username', name], ['password', `sim-${random.string(12)}`]],
      endpoint_section_options: [['callerid', `"${fullName}" <${person.exten}>`], ...(webrtc ? [['webrtc', 'yes'] as [string, string]] : [])],
      identify_section_options: [],
      registration_section_options: [],
      registration_outbound_auth_section_options: [],
      outbound_auth_section_options: [],
      templates: [{ uuid: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', label: webrtc ? 'webrtc' : 'global' }],
      transport: { uuid: '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a' },
      line: { id: lineId },
      trunk: null,
      links: [{ rel: 'endpoint_sip', href: `/api/confd/1.1/endpoints/sip/${name}` }],
    };
    people.endpoints.push(endpoint);
    people.lines.push({
      id: lineId,
      name,
      tenant_uuid: person.tenant,
      context: 'default',
      protocol: 'sip',
      position: lineIds.length + 1,
      caller_id_name: fullName,
      caller_id_num: person.exten,
      provisioning_code: String(random.int(100000, 999999)),
      provisioning_extension: null,
      registrar: 'default',
      device_id: webrtc ? null : random.string(32),
      device_slot: 1,
      is_webrtc: webrtc,
      application: null,
      endpoint_sip: { uuid: endpoint.uuid, label: endpoint.label, name, auth_section_options: endpoint.auth_section_options },
      endpoint_sccp: null,
      endpoint_custom: null,
      extensions: [{ id: lineId + 100, exten: person.exten!, context: 'default' }],
      users: [{ uuid: person.uuid, firstname: person.firstname, lastname: person.lastname }],
      links: [{ rel: 'lines', href: `/api/confd/1.1/lines/${lineId}` }],
    });
    lineIds.push(lineId);
  };
  addLine(false);
  if (person.webrtcLine) addLine(true);

  let voicemail: ConfdUser['voicemail'] = null;
  if (person.voicemail) {
    const vm: ConfdVoicemail = {
      id: ids.voicemail++,
      tenant_uuid: person.tenant,
      name: fullName,
      number: person.exten,
      context: 'default',
      password: null,
      email,
      pager: null,
      language: 'en_US',
      timezone: 'eu-fr',
      max_messages: 100,
      attach_audio: false,
      delete_messages: false,
      ask_password: true,
      enabled: true,
      accesstype: 'personal',
      options: [],
      links: [],
      users: [{ uuid: person.uuid, firstname: person.firstname, lastname: person.lastname }],
    };
    people.voicemails.push(vm);
    voicemail = { id: vm.id, name: vm.name };
  }

  let agentRef: ConfdUser['agent'] = null;
  if (person.agentNumber) {
    const agentId = ids.agent++;
    people.agents.push(agent(agentId, person.agentNumber, person.tenant, person.uuid, people.queues));
    agentRef = { id: agentId, number: person.agentNumber };
  }

  people.confdUsers.push({
    id,
    uuid: person.uuid,
    tenant_uuid: person.tenant,
    firstname: person.firstname,
    lastname: person.lastname,
    email,
    timezone: 'America/Montreal',
    country: 'CA',
    language: 'en_US',
    description: null,
    caller_id: `"${fullName}"`,
    outgoing_caller_id: 'default',
    mobile_phone_number: fictionalNumber(200 + id),
    mobile_fallback_enabled: false,
    username: null,
    password: null,
    music_on_hold: null,
    preprocess_subroutine: null,
    userfield: null,
    call_transfer_enabled: true,
    dtmf_hangup_enabled: false,
    call_record_enabled: false,
    call_record_outgoing_external_enabled: false,
    call_record_outgoing_internal_enabled: false,
    call_record_incoming_external_enabled: false,
    call_record_incoming_internal_enabled: false,
    online_call_record_enabled: person.username === 'alice',
    supervision_enabled: true,
    ring_seconds: 30,
    simultaneous_calls: 5,
    call_permission_password: null,
    subscription_type: person.subscriptionType ?? 0,
    created_at: isoWithOffset(now - (400 - id) * 86_400_000),
    enabled: true,
    func_key_template_id: null,
    links: [{ rel: 'users', href: `/api/confd/1.1/users/${id}` }],
    agent: agentRef,
    call_permissions: [],
    call_pickup_target_users: [],
    fallbacks: { noanswer_destination: null, busy_destination: null, congestion_destination: null, fail_destination: null },
    groups: [],
    incalls: [],
    forwards: {
      busy: { enabled: false, destination: null },
      noanswer: { enabled: false, destination: null },
      unconditional: { enabled: false, destination: null },
    },
    schedules: [],
    services: { dnd: { enabled: false }, incallfilter: { enabled: false } },
    switchboards: [],
    voicemail,
    queues: [],
    lineIds,
  });
}

function agent(id: number, number: string, tenant: string, userUuid: string | null, queues: AgentQueue[]): Agent {
  return {
    id,
    tenant_uuid: tenant,
    origin_uuid: FIXTURES.stackUuid,
    number,
    logged: false,
    paused: false,
    paused_reason: null,
    extension: null,
    context: null,
    state_interface: null,
    queues: queues
      .filter((queue) => queue.tenant_uuid === tenant)
      .slice(0, 2)
      .map(({ id: queueId, name, display_name }) => ({ id: queueId, name, display_name, logged: false, paused: false, paused_reason: null })),
    userUuid,
  };
}

function globalVoicemail(): ConfdVoicemail {
  return {
    id: 100,
    tenant_uuid: TENANTS.acme,
    name: 'Acme reception',
    number: '1900',
    context: 'default',
    password: null,
    email: null,
    pager: null,
    language: 'en_US',
    timezone: 'eu-fr',
    max_messages: 100,
    attach_audio: false,
    delete_messages: false,
    ask_password: false,
    enabled: true,
    accesstype: 'global',
    options: [],
    links: [],
    users: [],
  };
}
