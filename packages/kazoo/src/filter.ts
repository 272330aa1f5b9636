import { InvalidArgumentError } from '@pbxkit/core';
import type { components } from './generated/schema.js';
import { toGregorian } from './gregorian.js';

/** The `filter` query option of every Kazoo listing (see the Filter schema). */
export type KazooFilter = components['schemas']['Filter'];

/** The seed SDK's filter pair; `value` may itself be a pair, which nests the key (`a.b`). */
interface Pair {
  key: string;
  value: unknown;
}

const keyConditions = ['has_key', 'key_missing', 'has_value', 'value_missing'] as const;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const isPair = (value: unknown): value is Pair =>
  isPlainObject(value) && typeof value.key === 'string' && 'value' in value && Object.keys(value).length === 2;

/** A single value as JSON: a Date as Gregorian seconds. */
function scalar(key: string, value: unknown): string | number | boolean {
  if (value instanceof Date) return toGregorian(value);
  if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
  throw new InvalidArgumentError(`filter \`${key}\` must be a string, number, boolean, Date, list of those or nested object`);
}

/** One filter value as Kazoo compares it: text; a list of allowed values as a JSON array. */
const filterValue = (key: string, value: unknown): string =>
  Array.isArray(value) ? JSON.stringify(value.map((item) => scalar(key, item))) : String(scalar(key, value));

/** `{ a: { b: 1 } }` → `[['a.b', 1]]`; a pair `{ key, value }` counts as `{ [key]: value }`. */
function flatten(value: unknown, prefix = ''): [string, unknown][] {
  if (isPair(value)) return flatten({ [value.key]: value.value }, prefix);
  if (!isPlainObject(value)) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => {
    if (key === '') throw new InvalidArgumentError('filter keys cannot be empty');
    const path = prefix ? `${prefix}.${key}` : key;
    return isPlainObject(inner) ? flatten(inner, path) : [[path, inner] as [string, unknown]];
  });
}

/**
 * The `kazoo-filter` query serializer: `{ first_name: 'James', not: { enabled: false }, has_key: 'email' }`
 * becomes `filter_first_name=James&filter_not_enabled=false&has_key=email`. Also takes the seed SDK's
 * `{ key, value }` pairs (one, or a list), nested pairs included. A filter object with exactly the keys
 * `key` and `value` is read as a pair: to filter on fields named so, use the list form.
 */
export function kazooFilterSerializer(_name: string, filter: unknown): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const entries = Array.isArray(filter) ? filter : [filter];
  for (const entry of entries) {
    if (!isPlainObject(entry)) throw new InvalidArgumentError('filter must be an object, a { key, value } pair or a list of pairs');
    const object = isPair(entry) ? { [entry.key]: entry.value } : entry;
    for (const [key, value] of Object.entries(object)) {
      if (key === '') throw new InvalidArgumentError('filter keys cannot be empty');
      if ((keyConditions as readonly string[]).includes(key)) {
        const keys = Array.isArray(value) ? value : [value];
        if (!keys.every((item) => typeof item === 'string' && item)) throw new InvalidArgumentError(`filter \`${key}\` takes a key or a list of keys`);
        query[key] = keys;
      } else if (key === 'not') {
        for (const [path, inner] of flatten(value)) query[`filter_not_${path}`] = filterValue(path, inner);
      } else {
        for (const [path, inner] of flatten(value, key)) query[`filter_${path}`] = filterValue(path, inner);
      }
    }
  }
  return query;
}
