import { InvalidArgumentError } from '@pbxkit/core';
import type { components } from './generated/schema.js';
import { formatDateTime } from './datetime.js';

export type FilterCondition = components['schemas']['FilterCondition'];
type Scalar = string | number | boolean | null;

/** A value as written in a filter: a Date becomes VoIPstudio's `YYYY-MM-DD HH:MM:SS` (UTC). */
type FilterValue<V> = unknown extends V
  ? Scalar | Date
  : Extract<V, Scalar> | ([Extract<V, string>] extends [never] ? never : Date);

/** The operators VoIPstudio documents, by their word names (`between` is not supported upstream). */
export interface FieldConditions<V> {
  eq?: FilterValue<V>;
  ne?: FilterValue<V>;
  lt?: FilterValue<V>;
  lte?: FilterValue<V>;
  gt?: FilterValue<V>;
  gte?: FilterValue<V>;
  in?: readonly FilterValue<V>[];
  like?: string;
  notlike?: string;
}

/** The declared properties of a record type, without the index signature of open records. */
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
type Fields<T> = [keyof Declared<T>] extends [never] ? Record<string, unknown> : Declared<T>;

/** Per property of `T`: a value (equality) or a set of operator conditions. */
export type Where<T> = { [K in keyof Fields<T> & string]?: FilterValue<Fields<T>[K]> | FieldConditions<Fields<T>[K]> };

const operators = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'like', 'notlike']);

function encode(value: unknown, where: string): FilterCondition['value'] {
  if (value instanceof Date) return formatDateTime(value);
  if (Array.isArray(value)) return value.map((v) => encode(v, where)) as FilterCondition['value'];
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Scalar;
  throw new InvalidArgumentError(`filter ${where}: ${typeof value} is not a string, number, boolean, null or Date`);
}

/**
 * Build the `filter` query parameter from an object: `where<Cdr>({ type: 'I', calldate: { gte: new Date(...) } })`
 * gives `[{property:'type',operator:'eq',value:'I'}, {property:'calldate',operator:'gte',value:'2026-11-01 00:00:00'}]`.
 * Conditions are ANDed by the server.
 */
export function where<T = Record<string, unknown>>(conditions: Where<T>): FilterCondition[] {
  if (conditions === null || typeof conditions !== 'object' || Array.isArray(conditions)) {
    throw new InvalidArgumentError('where() takes an object of property conditions');
  }
  const out: FilterCondition[] = [];
  for (const [property, condition] of Object.entries(conditions as Record<string, unknown>)) {
    if (condition === undefined) continue;
    const isOperatorSet = condition !== null && typeof condition === 'object' && !(condition instanceof Date);
    if (!isOperatorSet) {
      out.push({ property, operator: 'eq', value: encode(condition, property) });
      continue;
    }
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if (!operators.has(operator)) {
        throw new InvalidArgumentError(
          `filter ${property}: unknown operator "${operator}" (use ${[...operators].join(', ')})`,
        );
      }
      if (operator === 'in' && !Array.isArray(value)) {
        throw new InvalidArgumentError(`filter ${property}: "in" takes an array`);
      }
      if (value !== undefined) {
        out.push({ property, operator: operator as FilterCondition['operator'], value: encode(value, property) });
      }
    }
  }
  return out;
}
