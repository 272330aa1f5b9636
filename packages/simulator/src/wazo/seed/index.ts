import { createRandom } from '../../framework/random.js';
import type { WazoStore } from '../store.js';
import { seedChat } from './chat.js';
import { seedDirectory } from './directory.js';
import { FIXTURES } from './fixtures.js';
import { seedHistory } from './history.js';
import { seedLive } from './live.js';
import { seedPeople } from './people.js';

const byKey = <K, T>(rows: readonly T[], key: (row: T) => K) => new Map(rows.map((row) => [key(row), row]));

/** A fresh, deterministic store: the same seed and clock give the same records. */
export function seedStore(seed: number, now: number): WazoStore {
  const random = createRandom(seed);
  const people = seedPeople(random, now);
  const live = seedLive(random, now, people);
  const directory = seedDirectory(random, people);
  const chat = seedChat(random, now, people);
  return {
    stackUuid: FIXTURES.stackUuid,
    tenants: byKey(people.tenants, (t) => t.uuid),
    authUsers: byKey(people.authUsers, (u) => u.uuid),
    authSecrets: people.authSecrets,
    userPolicies: people.userPolicies,
    groups: byKey(people.groups, (g) => g.uuid),
    groupMembers: people.groupMembers,
    groupPolicies: people.groupPolicies,
    policies: byKey(people.policies, (p) => p.uuid),
    confdUsers: byKey(people.confdUsers, (u) => u.uuid),
    lines: byKey(people.lines, (l) => l.id),
    endpoints: byKey(people.endpoints, (e) => e.uuid),
    voicemails: byKey(people.voicemails, (v) => v.id),
    conferences: byKey(live.conferences, (c) => c.id),
    switchboards: byKey(live.switchboards, (s) => s.uuid),
    applications: byKey(live.applications, (a) => a.uuid),
    calls: byKey(live.calls, (c) => c.call_id),
    channelSequence: live.channelSequence,
    voicemailMessages: byKey(live.voicemailMessages, (m) => m.id),
    greetings: new Map(),
    transfers: new Map(),
    relocates: new Map(),
    faxes: [],
    participants: live.participants,
    switchboardCalls: live.switchboardCalls,
    applicationCalls: live.applicationCalls,
    applicationNodes: live.applicationNodes,
    snoops: new Map(),
    playbacks: new Map(),
    profiles: directory.profiles,
    sources: directory.sources,
    personalContacts: directory.personalContacts,
    phonebooks: byKey(directory.phonebooks, (p) => p.uuid),
    phonebookContacts: directory.phonebookContacts,
    favorites: directory.favorites,
    agents: byKey(people.agents, (a) => a.id),
    queues: byKey(people.queues, (q) => q.id),
    cdrs: seedHistory(random, now, people),
    exports: new Map(),
    presences: byKey(chat.presences, (p) => p.uuid),
    rooms: byKey(chat.rooms, (r) => r.uuid),
    messages: chat.messages,
  };
}
