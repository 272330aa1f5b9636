import type { Random } from '../../framework/random.js';
import { uuid } from '../ids.js';
import type { PersonalContact, Phonebook, PhonebookContact, Profile, Source } from '../records.js';
import { FIXTURES, TENANTS } from './fixtures.js';
import type { People } from './people.js';
import { COMPANIES, FIRST_NAMES, LAST_NAMES, fictionalNumber } from './names.js';

/** Source names of wazo-dird's sources (the same in every tenant). */
export const SOURCES = { internal: 'internal', personal: 'personal', phonebook: 'phonebook' } as const;

export interface Directory {
  profiles: Profile[];
  sources: Source[];
  personalContacts: Map<string, PersonalContact[]>;
  phonebooks: Phonebook[];
  phonebookContacts: Map<string, PhonebookContact[]>;
  favorites: Map<string, Set<string>>;
}

/** A `default` profile per tenant over its three sources; Acme's phonebook; alice's and bob's personal contacts. */
export function seedDirectory(random: Random, people: People): Directory {
  const sources: Source[] = [];
  const profiles: Profile[] = [];
  for (const tenant of people.tenants) {
    const own = Object.values(SOURCES).map((name) => ({ uuid: uuid(random), tenant_uuid: tenant.uuid, name, backend: name === 'internal' ? 'wazo' : name }));
    sources.push(...own);
    const refs = own.map((source) => ({ uuid: source.uuid }));
    profiles.push({
      uuid: uuid(random),
      tenant_uuid: tenant.uuid,
      name: 'default',
      display: { uuid: uuid(random) },
      services: { lookup: { sources: refs }, favorites: { sources: refs }, reverse: { sources: refs, options: { timeout: 1 } } },
    });
  }

  const phonebooks: Phonebook[] = [
    { id: 1, uuid: FIXTURES.phonebookUuid, tenant_uuid: TENANTS.acme, name: 'Customers', description: "Acme's customers and suppliers" },
    { id: 2, uuid: uuid(random), tenant_uuid: TENANTS.globex, name: 'Partners', description: null },
  ];
  const contact = (i: number) => {
    const firstname = FIRST_NAMES[(i * 5 + 3) % FIRST_NAMES.length]!;
    const lastname = LAST_NAMES[(i * 11 + 2) % LAST_NAMES.length]!;
    const company = COMPANIES[i % COMPANIES.length]!;
    return {
      firstname,
      lastname,
      number: fictionalNumber(i),
      email: `${firstname}.${lastname}@${company.toLowerCase().replace(/\s/g, '')}.example`.toLowerCase(),
      entreprise: company,
    };
  };
  const bookContacts = (count: number, from: number): PhonebookContact[] =>
    Array.from({ length: count }, (_, i) => {
      const { firstname, lastname, number, email } = contact(from + i);
      return { id: uuid(random), firstname, lastname, number, email };
    });
  const phonebookContacts = new Map([
    [FIXTURES.phonebookUuid, bookContacts(40, 0)],
    [phonebooks[1]!.uuid, bookContacts(5, 60)],
  ]);
  const personal = (count: number, from: number): PersonalContact[] =>
    Array.from({ length: count }, (_, i) => ({ id: uuid(random), ...contact(from + i), note: i % 4 === 0 ? 'Met at the trade show' : '' }));
  const personalContacts = new Map<string, PersonalContact[]>([
    [FIXTURES.users.alice.uuid, personal(15, 40)],
    [FIXTURES.users.bob.uuid, personal(3, 70)],
  ]);
  const bob = people.confdUsers.find((user) => user.uuid === FIXTURES.users.bob.uuid)!;
  const favorites = new Map([
    [FIXTURES.users.alice.uuid, new Set([`${SOURCES.internal}/${bob.id}`, `${SOURCES.phonebook}/${phonebookContacts.get(FIXTURES.phonebookUuid)![0]!.id}`])],
  ]);
  return { profiles, sources, personalContacts, phonebooks, phonebookContacts, favorites };
}
