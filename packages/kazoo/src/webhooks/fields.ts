import { InvalidArgumentError } from '@pbxkit/core';
import { webhookFieldTypes } from '../generated/events.js';
import type { KazooWebhookHook } from './event.js';

type FieldKind = 'integer' | 'number' | 'boolean' | 'gregorian';

const integerText = /^-?\d+$/;
const numberText = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const booleans: Record<string, boolean> = { true: true, false: false };
const describe: Record<FieldKind, string> = {
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  gregorian: 'Gregorian seconds (an integer)',
};

const fieldTypes = webhookFieldTypes as Partial<Record<string, Partial<Record<string, FieldKind>>>>;
const kindsOf = (hook: KazooWebhookHook) => fieldTypes[hook] ?? {};

function decodeValue(kind: FieldKind, value: unknown): unknown {
  if (kind === 'boolean') return typeof value === 'boolean' ? value : booleans[String(value)];
  const number = typeof value === 'number' ? value : typeof value === 'string' && (kind === 'number' ? numberText : integerText).test(value) ? Number(value) : NaN;
  if (kind === 'number') return Number.isFinite(number) ? number : undefined;
  return Number.isSafeInteger(number) ? number : undefined;
}

/**
 * The payload with its top-level non-string fields (per the spec's `webhookFieldTypes`) decoded from the
 * strings a form or query string carries; JSON values of the right type pass as they are. Throws
 * `InvalidArgumentError` naming the first field that does not decode.
 */
export function decodeFields(hook: KazooWebhookHook, payload: Record<string, unknown>): Record<string, unknown> {
  const data = { ...payload };
  for (const [field, kind] of Object.entries(kindsOf(hook))) {
    const value = data[field];
    if (value === undefined || value === null || kind === undefined) continue;
    const decoded = decodeValue(kind, value);
    if (decoded === undefined) throw new InvalidArgumentError(`Kazoo webhook field \`${field}\` is not ${describe[kind]}`);
    data[field] = decoded;
  }
  return data;
}

/** Whether the hook's `timestamp` is Gregorian seconds, so that the event gets a `time`. */
export const hasGregorianTimestamp = (hook: KazooWebhookHook): boolean => kindsOf(hook).timestamp === 'gregorian';
