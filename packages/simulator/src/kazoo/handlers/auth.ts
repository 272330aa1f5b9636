import type { SimReply } from '../../framework/reply.js';
import { normalizeAccountName, type CredentialsMethod } from '../credentials.js';
import type { Json, Stored } from '../documents.js';
import type { Account, AccountPrivate, User, UserPrivate } from '../records.js';
import { restrictionsFor } from '../restrictions.js';
import { randomHex, type TokenClaims } from '../tokens.js';
import { accountIdOf, callerOf, dataOf, param, reply, requestValue, type Deps, type KzContext, type Routes } from './common.js';

type StoredAccount = Stored<Account & AccountPrivate>;
type StoredUser = Stored<User & UserPrivate>;

/** api_auth, user_auth (credentials, recovery, impersonation), auth (refresh, tokeninfo), token_auth, ip_auth. */
export function authRoutes(deps: Deps): Routes {
  const { store, tokens, envelopes } = deps;

  /** The account a `user_auth`/recovery request names: by account_name, account_realm (or realm), or phone_number. */
  const namedAccounts = (data: Json): StoredAccount[] | undefined => {
    const accounts = store.accounts.all();
    if (typeof data.account_name === 'string') {
      const wanted = normalizeAccountName(data.account_name);
      return accounts.filter((account) => normalizeAccountName(account.name) === wanted);
    }
    const realm = data.account_realm ?? data.realm;
    if (typeof realm === 'string') return accounts.filter((account) => account.realm.toLowerCase() === realm.toLowerCase());
    if (typeof data.phone_number === 'string') {
      const owner = store.phoneNumbers.find(normalizeNumber(data.phone_number))?.pvt_account_id;
      return accounts.filter((account) => account.id === owner);
    }
    return undefined;
  };

  /** The envelope data of a new token (`crossbar_util:response_auth`). */
  const authData = (account: StoredAccount, user?: StoredUser): Json => {
    const reseller = [...account.pvt_tree].reverse().find((id) => store.accounts.find(id)?.pvt_reseller);
    return {
      account_id: account.id,
      ...(user ? { owner_id: user.id } : {}),
      account_name: account.name,
      language: String(user?.language ?? account.language),
      apps: [],
      is_reseller: account.pvt_reseller,
      ...(reseller ? { reseller_id: reseller } : {}),
      is_master_account: account.pvt_tree.length === 0,
    };
  };

  const issue = (context: KzContext, account: StoredAccount, user: StoredUser | undefined, method: string, extra: Partial<TokenClaims> = {}): SimReply => {
    // Keys and IP auth act for the whole account, as an admin would.
    const restrictions = restrictionsFor(store.tokenRestrictions.get(account.id), method, user?.priv_level ?? 'admin');
    const { token } = tokens.issue({ account_id: account.id, ...(user ? { owner_id: user.id } : {}), method, ...(restrictions ? { restrictions } : {}), ...extra });
    // A PUT creates the token (201); completing a recovery is a POST (200).
    return reply(deps, context, context.request.method === 'PUT' ? 201 : 200, authData(account, user), { authToken: token });
  };

  /** What `GET /token_auth` and friends say about a token. */
  const tokenInfo = (claims: TokenClaims): Json | undefined => {
    const account = store.accounts.find(claims.account_id);
    if (!account) return undefined;
    const user = claims.owner_id === undefined ? undefined : store.users.get(account.id, claims.owner_id);
    return { ...authData(account, user), id: claims.jti, method: claims.method, exp: claims.exp, ...(claims.original_account_id ? { original_account_id: claims.original_account_id, original_owner_id: claims.original_owner_id } : {}) };
  };

  /** The contract has checked `credentials` (required) and `method` (md5 or sha). */
  const userAuth = (context: KzContext): SimReply => {
    const data = dataOf(context);
    const credentials = String(data.credentials).toLowerCase();
    const field = (data.method as CredentialsMethod | undefined) === 'sha' ? 'pvt_sha1_auth' : 'pvt_md5_auth';
    for (const account of namedAccounts(data) ?? []) {
      if (account.enabled === false) continue;
      const user = store.users.inAccount(account.id).find((u) => u[field] === credentials && u.enabled !== false);
      if (user) return issue(context, account, user, 'cb_user_auth');
    }
    return envelopes.invalidCredentials(context.request);
  };

  return {
    // The contract has checked that api_key is 64 characters.
    'PUT /api_auth': (context) => {
      const apiKey = dataOf(context).api_key;
      const account = store.accounts.all().find((a) => a.pvt_api_key === apiKey && a.enabled !== false);
      return account ? issue(context, account, undefined, 'cb_api_auth') : envelopes.invalidCredentials(context.request);
    },

    'PUT /user_auth': userAuth,

    'PUT /accounts/{account_id}/users/{user_id}/user_auth': (context) => {
      const caller = callerOf(context);
      const account = store.accounts.find(accountIdOf(context))!;
      const user = store.users.get(account.id, param(context, 'user_id'));
      if (!user) return envelopes.badIdentifier(context.request, param(context, 'user_id'));
      const allowed = caller.account.pvt_superduper_admin && caller.user?.priv_level === 'admin' && caller.account.id !== account.id;
      if (!allowed) return envelopes.forbidden(context.request);
      if (requestValue(context, 'action') !== 'impersonate_user') {
        return envelopes.invalidField(context.request, 'action', 'enum', { message: 'Value not found in enumerated list of values', target: ['impersonate_user'] });
      }
      return issue(context, account, user, 'cb_user_auth', { original_account_id: caller.account.id, ...(caller.user ? { original_owner_id: caller.user.id } : {}) });
    },

    'GET /user_auth/{auth_token}': (context) => {
      const caller = callerOf(context);
      if (param(context, 'auth_token') !== caller.token) return envelopes.invalidCredentials(context.request);
      return reply(deps, context, 200, tokenInfo(caller.claims));
    },

    'PUT /user_auth/recovery': (context) => {
      const data = dataOf(context);
      const accounts = namedAccounts(data);
      if (accounts === undefined) {
        return envelopes.invalidField(context.request, 'account_name', 'required', { message: 'One of account_name, account_realm or phone_number is required' });
      }
      const username = String(data.username).toLowerCase();
      for (const account of accounts) {
        const user = store.users.inAccount(account.id).find((u) => u.username?.toLowerCase() === username);
        if (user) {
          store.passwordResets.set(randomHex(64), { accountId: account.id, userId: user.id });
          return reply(deps, context, 201, { message: 'Request for password reset handled, email sent' });
        }
      }
      return envelopes.invalidField(context.request, 'username', 'not_found', { message: 'The provided user name was not found', cause: data.username });
    },

    'POST /user_auth/recovery': (context) => {
      const resetId = dataOf(context).reset_id;
      const reset = typeof resetId === 'string' ? store.passwordResets.get(resetId) : undefined;
      const user = reset && store.users.get(reset.accountId, reset.userId);
      const account = reset && store.accounts.find(reset.accountId);
      if (!reset || !user || !account) {
        return envelopes.invalidField(context.request, 'user', 'not_found', { message: 'The provided reset_id did not resolve to any user', cause: resetId });
      }
      store.passwordResets.delete(resetId as string);
      user.require_password_update = true;
      return issue(context, account, user, 'cb_user_auth');
    },

    'GET /token_auth': (context) => reply(deps, context, 200, tokenInfo(callerOf(context).claims)),

    'DELETE /token_auth': (context) => {
      tokens.revoke(callerOf(context).claims);
      return reply(deps, context, 200, {});
    },

    'PUT /auth': (context) => {
      const caller = callerOf(context);
      const action = requestValue(context, 'action');
      if (action !== 'refresh_token') {
        return envelopes.invalidField(context.request, 'action', 'enum', { message: 'Value not found in enumerated list of values', target: ['refresh_token'], value: action });
      }
      const { account_id: _account, owner_id: _owner, exp: _exp, iat: _iat, jti: _jti, iss: _iss, ...kept } = caller.claims;
      return issue(context, caller.account, caller.user, caller.claims.method, kept);
    },

    'GET /auth/tokeninfo': (context) => tokenInfoReply(context, new URL(context.request.url).searchParams.get('token')),
    'POST /auth/tokeninfo': (context) => tokenInfoReply(context, dataOf(context).token),

    'PUT /ip_auth': (context) => {
      // The simulator knows no client addresses: an account may list allowed IPs in `pvt_ip_auth`,
      // matched against X-Forwarded-For.
      const ip = context.request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
      const account = ip ? store.accounts.all().find((a) => Array.isArray(a.pvt_ip_auth) && a.pvt_ip_auth.includes(ip)) : undefined;
      return account ? issue(context, account, undefined, 'cb_ip_auth') : envelopes.invalidCredentials(context.request);
    },
  };

  function tokenInfoReply(context: KzContext, token: unknown): SimReply {
    if (typeof token !== 'string') return envelopes.invalidField(context.request, 'token', 'required', { message: 'Field is required but missing' });
    const check = tokens.verify(token);
    const info = 'claims' in check ? tokenInfo(check.claims) : undefined;
    return info ? reply(deps, context, 200, info) : envelopes.invalidCredentials(context.request);
  }
}

/** `+1 415 555 0100`, `14155550100` → `+14155550100`. */
export function normalizeNumber(number: string): string {
  const digits = number.replace(/[^\d]/g, '');
  return digits.length === 10 ? `+1${digits}` : `+${digits}`;
}
