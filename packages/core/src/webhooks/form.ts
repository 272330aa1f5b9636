import { badRequest } from './errors.js';
import { assertSafeKey, MAX_DEPTH, MAX_FIELDS, tooDeep, tooManyFields } from './limits.js';

/** A decoded form: nested objects for `key[sub]=v`, arrays for `key[]=v`, strings for every value. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
type Container = { [key: string]: FormValue } | FormValue[];

const wellFormedKey = /^[^[\]]+(?:\[[^[\]]*\])*$/;

/** Decodes one form component in the legacy style Kazoo sends: `+` is a space, then percent-decoding. */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw badRequest('webhook form has malformed percent-encoding');
  }
}

/** `a[b][]` -> `['a', 'b', '']`. */
function keyPath(key: string): string[] {
  if (!wellFormedKey.test(key)) throw badRequest('webhook form has a malformed field name');
  const [head, ...rest] = key.split('[');
  const path = [head!, ...rest.map((segment) => segment.slice(0, -1))];
  if (path.length > MAX_DEPTH) throw tooDeep();
  for (const segment of path) if (segment !== '') assertSafeKey(segment);
  return path;
}

const conflict = () => badRequest('webhook form gives a field twice, or as both a value and an object or list');
const isObject = (value: FormValue | undefined): value is { [key: string]: FormValue } =>
  typeof value === 'object' && !Array.isArray(value);

/** Where the next segment goes in an array: `key[][name]` fills the last item until it already has `name`. */
function arraySlot(array: FormValue[], nextSegment: string | undefined): number {
  const last = array.at(-1);
  const fillsLast = nextSegment !== undefined && nextSegment !== '' && isObject(last) && !Object.hasOwn(last, nextSegment);
  return fillsLast ? array.length - 1 : array.length;
}

/** The container's own entry at `slot`: inherited names such as `toString` are not fields. */
const own = (container: Container, slot: string | number): FormValue | undefined =>
  Object.hasOwn(container, slot) ? (container as Record<string | number, FormValue>)[slot] : undefined;

function place(root: { [key: string]: FormValue }, path: string[], value: string): void {
  let parent: Container = root;
  let slot: string | number = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const segment = path[i]!;
    const wantsArray = segment === '';
    let child = own(parent, slot);
    if (child === undefined) {
      child = wantsArray ? [] : {};
      (parent as Record<string | number, FormValue>)[slot] = child;
    } else if (typeof child === 'string' || Array.isArray(child) !== wantsArray) {
      throw conflict();
    }
    parent = child as Container;
    slot = wantsArray ? arraySlot(child as FormValue[], path[i + 1]) : segment;
  }
  if (own(parent, slot) !== undefined) throw conflict();
  (parent as Record<string | number, FormValue>)[slot] = value;
}

/**
 * Decodes an `application/x-www-form-urlencoded` body or a query string with bracketed keys into nested
 * objects and arrays. Throws `WebhookRequestError` (400) on broken percent-encoding, malformed or reserved
 * keys, conflicting fields, or more nesting or fields than the limits allow.
 */
export function parseBracketedForm(text: string): { [key: string]: FormValue } {
  const root: { [key: string]: FormValue } = {};
  let fields = 0;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    if (++fields > MAX_FIELDS) throw tooManyFields();
    const equals = pair.indexOf('=');
    const key = decodeComponent(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decodeComponent(pair.slice(equals + 1));
    place(root, keyPath(key), value);
  }
  return root;
}
