import { bytes, empty, json, type SimReply } from '../../framework/reply.js';
import { extenOf, fullName } from '../calls.js';
import { parseCsv, toCsv } from '../../framework/csv.js';
import type { Dird } from '../generated.js';
import type { ListOptions } from '../list-query.js';
import type { ConfdUser, PersonalContact, Phonebook, PhonebookContact, Source } from '../records.js';
import { SOURCES } from '../seed/directory.js';
import {
  bodyText,
  callerOf,
  fail,
  failure,
  identity,
  listReply,
  listedTenants,
  reachableTenants,
  withFilteredTotal,
  withTotals,
  type Deps,
  type WazoContext,
  type WazoHandlers,
} from './common.js';

/** The display of every profile: the columns of lookup results and their meaning. */
const DISPLAY = {
  column_headers: ['Name', 'Number', 'Mobile', 'Favorite', 'Personal', 'Email'],
  column_types: ['name', 'number', 'callable', 'favorite', 'personal', 'email'],
};

interface Entry {
  source: string;
  backend: string;
  id: string;
  name: string;
  number: string | null;
  mobile: string | null;
  email: string | null;
  user?: ConfdUser;
}

const contactName = (contact: { firstname?: string; lastname?: string }) => [contact.firstname, contact.lastname].filter(Boolean).join(' ');

/** A personal or phonebook contact as a lookup entry (the source's name is also its backend). */
const contactEntry = (source: string, contact: PhonebookContact): Entry => ({
  source,
  backend: source,
  id: contact.id,
  name: contactName(contact),
  number: contact.number ?? null,
  mobile: null,
  email: contact.email ?? null,
});

/** wazo-dird: lookups over the profile's sources, favorites, personal contacts (with CSV), phonebooks, profiles and sources. */
export function dirdHandlers(deps: Deps): WazoHandlers {
  const { store } = deps;

  /** Every contact the sources of `tenant` hold for `userUuid`. */
  const entries = (tenant: string, userUuid: string): Entry[] => {
    const internal = [...store.confdUsers.values()]
      .filter((user) => user.tenant_uuid === tenant)
      .map((user): Entry => {
        const line = store.lines.get(user.lineIds[0] ?? -1);
        const number = line ? extenOf(line) : null;
        return { source: SOURCES.internal, backend: 'wazo', id: String(user.id), name: fullName(user), number, mobile: user.mobile_phone_number, email: user.email, user };
      });
    const personal = (store.personalContacts.get(userUuid) ?? []).map((contact) => contactEntry(SOURCES.personal, contact));
    const phonebook = [...store.phonebooks.values()]
      .filter((book) => book.tenant_uuid === tenant)
      .flatMap((book) => store.phonebookContacts.get(book.uuid) ?? [])
      .map((contact) => contactEntry(SOURCES.phonebook, contact));
    return [...internal, ...personal, ...phonebook];
  };
  const favoritesOf = (userUuid: string) => store.favorites.get(userUuid) ?? new Set<string>();
  const result = (entry: Entry, userUuid: string): Dird.DirectoryResult => ({
    column_values: [entry.name, entry.number, entry.mobile, favoritesOf(userUuid).has(`${entry.source}/${entry.id}`), entry.source === SOURCES.personal, entry.email],
    relations: {
      xivo_id: entry.user ? store.stackUuid : null,
      agent_id: entry.user?.agent?.id ?? null,
      user_id: entry.user?.id ?? null,
      user_uuid: entry.user?.uuid ?? null,
      endpoint_id: entry.user?.lineIds[0] ?? null,
      source_entry_id: entry.id,
    },
    source: entry.source,
    backend: entry.backend,
  });
  /** The profile named in the path, in the token's tenant; the reply when there is none. */
  const withProfile = (context: WazoContext, run: (tenant: string) => SimReply) => {
    const tenant = callerOf(context).tenantUuid;
    const profile = store.profiles.find((p) => p.name === context.path.profile && p.tenant_uuid === tenant);
    return profile ? run(tenant) : fail(deps, context, failure(404, `No such profile: ${String(context.path.profile)}`, 'unknown-profile'));
  };
  const lookup = (context: WazoContext, userUuid: string) =>
    withProfile(context, (tenant) => {
      const term = String(context.query.term).toLowerCase();
      const found = entries(tenant, userUuid).filter((e) => [e.name, e.number, e.mobile, e.email].some((text) => text?.toLowerCase().includes(term)));
      return json(200, { term: String(context.query.term), ...DISPLAY, results: found.map((e) => result(e, userUuid)) });
    });

  const personalOf = (context: WazoContext) => {
    const user = callerOf(context).userUuid;
    let contacts = store.personalContacts.get(user);
    if (!contacts) store.personalContacts.set(user, (contacts = []));
    return contacts;
  };
  const sameFields = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => key !== 'id'));
    return [...keys].every((key) => a[key] === b[key]);
  };
  const personalNotFound = (context: WazoContext) => fail(deps, context, failure(404, `No such personal contact: ${String(context.path.contact_id)}`, 'unknown-personal-contact'));
  const duplicate = (context: WazoContext) => fail(deps, context, failure(409, 'Duplicated contact', 'duplicate-contact'));
  const withContact = (context: WazoContext, run: (contact: PersonalContact, contacts: PersonalContact[]) => SimReply) => {
    const contacts = personalOf(context);
    const contact = contacts.find((c) => c.id === context.path.contact_id);
    return contact ? run(contact, contacts) : personalNotFound(context);
  };

  const withPhonebook = (context: WazoContext, run: (book: Phonebook) => SimReply) => {
    const book = store.phonebooks.get(String(context.path.phonebook_uuid));
    return book && reachableTenants(deps, context).has(book.tenant_uuid)
      ? run(book)
      : fail(deps, context, failure(404, `No such phonebook: ${String(context.path.phonebook_uuid)}`, 'unknown-phonebook'));
  };
  const phonebookTaken = (tenant: string, name: string, except?: string) =>
    [...store.phonebooks.values()].some((b) => b.tenant_uuid === tenant && b.name === name && b.uuid !== except);
  const phonebookConflict = (context: WazoContext, name: string) => fail(deps, context, failure(409, `Duplicated phonebook: ${name}`, 'duplicate-phonebook'));
  const contactOptions: ListOptions<PhonebookContact> = {
    searchable: (c) => Object.values(c),
    sortable: ['firstname', 'lastname', 'number', 'email', 'id'],
    defaultOrder: 'lastname',
  };
  const byNameOptions = <T extends { name: string }>(): ListOptions<T> => ({ searchable: (row) => [row.name], sortable: ['name', 'uuid'], defaultOrder: 'name' });

  return {
    search: (context) => lookup(context, callerOf(context).userUuid),
    searchForUser: (context) => lookup(context, String(context.path.user_uuid)),

    reverseLookup: (context) =>
      withProfile(context, (tenant) => {
        const exten = String(context.query.exten);
        const digits = (text: string | null) => text?.replace(/[^0-9]/g, '') ?? '';
        const match = entries(tenant, String(context.path.user_uuid)).find((e) => [e.number, e.mobile].some((n) => n !== null && digits(n) === digits(exten) && digits(n) !== ''));
        const view: Dird.ReverseLookupResult = match
          ? { display: match.name, exten, source: match.source, fields: { name: match.name, number: match.number, email: match.email } }
          : { display: null, exten, source: null, fields: {} };
        return json(200, view);
      }),

    listFavorites: (context) =>
      withProfile(context, (tenant) => {
        const user = callerOf(context).userUuid;
        const favorites = favoritesOf(user);
        return json(200, { ...DISPLAY, results: entries(tenant, user).filter((e) => favorites.has(`${e.source}/${e.id}`)).map((e) => result(e, user)) });
      }),

    markAsFavorite: (context) => {
      const { directory, contact } = context.path as { directory: string; contact: string };
      if (!(Object.values(SOURCES) as string[]).includes(directory)) return fail(deps, context, failure(404, `No such source: ${directory}`, 'unknown-source'));
      const user = callerOf(context).userUuid;
      const favorites = favoritesOf(user);
      if (favorites.has(`${directory}/${contact}`)) return fail(deps, context, failure(409, 'Duplicated favorite', 'duplicate-favorite'));
      store.favorites.set(user, favorites.add(`${directory}/${contact}`));
      return empty(204);
    },

    removeFavorite: (context) => {
      const { directory, contact } = context.path as { directory: string; contact: string };
      return favoritesOf(callerOf(context).userUuid).delete(`${directory}/${contact}`)
        ? empty(204)
        : fail(deps, context, failure(404, `No such favorite: ${directory}/${contact}`, 'unknown-favorite'));
    },

    listPersonalContactsForProfile: (context) =>
      withProfile(context, (tenant) => {
        const user = callerOf(context).userUuid;
        return json(200, { ...DISPLAY, results: entries(tenant, user).filter((e) => e.source === SOURCES.personal).map((e) => result(e, user)) });
      }),

    listPersonalContacts: (context) => {
      const contacts = personalOf(context);
      const csv = context.query.format === 'text/csv' || context.request.headers.get('Content-Type')?.startsWith('text/csv');
      if (csv) {
        if (contacts.length === 0) return empty(204);
        const fields = [...new Set(contacts.flatMap((c) => Object.keys(c)))].sort();
        return bytes(new TextEncoder().encode(toCsv(fields, contacts.map((c) => fields.map((f) => String(c[f] ?? ''))))), 'text/csv; charset=utf-8');
      }
      const { order, direction, limit, offset = 0 } = context.query as { order?: string; direction?: string; limit?: number; offset?: number };
      const sorted = order === undefined ? contacts : [...contacts].sort((a, b) => (direction === 'desc' ? -1 : 1) * String(a[order] ?? '').localeCompare(String(b[order] ?? '')));
      return json(200, { items: sorted.slice(offset, limit === undefined ? undefined : offset + limit) });
    },

    addContact: (context) => {
      const contacts = personalOf(context);
      const fields = context.body as Dird.PersonalContactInput;
      if (contacts.some((c) => sameFields(c, fields))) return duplicate(context);
      const contact: PersonalContact = { ...fields, id: crypto.randomUUID() };
      contacts.push(contact);
      return json(201, contact);
    },

    deleteAllPersonalContacts: (context) => {
      store.personalContacts.set(callerOf(context).userUuid, []);
      return empty(204);
    },

    importPersonalContacts: (context) => {
      const [header, ...rows] = parseCsv(bodyText(context.body));
      const contacts = personalOf(context);
      const created: PersonalContact[] = [];
      const failed: Dird.PersonalImportFailure[] = [];
      rows.forEach((row, i) => {
        const line = i + 2;
        if (!header || row.length !== header.length) return failed.push({ line, errors: ['wrong number of fields'] });
        const fields = Object.fromEntries(header.map((name, column) => [name, row[column]!]).filter(([, value]) => value !== ''));
        if (contacts.some((c) => sameFields(c, fields))) return failed.push({ line, errors: ['duplicated contact'] });
        const contact: PersonalContact = { ...fields, id: crypto.randomUUID() };
        contacts.push(contact);
        return created.push(contact);
      });
      if (created.length === 0) return json(400, { reason: ['No contact could be imported', ...failed], timestamp: [deps.now() / 1000], status_code: 400 });
      return json(201, { created, failed });
    },

    getPersonalContact: (context) => withContact(context, (contact) => json(200, contact)),

    editContact: (context) =>
      withContact(context, (contact, contacts) => {
        const fields = context.body as Dird.PersonalContactInput;
        if (contacts.some((c) => c !== contact && sameFields(c, fields))) return duplicate(context);
        const edited: PersonalContact = { ...fields, id: contact.id };
        contacts.splice(contacts.indexOf(contact), 1, edited);
        return json(200, edited);
      }),

    deleteContact: (context) =>
      withContact(context, (contact, contacts) => {
        contacts.splice(contacts.indexOf(contact), 1);
        return empty(204);
      }),

    listPhonebooks: (context) => {
      const tenants = listedTenants(deps, context);
      const options: ListOptions<Phonebook> = { searchable: (b) => [b.name, b.description], sortable: ['name', 'description'], defaultOrder: 'name' };
      return listReply(deps, context, [...store.phonebooks.values()].filter((b) => tenants.has(b.tenant_uuid)), options, withFilteredTotal(identity));
    },

    createPhonebook: (context) => {
      const body = context.body as Dird.PhonebookInput;
      const tenant = callerOf(context).tenantUuid;
      if (phonebookTaken(tenant, body.name)) return phonebookConflict(context, body.name);
      const book: Phonebook = {
        id: Math.max(0, ...[...store.phonebooks.values()].map((b) => b.id)) + 1,
        uuid: crypto.randomUUID(),
        tenant_uuid: tenant,
        name: body.name,
        description: body.description ?? null,
      };
      store.phonebooks.set(book.uuid, book);
      store.phonebookContacts.set(book.uuid, []);
      return json(201, book);
    },

    getPhonebook: (context) => withPhonebook(context, (book) => json(200, book)),

    updatePhonebook: (context) =>
      withPhonebook(context, (book) => {
        const body = context.body as Dird.PhonebookInput;
        if (phonebookTaken(book.tenant_uuid, body.name, book.uuid)) return phonebookConflict(context, body.name);
        Object.assign(book, { name: body.name, description: body.description ?? null });
        return json(200, book);
      }),

    deletePhonebook: (context) =>
      withPhonebook(context, (book) => {
        store.phonebooks.delete(book.uuid);
        store.phonebookContacts.delete(book.uuid);
        return empty(204);
      }),

    listPhonebookContacts: (context) =>
      withPhonebook(context, (book) => listReply(deps, context, store.phonebookContacts.get(book.uuid) ?? [], contactOptions, withFilteredTotal(identity))),

    createPhonebookContact: (context) =>
      withPhonebook(context, (book) => {
        const contacts = store.phonebookContacts.get(book.uuid)!;
        const fields = context.body as Dird.PhonebookContactInput;
        if (contacts.some((c) => sameFields(c, fields))) return duplicate(context);
        const contact: PhonebookContact = { ...fields, id: crypto.randomUUID() };
        contacts.push(contact);
        return json(201, contact);
      }),

    listProfiles: (context) => {
      const tenants = listedTenants(deps, context);
      return listReply(deps, context, store.profiles.filter((p) => tenants.has(p.tenant_uuid ?? '')), byNameOptions(), withTotals(identity));
    },

    listSources: (context) => {
      const tenants = listedTenants(deps, context);
      const options = { ...byNameOptions<Source>(), sortable: ['name', 'backend', 'uuid'] };
      return listReply(deps, context, store.sources.filter((s) => tenants.has(s.tenant_uuid ?? '')), options, withTotals(identity));
    },
  };
}
