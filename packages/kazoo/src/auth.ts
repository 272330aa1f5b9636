import { InvalidArgumentError, jwtClaims, type AuthHandler, type Credentials } from '@pbxkit/core';
import { hashCredentials, type CredentialsMethod } from './credentials.js';
import type { AuthResource } from './generated/resources/auth.js';
import { tokenExpiry } from './jwt.js';

/** Which account a user logs in to: its name, its SIP realm, or one of its phone numbers. */
export type KazooAccountRef = { accountName: string } | { accountRealm: string } | { phoneNumber: string };

/**
 * How the client authenticates:
 * - `{ apiKey }`: `PUT /api_auth` before the first request, and again once when a request gets a 401;
 * - `{ apiKey, token }`: starts with the token (no call up front); the key renews it on a 401 or before it expires;
 * - `{ token }`: used as it is, never renewed (a 401 is an `AuthenticationError`); swap it with `setToken`;
 * - `{ username, password, ...account }`: `PUT /user_auth` with the md5 (or `method: 'sha'`) credentials;
 *   `{ credentials, ...account }` takes the hash computed elsewhere (see `hashCredentials`).
 */
export type KazooAuth =
  | { apiKey: string; token?: string }
  | { token: string }
  | ({ username: string; password: string; method?: CredentialsMethod } & KazooAccountRef)
  | ({ credentials: string; method?: CredentialsMethod } & KazooAccountRef);

export interface KazooCredentials extends Credentials {
  /** The account the token acts in (`account_id` of the auth answer or of the JWT). */
  accountId?: string;
  /** The user the token belongs to; absent for API-key logins. */
  ownerId?: string;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const badAuth = () =>
  new InvalidArgumentError(
    '`auth` must be { apiKey, token? }, { token }, or { username, password, method? } / { credentials, method? } with accountName, accountRealm or phoneNumber',
  );

/** What a JWT says about itself, without checking its signature: expiry and account. */
export function fromToken(token: string, known: Omit<KazooCredentials, 'token'> = {}): KazooCredentials {
  // An opaque token (not a JWT) has no claims.
  const claims = jwtClaims(token) ?? {};
  return {
    token,
    expiresAt: tokenExpiry(token),
    accountId: known.accountId ?? (nonEmpty(claims.account_id) ? claims.account_id : undefined),
    ownerId: known.ownerId ?? (nonEmpty(claims.owner_id) ? claims.owner_id : undefined),
  };
}

const accountOf = (auth: Record<string, unknown>) => {
  const refs = (['accountName', 'accountRealm', 'phoneNumber'] as const).filter((key) => auth[key] !== undefined);
  if (refs.length !== 1 || !nonEmpty(auth[refs[0]!])) throw badAuth();
  return refs[0]!;
};

/** Checks an `auth` option; returns the credentials it starts with (a given token), if any. */
export function initialCredentials(auth: KazooAuth | undefined): KazooCredentials | undefined {
  if (auth === undefined) return undefined;
  if (auth === null || typeof auth !== 'object') throw badAuth();
  const given = auth as Record<string, unknown>;
  if ('username' in given || 'credentials' in given) {
    accountOf(given);
    const hashed = 'credentials' in given;
    if (hashed ? !nonEmpty(given.credentials) : !nonEmpty(given.username) || !nonEmpty(given.password)) throw badAuth();
    if (given.method !== undefined && given.method !== 'md5' && given.method !== 'sha') throw badAuth();
    return undefined;
  }
  if ('apiKey' in given && !nonEmpty(given.apiKey)) throw badAuth();
  if (given.token !== undefined && !nonEmpty(given.token)) throw badAuth();
  if (!('apiKey' in given) && !('token' in given)) throw badAuth();
  return nonEmpty(given.token) ? fromToken(given.token) : undefined;
}

/** Every secret value the option carries, so that none is ever logged. */
export const authSecrets = (auth: KazooAuth | undefined): string[] => {
  const given = (auth ?? {}) as Record<string, unknown>;
  return [given.apiKey, given.token, given.password, given.credentials].filter(nonEmpty);
};

/** Whether the option gives a way to obtain a new token (an API key or user credentials), unlike a bare token. */
export const isRenewable = (auth: KazooAuth | undefined): boolean =>
  !!auth && ('apiKey' in auth || 'username' in auth || 'credentials' in auth);

/** How to obtain a new token, or `undefined` when the option gives no way (a bare token). */
export function renewal(
  authApi: AuthResource,
  auth: KazooAuth | undefined,
  keepSecret: (value: string) => void,
): (() => Promise<KazooCredentials>) | undefined {
  if (!isRenewable(auth)) return undefined;
  auth = auth!;
  if ('apiKey' in auth) {
    const { apiKey } = auth;
    return async () => toCredentials(await authApi.loginWithApiKey.withResponse({ body: { api_key: apiKey } }));
  }
  if ('username' in auth || 'credentials' in auth) {
    return async () => {
      const method = auth.method ?? 'md5';
      const credentials = 'credentials' in auth ? auth.credentials : await hashCredentials(auth.username, auth.password, method);
      keepSecret(credentials);
      const account =
        'accountName' in auth ? { account_name: auth.accountName } : 'accountRealm' in auth ? { account_realm: auth.accountRealm } : { phone_number: auth.phoneNumber };
      return toCredentials(await authApi.loginWithCredentials.withResponse({ body: { credentials, method, ...account } }));
    };
  }
  return undefined;
}

function toCredentials({ body, data }: { body: { auth_token: string }; data: { account_id: string; owner_id?: string } }): KazooCredentials {
  return fromToken(body.auth_token, { accountId: data.account_id, ownerId: data.owner_id });
}

export const applyCredentials: AuthHandler<KazooCredentials>['apply'] = (headers, { token }) => headers.set('X-Auth-Token', token);
