import { InvalidArgumentError, type ClientOptions } from '@pbxkit/core';
import { fetchOptionsProblem, headersProblem, type WazoFetchOptions } from './fetch.js';

export interface WazoClientOptions extends ClientOptions {
  /** The stack's host name, with a port if needed: `stack.example.com` means `https://stack.example.com`. */
  host?: string;
  /** Instead of `host`: the stack's root URL, e.g. `http://127.0.0.1:8080` for a test server. */
  baseUrl?: string;
  /** Your application's name: logins ask for a refresh token for it, and the client refreshes tokens with it. */
  clientId?: string;
  /** Lifetime of the tokens the client creates, in seconds. Default 3600. */
  tokenExpiration?: number;
  /** Log in only users whose wazo-confd `subscription_type` is at least this (`SubscriptionRequiredError`). */
  minSubscriptionType?: number;
  /** Log in only users with an authorization rule of this name (`AuthorizationRequiredError`). */
  authorizationName?: string;
  /** The tenant to act on (`Wazo-Tenant`); default: the token's own. */
  tenant?: string;
  /** A token to start with (e.g. restored from storage); see also `auth.validateToken`. */
  token?: string;
  /** A refresh token to start with; needs `clientId`. */
  refreshToken?: string;
  /** `RequestInit` fields for every request: `credentials`, `mode`, `cache`, `referrerPolicy`, ... */
  fetchOptions?: WazoFetchOptions;
  /** Headers for every request; only those Wazo's CORS policy allows (`Accept-Language`, ...). */
  headers?: Record<string, string>;
}

/** The options with their defaults, checked. */
export interface CheckedOptions extends WazoClientOptions {
  baseUrl: string;
  tokenExpiration: number;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function rootUrl(host: unknown, baseUrl: unknown): string | undefined {
  if ((host === undefined) === (baseUrl === undefined)) return undefined;
  if (host !== undefined) {
    // A host name or address with an optional port: no scheme, path, query or credentials.
    const plain = nonEmpty(host) && /^[^/?#@\\\s]+$/.test(host) && URL.canParse(`https://${host}`);
    return plain ? new URL(`https://${host}`).origin : undefined;
  }
  if (!nonEmpty(baseUrl) || !URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) return undefined;
  return baseUrl.replace(/\/+$/, '');
}

const levels = ['debug', 'info', 'warn', 'error', 'off'];

/** Throws `InvalidArgumentError` naming every bad option (never a secret value). */
export function checkOptions(given: WazoClientOptions): CheckedOptions {
  if (typeof given !== 'object' || given === null) throw new InvalidArgumentError('createWazoClient() takes an options object');
  const o = given;
  const baseUrl = rootUrl(o.host, o.baseUrl);
  const { tokenExpiration = 3600 } = o;
  const problems = [
    !baseUrl && 'give either `host` (a host name, with a port if needed) or `baseUrl` (an http or https URL)',
    o.clientId !== undefined && !(nonEmpty(o.clientId) && o.clientId.length <= 1024) && '`clientId` must be a string of 1 to 1024 characters',
    !(Number.isInteger(tokenExpiration) && tokenExpiration >= 1 && tokenExpiration <= 315_360_000) &&
      '`tokenExpiration` must be a whole number of seconds from 1 to 315360000',
    o.minSubscriptionType !== undefined && !(Number.isInteger(o.minSubscriptionType) && o.minSubscriptionType >= 0) &&
      '`minSubscriptionType` must be a whole number, 0 or more',
    o.authorizationName !== undefined && !nonEmpty(o.authorizationName) && '`authorizationName` must be a non-empty string',
    o.tenant !== undefined && !nonEmpty(o.tenant) && '`tenant` must be a non-empty string (a tenant UUID)',
    o.token !== undefined && !nonEmpty(o.token) && '`token` must be a non-empty string',
    o.refreshToken !== undefined && !nonEmpty(o.refreshToken) && '`refreshToken` must be a non-empty string',
    o.refreshToken !== undefined && o.clientId === undefined && '`refreshToken` needs the `clientId` it was created for',
    o.timeout !== undefined && !(typeof o.timeout === 'number' && o.timeout >= 0) && '`timeout` must be 0 or more milliseconds',
    o.fetch !== undefined && typeof o.fetch !== 'function' && '`fetch` must be a function',
    o.logLevel !== undefined && !levels.includes(o.logLevel) && `\`logLevel\` must be one of ${levels.join(', ')}`,
    fetchOptionsProblem(o.fetchOptions),
    headersProblem(o.headers),
  ].filter(Boolean);
  if (problems.length) throw new InvalidArgumentError(`Invalid Wazo client options: ${problems.join('; ')}`);
  return { ...o, baseUrl: baseUrl!, tokenExpiration };
}
