import { badRequest } from './errors.js';

/** How deep a decoded body may nest (the top-level object counts as 1). */
export const MAX_DEPTH = 32;
/** How many fields (form pairs, or JSON properties and array items) a decoded body may hold. */
export const MAX_FIELDS = 10_000;

const reserved = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses a key that could reach an object's prototype if the payload were ever merged into another object. */
export function assertSafeKey(key: string): void {
  if (reserved.has(key)) throw badRequest('webhook body uses a reserved key (__proto__, constructor or prototype)');
}

export const tooDeep = () => badRequest(`webhook body nests deeper than ${MAX_DEPTH} levels`);
export const tooManyFields = () => badRequest(`webhook body has more than ${MAX_FIELDS} fields`);

/** Checks a parsed JSON (or pre-parsed) value against the key guard and the depth and field limits. */
export function assertSafeStructure(value: unknown): void {
  let fields = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > MAX_DEPTH) throw tooDeep();
    const entries = Array.isArray(next.value) ? next.value.entries() : Object.entries(next.value);
    for (const [key, child] of entries) {
      if (typeof key === 'string') assertSafeKey(key);
      if (++fields > MAX_FIELDS) throw tooManyFields();
      pending.push({ value: child, depth: next.depth + 1 });
    }
  }
}
