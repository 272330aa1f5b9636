import { createHash } from 'node:crypto';

export type Json = Record<string, unknown>;

/**
 * What Crossbar keeps on every stored document besides its public fields: keys starting with `pvt_` or
 * `_` never leave the server (`kz_doc:public_fields`); `_rev` becomes the envelope's `revision`.
 */
export interface DocMeta {
  id: string;
  _rev: string;
  pvt_type: string;
  pvt_account_id: string;
  /** Gregorian seconds. */
  pvt_created: number;
  pvt_modified: number;
}

export type Stored<T> = T & DocMeta;

export function isJsonObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

const isPrivateKey = (key: string) => key.startsWith('pvt_') || key.startsWith('_');

/** The document as the API shows it: private keys removed, `id` kept. */
export function publicView<T extends object>(doc: T): Json {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !isPrivateKey(key)));
}

/** The client's fields of a request document: private keys and `id` are the server's. */
export function clientFields(input: unknown): Json {
  if (!isJsonObject(input)) return {};
  return Object.fromEntries(Object.entries(input).filter(([key]) => !isPrivateKey(key) && key !== 'id'));
}

export function privateFields<T extends object>(doc: T): Json {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => isPrivateKey(key)));
}

/** A CouchDB-style revision: a counter and a hash of the content. */
export function nextRevision(previous: string | undefined, doc: object): string {
  const count = previous === undefined ? 1 : Number(previous.split('-')[0]) + 1;
  return `${count}-${createHash('md5').update(JSON.stringify(publicView(doc))).digest('hex')}`;
}

/** PATCH semantics (`kz_json:merge`): objects merge recursively, `null` removes a key, anything else replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  const merged: Json = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (isJsonObject(value) && isJsonObject(merged[key])) merged[key] = mergePatch(merged[key] as Json, value);
    else merged[key] = value;
  }
  return merged;
}

/** Reads a dotted key path (`custom_channel_vars.Call-Interaction-ID`) out of a document. */
export function valueAt(doc: unknown, path: readonly string[]): unknown {
  let node = doc;
  for (const key of path) {
    if (!isJsonObject(node)) return undefined;
    node = node[key];
  }
  return node;
}
