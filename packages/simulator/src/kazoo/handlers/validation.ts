import { valueAt, type Json } from '../documents.js';
import type { ValidationData } from '../envelope.js';

/**
 * The rules of a document type that the simulator enforces itself (the spec's schemas are checked before
 * a handler runs; these hold whatever the spec says): required keys, allowed values, and checks that need
 * more than a schema (uniqueness, keys that only make sense together).
 */
export interface DocRules {
  required?: readonly string[];
  /** Dotted key → allowed values. */
  enums?: Record<string, readonly unknown[]>;
  /** Applied on create when the client leaves the key out (the schema's defaults). */
  defaults?: Json;
  /** Checks against other documents: `scope` is the account, and the document's id once it has one. */
  check?: (doc: Json, scope: Scope) => ValidationData;
}

export interface Scope {
  accountId: string;
  id?: string;
}

export function validateDoc(doc: Json, rules: DocRules, scope: Scope): ValidationData {
  const errors: ValidationData = {};
  for (const key of rules.required ?? []) {
    if (valueAt(doc, key.split('.')) === undefined) errors[key] = { required: { message: 'Field is required but missing' } };
  }
  for (const [key, allowed] of Object.entries(rules.enums ?? {})) {
    const value = valueAt(doc, key.split('.'));
    if (value !== undefined && !allowed.includes(value)) {
      errors[key] = { enum: { message: 'Value not found in enumerated list of values', target: allowed, value } };
    }
  }
  return { ...errors, ...rules.check?.(doc, scope) };
}

export const hasErrors = (errors: ValidationData): boolean => Object.keys(errors).length > 0;
