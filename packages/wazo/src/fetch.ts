/**
 * What goes on the wire beyond the request itself: the `fetchOptions` and the headers a browser may send
 * to a Wazo stack from another origin.
 */
import type { TransportOptions } from '@pbxkit/core';

const fetchOptionNames = ['cache', 'credentials', 'integrity', 'keepalive', 'mode', 'priority', 'redirect', 'referrer', 'referrerPolicy'] as const;

/** `RequestInit` fields applied to every request; the client owns method, headers, body and signal. */
export type WazoFetchOptions = Pick<RequestInit, (typeof fetchOptionNames)[number]>;

/** What is wrong with a `fetchOptions` option: fields other than the `RequestInit` ones left to the caller. */
export function fetchOptionsProblem(options: unknown): string | undefined {
  if (options === undefined) return undefined;
  const names = typeof options === 'object' && options !== null ? Object.keys(options) : undefined;
  const refused = names ? names.filter((name) => !(fetchOptionNames as readonly string[]).includes(name)) : ['(not an object)'];
  if (!refused.length) return undefined;
  return `\`fetchOptions\` may set ${fetchOptionNames.join(', ')}; not ${refused.join(', ')} (the client sets method, headers, body and signal)`;
}

/**
 * The request headers Wazo's CORS policy lets a browser send: every daemon allows `Content-Type`,
 * `X-Auth-Token` and `Wazo-Tenant` (plus the CORS-safelisted `Accept`, `Accept-Language`,
 * `Content-Language`); wazo-auth also `Authorization` and `Wazo-Session-Type`. Any other header would
 * fail the preflight, so the client never sends one.
 */
const allowedEverywhere = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'x-auth-token', 'wazo-tenant']);
const allowedOnAuth = new Set(['authorization', 'wazo-session-type']);

const isAllowed = (name: string, onAuth: boolean) =>
  allowedEverywhere.has(name.toLowerCase()) || (onAuth && allowedOnAuth.has(name.toLowerCase()));

/** What is wrong with a `headers` client option: names outside the CORS-allowed set (or `X-Auth-Token`). */
export function headersProblem(headers: unknown): string | undefined {
  if (headers === undefined) return undefined;
  if (typeof headers !== 'object' || headers === null) return '`headers` must be an object';
  const refused = Object.keys(headers).filter((name) => !isAllowed(name, false) || name.toLowerCase() === 'x-auth-token');
  if (!refused.length) return undefined;
  return (
    `\`headers\` may only be Accept, Accept-Language, Content-Language, Content-Type or Wazo-Tenant: Wazo's CORS ` +
    `policy refuses ${refused.join(', ')} (and the client sets X-Auth-Token itself)`
  );
}

/**
 * The `fetch` the transport sends with: the caller's `fetch` (or the global one, looked up per request),
 * with the `fetchOptions` applied and any header outside the CORS-allowed set dropped with a warning
 * (e.g. a per-call `headers: { 'X-Request-Id': ... }`).
 */
export function wazoFetch(
  fetchOptions: WazoFetchOptions | undefined,
  given: TransportOptions['fetch'],
  warn: (message: string) => void,
): NonNullable<TransportOptions['fetch']> {
  return (url, init) => {
    const headers = new Headers(init.headers);
    const onAuth = new URL(url).pathname.includes('/api/auth/');
    for (const name of [...headers.keys()]) {
      if (isAllowed(name, onAuth)) continue;
      headers.delete(name);
      warn(`dropped the header ${name}: Wazo's CORS policy does not allow it`);
    }
    return (given ?? globalThis.fetch)(url, { ...fetchOptions, ...init, headers });
  };
}
