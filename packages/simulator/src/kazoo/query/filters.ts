import { isJsonObject, valueAt } from '../documents.js';

/**
 * Crossbar's query-string filters (`crossbar_filter.erl`), applied to each stored document:
 * - `filter_<key>=<value>`: the value at the dotted key, as text (missing = ''), equals the value; a JSON array
 *   value matches any of its members, other JSON text matches its decoded value;
 * - `filter_not_<key>=<value>`: the negation;
 * - `has_key`, `key_missing`: the key is present / absent; `has_value`, `value_missing`: present and non-empty / not;
 * - `created_from`, `created_to`, `modified_from`, `modified_to`: inclusive bounds on `pvt_created`/`pvt_modified`
 *   (time-ranged listings use created_* as their range instead, see time-range.ts).
 * Conditions combine with AND; a condition that cannot be evaluated is false; other parameters are ignored.
 */
export type DocPredicate = (doc: object) => boolean;

export interface FilterOptions {
  /** Whether created_from/created_to filter documents (false where they select the listing's time range). */
  createdBounds: boolean;
}

export function buildFilter(query: URLSearchParams, options: FilterOptions = { createdBounds: true }): DocPredicate {
  const conditions: DocPredicate[] = [];
  for (const [name, value] of query) {
    const condition = conditionFor(name, value, options);
    if (condition) conditions.push(guard(condition));
  }
  return (doc) => conditions.every((matches) => matches(doc));
}

function conditionFor(name: string, value: string, options: FilterOptions): DocPredicate | undefined {
  if (name.startsWith('filter_not_')) {
    const test = equals(keyPath(name.slice('filter_not_'.length)), value);
    return (doc) => !test(doc);
  }
  if (name.startsWith('filter_')) return equals(keyPath(name.slice('filter_'.length)), value);
  switch (name) {
    case 'has_key':
      return (doc) => valueAt(doc, keyPath(value)) !== undefined;
    case 'key_missing':
      return (doc) => valueAt(doc, keyPath(value)) === undefined;
    case 'has_value':
      return (doc) => isNonEmpty(valueAt(doc, keyPath(value)));
    case 'value_missing':
      return (doc) => !isNonEmpty(valueAt(doc, keyPath(value)));
    case 'created_from':
      return options.createdBounds ? bound('pvt_created', value, (doc, limit) => doc >= limit) : undefined;
    case 'created_to':
      return options.createdBounds ? bound('pvt_created', value, (doc, limit) => doc <= limit) : undefined;
    case 'modified_from':
      return bound('pvt_modified', value, (doc, limit) => doc >= limit);
    case 'modified_to':
      return bound('pvt_modified', value, (doc, limit) => doc <= limit);
    default:
      return undefined;
  }
}

/** `binary_key_to_json_key`: keys split on every dot. */
function keyPath(key: string): string[] {
  return key.split('.');
}

function equals(path: string[], wanted: string): DocPredicate {
  let decoded: unknown;
  let isJson = false;
  try {
    decoded = JSON.parse(wanted);
    isJson = true;
  } catch {
    // plain text: compared as is
  }
  return (doc) => {
    const actual = asText(valueAt(doc, path));
    if (actual === wanted) return true;
    if (!isJson) return false;
    return Array.isArray(decoded) ? decoded.includes(actual) : decoded === actual;
  };
}

/** `kz_json:get_binary_value` with '' for a missing key; objects cannot be compared. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join('');
  throw new TypeError('not comparable as text');
}

function isNonEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.keys(value).length > 0;
  return true;
}

function bound(field: 'pvt_created' | 'pvt_modified', text: string, holds: (doc: number, limit: number) => boolean): DocPredicate {
  const limit = Number(text);
  return (doc) => {
    const time = (doc as Record<string, unknown>)[field];
    if (!Number.isFinite(limit) || typeof time !== 'number') throw new TypeError('not a time');
    return holds(time, limit);
  };
}

/** A filter that throws counts as false (`should_filter_doc`). */
function guard(condition: DocPredicate): DocPredicate {
  return (doc) => {
    try {
      return condition(doc);
    } catch {
      return false;
    }
  };
}
