import type { SimReply } from '../../framework/reply.js';
import { clientFields, mergePatch, privateFields, publicView, type Json, type Stored } from '../documents.js';
import { buildFilter } from '../query/filters.js';
import { paginate, readPageRequest } from '../query/paging.js';
import type { PhoneNumber } from '../records.js';
import { normalizeNumber } from './auth.js';
import { accountIdOf, dataOf, nowSeconds, param, queryOf, reply, requestValue, type Deps, type KzContext, type Routes } from './common.js';

type StoredNumber = Stored<PhoneNumber>;

const CLASSIFIERS: Record<string, { friendly_name: string; regex: string; pretty_print?: string }> = {
  tollfree_us: { friendly_name: 'US TollFree', regex: '^\\+1((?:800|888|877|866|855)\\d{7})$', pretty_print: 'SS(###) ### - ####' },
  toll_us: { friendly_name: 'US Toll', regex: '^\\+1(900\\d{7})$', pretty_print: 'SS(###) ### - ####' },
  emergency: { friendly_name: 'Emergency Dispatcher', regex: '^(911)$' },
  did_us: { friendly_name: 'US DID', regex: '^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$', pretty_print: 'SS(###) ### - ####' },
  international: { friendly_name: 'International', regex: '^(011\\d*)$|^(00\\d*)$' },
  unknown: { friendly_name: 'Unknown', regex: '^(.*)$' },
};

/**
 * phone_numbers: an account's numbers (listing, documents, states), number search among the fictional
 * 555-01xx numbers nobody owns, collections, classifiers, locality and availability checks.
 */
export function phoneNumberRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  /** `create_with_state` (the contract checks it is a state), `reserved` by default. */
  const creationState = (context: KzContext) => (dataOf(context).create_with_state ?? 'reserved') as PhoneNumber['state'];
  const numberOf = (context: KzContext) => normalizeNumber(param(context, 'phone_number'));
  const owned = (context: KzContext, number = numberOf(context)) => store.phoneNumbers.get(accountIdOf(context), number);

  /** A number as its document shows it: public fields plus `_read_only` facts. */
  const view = (doc: StoredNumber): Json => ({ ...publicView(doc), _read_only: { created: doc.pvt_created, modified: doc.pvt_modified, state: doc.state } });

  const notFound = (context: KzContext) => envelopes.error(context.request, 404, 'bad_identifier', { message: 'bad identifier', not_found: 'The number could not be found', cause: numberOf(context) });

  /** Free numbers: `+1 <NPA> 555 01xx` that no account holds. */
  const search = (prefix: string, quantity: number, offset: number): Json[] => {
    const area = prefix.replace(/^\+?1?/, '').slice(0, 3).padEnd(3, '5');
    const free: Json[] = [];
    for (let line = 50; line < 100 && free.length < offset + quantity; line++) {
      const number = `+1${area}55501${line}`;
      if (!store.phoneNumbers.find(number)) free.push({ number, state: 'discovery' });
    }
    return free.slice(offset, offset + quantity);
  };

  /** A new number of the account, or the 409 answer when some account already has it. */
  const create = (context: KzContext, number: string, state: PhoneNumber['state'], fields: Json = {}): { doc: StoredNumber } | { conflict: SimReply } => {
    if (store.phoneNumbers.find(number)) return { conflict: envelopes.error(context.request, 409, 'number_exists', { message: `number ${number} already exists`, cause: number }) };
    const doc = store.phoneNumbers.insert(accountIdOf(context), number, { features: [], ...fields, state, assigned_to: accountIdOf(context) } as unknown as PhoneNumber, nowSeconds(deps));
    return { doc };
  };
  const created = (context: KzContext, made: ReturnType<typeof create>): SimReply =>
    'conflict' in made ? made.conflict : reply(deps, context, 201, view(made.doc), { revision: made.doc._rev });

  const setState = (state: PhoneNumber['state']) => (context: KzContext): SimReply => {
    const existing = owned(context);
    if (existing) {
      const saved = store.phoneNumbers.replace(existing, { ...(publicView(existing) as PhoneNumber), state }, privateFields(existing), nowSeconds(deps));
      return reply(deps, context, 200, view(saved), { revision: saved._rev });
    }
    if (state === 'in_service' && !store.phoneNumbers.find(numberOf(context)) && !chargesAccepted(context)) return paymentRequired(context, 1);
    return created(context, create(context, numberOf(context), state, numberFields(dataOf(context))));
  };

  /**
   * Buying a number is billable: the simulator's service plan charges 1.00 per number, so the request needs
   * `accept_charges: true` (in `data` or beside it), else 402 `accept charges` with the breakdown.
   */
  const chargesAccepted = (context: KzContext) => requestValue(context, 'accept_charges') === true;
  const paymentRequired = (context: KzContext, quantity: number) =>
    envelopes.error(context.request, 402, 'accept charges', {
      phone_numbers: {
        did_us: { category: 'phone_numbers', item: 'did_us', quantity, rate: 1, single_discount: true, single_discount_rate: 0, cumulative_discount: 0, cumulative_discount_rate: 0, activation_charges: quantity },
      },
      activation_charges: quantity,
    });

  const save = (context: KzContext, doc: StoredNumber, fields: Json): SimReply => {
    const saved = store.phoneNumbers.replace(doc, { ...fields, state: doc.state, assigned_to: doc.pvt_account_id } as unknown as PhoneNumber, privateFields(doc), nowSeconds(deps));
    return reply(deps, context, 200, view(saved), { revision: saved._rev });
  };

  /** `{data: {numbers: [...]}}` → `{success: {number: doc}, error: {number: reason}}`. */
  const collection = (context: KzContext, each: (number: string) => StoredNumber | string): SimReply => {
    const numbers = dataOf(context).numbers;
    if (!Array.isArray(numbers) || numbers.length === 0) return envelopes.invalidField(context.request, 'numbers', 'required', { message: 'Field is required but missing' });
    const success: Json = {};
    const error: Json = {};
    for (const number of numbers.map((n) => normalizeNumber(String(n)))) {
      const result = each(number);
      if (typeof result === 'string') error[number] = { code: result === 'number_exists' ? 409 : 404, error: result, message: result.replace('_', ' '), cause: number };
      else success[number] = view(result);
    }
    return reply(deps, context, 200, { success, error });
  };

  const classify = (number: string) => Object.entries(CLASSIFIERS).find(([, classifier]) => new RegExp(classifier.regex).test(number))!;

  return {
    'GET /accounts/{account_id}/phone_numbers': (context) => {
      const query = queryOf(context);
      const prefix = query.get('prefix');
      if (prefix !== null) return reply(deps, context, 200, search(prefix, Number(query.get('quantity') ?? 1), Number(query.get('offset') ?? 0)));
      const page = paginate(store.phoneNumbers.inAccount(accountIdOf(context)), (doc) => [doc.id], buildFilter(query), { ...readPageRequest(query, deps.pageSizeDefault), ascending: true });
      return reply(deps, context, 200, collectionOf(page.items), page.paging ? { paging: page.paging } : {});
    },
    'GET /phone_numbers': (context) => {
      const query = queryOf(context);
      const prefix = query.get('prefix');
      if (prefix === null) return envelopes.invalidField(context.request, 'prefix', 'required', { message: 'Field is required but missing' });
      return reply(deps, context, 200, search(prefix, Number(query.get('quantity') ?? 1), Number(query.get('offset') ?? 0)));
    },

    'GET /accounts/{account_id}/phone_numbers/{phone_number}': (context) => {
      const doc = owned(context);
      return doc ? reply(deps, context, 200, view(doc), { revision: doc._rev }) : notFound(context);
    },
    'PUT /accounts/{account_id}/phone_numbers/{phone_number}': (context) => {
      return created(context, create(context, numberOf(context), creationState(context), numberFields(dataOf(context))));
    },
    'POST /accounts/{account_id}/phone_numbers/{phone_number}': (context) => {
      const doc = owned(context);
      return doc ? save(context, doc, numberFields(dataOf(context))) : notFound(context);
    },
    'PATCH /accounts/{account_id}/phone_numbers/{phone_number}': (context) => {
      const doc = owned(context);
      return doc ? save(context, doc, mergePatch(clientFields(publicView(doc)), numberFields(dataOf(context)))) : notFound(context);
    },
    'DELETE /accounts/{account_id}/phone_numbers/{phone_number}': (context) => {
      const doc = owned(context);
      if (!doc) return notFound(context);
      store.phoneNumbers.delete(doc.id);
      const state = queryOf(context).get('hard') === 'true' ? 'deleted' : 'available';
      return reply(deps, context, 200, { id: doc.id, state, _read_only: { created: doc.pvt_created, modified: nowSeconds(deps), state } });
    },
    'PUT /accounts/{account_id}/phone_numbers/{phone_number}/activate': setState('in_service'),
    'PUT /accounts/{account_id}/phone_numbers/{phone_number}/reserve': setState('reserved'),
    'PUT /accounts/{account_id}/phone_numbers/{phone_number}/port': setState('port_in'),
    'GET /accounts/{account_id}/phone_numbers/{phone_number}/identify': (context) => {
      const doc = store.phoneNumbers.find(numberOf(context));
      if (!doc) return notFound(context);
      if (doc.state !== 'in_service') return envelopes.error(context.request, 400, 'client error', { account_id: doc.pvt_account_id, cause: 'not_in_service' });
      return reply(deps, context, 200, { account_id: doc.pvt_account_id, number: doc.id });
    },

    'PUT /accounts/{account_id}/phone_numbers/collection': (context) =>
      collection(context, (number) => {
        const made = create(context, number, creationState(context));
        return 'conflict' in made ? 'number_exists' : made.doc;
      }),
    'PUT /accounts/{account_id}/phone_numbers/collection/activate': (context) => {
      const numbers = dataOf(context).numbers;
      const purchases = Array.isArray(numbers) ? numbers.filter((n) => !store.phoneNumbers.find(normalizeNumber(String(n)))).length : 0;
      if (purchases > 0 && !chargesAccepted(context)) return paymentRequired(context, purchases);
      return collection(context, (number) => {
        const existing = owned(context, number);
        if (existing) return store.phoneNumbers.replace(existing, { ...(publicView(existing) as PhoneNumber), state: 'in_service' }, privateFields(existing), nowSeconds(deps));
        const made = create(context, number, 'in_service');
        return 'conflict' in made ? 'number_exists' : made.doc;
      });
    },
    'POST /accounts/{account_id}/phone_numbers/collection': (context) => updateCollection(context, () => numberFields(dataOf(context))),
    'PATCH /accounts/{account_id}/phone_numbers/collection': (context) => updateCollection(context, (doc) => mergePatch(clientFields(publicView(doc)), numberFields(dataOf(context)))),
    'DELETE /accounts/{account_id}/phone_numbers/collection': (context) =>
      collection(context, (number) => {
        const doc = owned(context, number);
        if (!doc) return 'not_found';
        store.phoneNumbers.delete(doc.id);
        return { ...doc, state: 'available' };
      }),

    'GET /accounts/{account_id}/phone_numbers/carriers_info': (context) =>
      reply(deps, context, 200, { maximal_prefix_length: 3, usable_carriers: ['local', 'inventory', 'managed', 'other'], usable_creation_states: ['aging', 'available', 'in_service', 'port_in', 'reserved'] }),
    'POST /accounts/{account_id}/phone_numbers/check': (context) => {
      const numbers = dataOf(context).numbers;
      if (!Array.isArray(numbers)) return envelopes.invalidField(context.request, 'numbers', 'required', { message: 'Field is required but missing' });
      return reply(deps, context, 200, Object.fromEntries(numbers.map((n) => [String(n), store.phoneNumbers.find(normalizeNumber(String(n))) ? 'error' : 'success'])));
    },
    'GET /accounts/{account_id}/phone_numbers/classifiers': (context) => reply(deps, context, 200, CLASSIFIERS),
    'GET /accounts/{account_id}/phone_numbers/classifiers/{phone_number}': (context) => {
      const raw = param(context, 'phone_number');
      const [name, classifier] = classify(raw);
      return reply(deps, context, 200, { name, number: raw, e164: /^\d{3,}$/.test(raw) || raw.startsWith('+') ? normalizeNumber(raw) : raw, ...classifier });
    },
    // Nothing is ever broken in the simulator: "fixing" answers the account's numbers as they are.
    'POST /accounts/{account_id}/phone_numbers/fix': (context) => reply(deps, context, 200, collectionOf(store.phoneNumbers.inAccount(accountIdOf(context)))),
    'POST /accounts/{account_id}/phone_numbers/fix/{phone_number}': (context) => {
      const doc = owned(context);
      return doc ? reply(deps, context, 200, view(doc), { revision: doc._rev }) : notFound(context);
    },
    'POST /accounts/{account_id}/phone_numbers/locality': (context) => {
      const numbers = dataOf(context).numbers;
      if (!Array.isArray(numbers)) return envelopes.invalidField(context.request, 'numbers', 'required', { message: 'Field is required but missing' });
      return reply(deps, context, 200, Object.fromEntries(numbers.map((n) => [String(n), locality(normalizeNumber(String(n)))])));
    },
    'GET /accounts/{account_id}/phone_numbers/prefix': (context) => {
      const city = queryOf(context).get('city');
      const prefixes = CITY_PREFIXES[city?.toLowerCase() ?? ''];
      if (!prefixes) return envelopes.error(context.request, 404, 'bad_identifier', { message: 'City not found', cause: city ?? '' });
      return reply(deps, context, 200, { prefixes });
    },
  };

  function updateCollection(context: KzContext, fieldsOf: (doc: StoredNumber) => Json): SimReply {
    return collection(context, (number) => {
      const doc = owned(context, number);
      if (!doc) return 'not_found';
      return store.phoneNumbers.replace(doc, { ...fieldsOf(doc), state: doc.state, assigned_to: doc.pvt_account_id } as unknown as PhoneNumber, privateFields(doc), nowSeconds(deps));
    });
  }
}

/** The public fields a request sets on numbers: its data without the request-only keys. */
function numberFields(data: Json): Json {
  const { numbers: _numbers, accept_charges: _charges, create_with_state: _state, ...fields } = clientFields(data);
  return fields;
}

const CITY_PREFIXES: Record<string, string[]> = {
  'san francisco': ['415', '628'],
  'new york': ['212', '646', '718'],
  chicago: ['312', '773'],
  boston: ['617'],
  seattle: ['206'],
};

/** The account-numbers listing shape: `{numbers: {<number>: facts}, cascade_quantity}`. */
function collectionOf(docs: readonly StoredNumber[]): Json {
  const numbers = Object.fromEntries(
    docs.map((doc) => [doc.id, { assigned_to: doc.pvt_account_id, created: doc.pvt_created, updated: doc.pvt_modified, features: doc.features, state: doc.state, ...(doc.used_by ? { used_by: doc.used_by } : {}) }]),
  );
  return { cascade_quantity: 0, numbers };
}

const AREAS: Record<string, { locality: string; province: string; postal_code: string }> = {
  '415': { locality: 'San Francisco', province: 'CA', postal_code: '94105' },
  '212': { locality: 'New York', province: 'NY', postal_code: '10001' },
  '312': { locality: 'Chicago', province: 'IL', postal_code: '60601' },
  '617': { locality: 'Boston', province: 'MA', postal_code: '02108' },
};

function locality(number: string): Json {
  const area = AREAS[number.slice(2, 5)];
  if (!area) return { number, e164_number: number, status: 'error', message: 'locality not found' };
  return { number, e164_number: number, country: 'US', status: 'success', geocode: { locality: area.locality }, locality: { ...area, type: 'LANDLINE' } };
}
