/**
 * VoIPstudio collection queries: `filter` (JSON array of {property, operator, value}, ANDed), `sort` +
 * `dir`, `group_by` and 1-based `page`/`limit` paging with `total` counted after filtering and grouping.
 *
 * Comparison rules (the real API documents operators, not semantics; these are the simulator's):
 * - numbers compare numerically (a numeric string value is accepted), booleans accept true/false/1/0;
 * - a bare `YYYY-MM-DD` value compared with a date-time compares whole days, so `eq 2026-11-02`
 *   matches that day and `lte 2026-11-02` includes it; full `YYYY-MM-DD HH:MM:SS` values compare exactly;
 * - `like`/`notlike` are case-insensitive SQL patterns (`%` any run, `_` one character);
 * - `in` takes an array (a comma-separated string works too);
 * - `group_by` keeps the first record (in sort order) of each distinct value of the property.
 */
export interface FilterCondition {
  property: string;
  operator: string;
  value?: unknown;
}

export interface CollectionQuery {
  page?: number;
  limit?: number;
  filter?: FilterCondition[];
  sort?: string;
  dir?: 'ASC' | 'DESC';
  group_by?: string;
}

export interface QueryRules {
  /** Properties a filter, sort or group_by may name. */
  fields: ReadonlySet<string>;
  /** Properties that exist but cannot be filtered on (faxes' `from`/`to`). */
  unfilterable?: ReadonlySet<string>;
}

/** The real default is not documented; 25 is what VoIPstudio's own CLI asks for. */
const DEFAULT_LIMIT = 25;

/** A query the API refuses, answered 400. */
export class CollectionQueryError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

type Row = Record<string, unknown>;

export function queryCollection<T extends object>(rows: readonly T[], query: CollectionQuery, rules: QueryRules): { data: T[]; total: number } {
  const filtered = filterRows(rows, query.filter, rules);
  const sortBy = query.sort ?? (rules.fields.has('id') ? 'id' : undefined);
  const sorted = sortBy === undefined ? filtered : sortRows(filtered, sortBy, query.dir ?? 'ASC', rules);
  const grouped = query.group_by === undefined ? sorted : groupRows(sorted, query.group_by, rules);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const start = ((query.page ?? 1) - 1) * limit;
  return { data: grouped.slice(start, start + limit), total: grouped.length };
}

export function filterRows<T extends object>(rows: readonly T[], filter: readonly FilterCondition[] | undefined, rules: QueryRules): T[] {
  const predicates = (filter ?? []).map((condition) => {
    if (!rules.fields.has(condition.property) || rules.unfilterable?.has(condition.property)) {
      throw new CollectionQueryError('Filtration error', 'filter', `Filtering on "${condition.property}" is not supported`);
    }
    const test = operatorTest(condition);
    return (row: Row) => test(row[condition.property]);
  });
  return rows.filter((row) => predicates.every((matches) => matches(row as Row)));
}

function sortRows<T extends object>(rows: T[], property: string, dir: 'ASC' | 'DESC', rules: QueryRules): T[] {
  requireField(property, 'sort', rules);
  const sign = dir === 'DESC' ? -1 : 1;
  return [...rows].sort((a, b) => sign * compareValues((a as Row)[property], (b as Row)[property]) || compareValues((a as Row).id, (b as Row).id));
}

function groupRows<T extends object>(rows: T[], property: string, rules: QueryRules): T[] {
  requireField(property, 'group_by', rules);
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = JSON.stringify((row as Row)[property] ?? null);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function requireField(property: string, field: string, rules: QueryRules): void {
  if (!rules.fields.has(property)) throw new CollectionQueryError('Validation error', field, `Unknown property "${property}"`);
}

const OPERATORS: Record<string, (actual: unknown, expected: unknown) => boolean> = {
  eq: (a, e) => compare(a, e) === 0,
  ne: (a, e) => compare(a, e) !== 0,
  lt: (a, e) => lessThan(compare(a, e)),
  lte: (a, e) => lessThan(compare(a, e)) || compare(a, e) === 0,
  gt: (a, e) => greaterThan(compare(a, e)),
  gte: (a, e) => greaterThan(compare(a, e)) || compare(a, e) === 0,
  in: (a, e) => listOf(e).some((item) => compare(a, item) === 0),
  like: (a, e) => a !== null && a !== undefined && likePattern(e).test(String(a)),
  notlike: (a, e) => !(a !== null && a !== undefined && likePattern(e).test(String(a))),
};

const SYNONYMS: Record<string, string> = { '=': 'eq', neq: 'ne', '<>': 'ne', '!=': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };

function operatorTest(condition: FilterCondition): (actual: unknown) => boolean {
  const test = OPERATORS[SYNONYMS[condition.operator] ?? condition.operator];
  if (!test) throw new CollectionQueryError('Filtration error', 'filter', `Operator "${condition.operator}" is not supported`);
  return (actual) => test(actual, condition.value);
}

/** NaN when the two cannot be compared (null against a value, a word against a number). */
function compare(actual: unknown, expected: unknown): number {
  if (actual === null || actual === undefined || expected === null || expected === undefined) {
    return (actual ?? null) === (expected ?? null) ? 0 : Number.NaN;
  }
  if (typeof actual === 'number') {
    const wanted = typeof expected === 'number' ? expected : typeof expected === 'string' && expected.trim() !== '' ? Number(expected) : Number.NaN;
    return Math.sign(actual - wanted);
  }
  if (typeof actual === 'boolean') {
    const wanted = expected === true || expected === 1 || expected === 'true' || expected === '1';
    const known = wanted || expected === false || expected === 0 || expected === 'false' || expected === '0';
    return known ? Number(actual) - Number(wanted) : Number.NaN;
  }
  const text = String(actual);
  const wanted = String(expected);
  // A bare date against a date-time compares the day part only.
  const left = /^\d{4}-\d{2}-\d{2}$/.test(wanted) && /^\d{4}-\d{2}-\d{2} /.test(text) ? text.slice(0, 10) : text;
  return left === wanted ? 0 : left < wanted ? -1 : 1;
}

const lessThan = (order: number) => order < 0;
const greaterThan = (order: number) => order > 0;

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? value.split(',').map((item) => item.trim()) : [value];
}

function likePattern(pattern: unknown): RegExp {
  const source = String(pattern ?? '')
    .split('')
    .map((char) => (char === '%' ? '.*' : char === '_' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'is');
}

/** Sort order: nulls first, then numbers, booleans and strings in their natural order. */
function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = typeof a === 'object' ? JSON.stringify(a) : String(a);
  const right = typeof b === 'object' ? JSON.stringify(b) : String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}
