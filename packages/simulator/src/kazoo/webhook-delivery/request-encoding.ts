import { isJsonObject, type Json, type Stored } from '../documents.js';
import type { Webhook } from '../records.js';

/** An HTTP request to a hook's receiver. */
export interface HookRequest {
  url: string;
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
}

/**
 * The request Kazoo makes for a hook (`webhooks_util:do_fire/3`): `get` puts the payload in the query string;
 * `post`/`put` send it form-encoded (`form-data`, the default) or as pretty-printed JSON. `X-Hook-ID` and
 * `X-Account-ID` name the hook and its account.
 */
export function hookRequest(hook: Stored<Webhook>, payload: Json): HookRequest {
  const headers: Record<string, string> = { 'X-Hook-ID': hook.id, 'X-Account-ID': hook.pvt_account_id };
  if (hook.http_verb === 'get') {
    const query = formEncode(payload);
    return { url: query === '' ? hook.uri : `${hook.uri}${hook.uri.includes('?') ? '&' : '?'}${query}`, method: 'GET', headers };
  }
  const method = hook.http_verb === 'put' ? 'PUT' : 'POST';
  if (hook.format === 'json') return { url: hook.uri, method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(payload, null, 2) };
  return { url: hook.uri, method, headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' }, body: formEncode(payload) };
}

/**
 * `kz_http_util:json_to_querystring/1`: nested objects become `key[sub]=v`, arrays `key[]=v`, every value a
 * string, url-encoded in the legacy style (`+` for a space). Null and undefined values are left out.
 */
export function formEncode(payload: Json): string {
  const pairs: string[] = [];
  const add = (key: string, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) for (const item of value) add(`${key}[]`, item);
    else if (isJsonObject(value)) for (const [sub, item] of Object.entries(value)) add(`${key}[${legacyEncode(sub)}]`, item);
    else pairs.push(`${key}=${legacyEncode(String(value))}`);
  };
  for (const [key, value] of Object.entries(payload)) add(legacyEncode(key), value);
  return pairs.join('&');
}

const legacyEncode = (text: string) => encodeURIComponent(text).replace(/%20/g, '+');
