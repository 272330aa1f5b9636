import type { AuthResult } from '../framework/app.js';
import type { Stored } from './documents.js';
import { tokenOf, type Envelopes } from './envelope.js';
import type { Caller } from './handlers/common.js';
import type { Account, AccountPrivate } from './records.js';
import { isAllowed } from './restrictions.js';
import type { KazooStore } from './store.js';
import type { Tokens } from './tokens.js';

/** Whether `account` is `ancestor` or one of its descendants (the token of an account reaches down its tree). */
export function isWithin(account: Stored<Account & AccountPrivate>, ancestorId: string): boolean {
  return account.id === ancestorId || account.pvt_tree.includes(ancestorId);
}

/** Who a token authenticates as: a valid, unexpired, unrevoked token whose account (enabled) and user still exist. */
export function callerOfToken(store: KazooStore, tokens: Tokens, token: string): Caller | undefined {
  const check = tokens.verify(token);
  if ('problem' in check) return undefined;
  const { claims } = check;
  const account = store.accounts.find(claims.account_id);
  const user = claims.owner_id === undefined ? undefined : store.users.get(claims.account_id, claims.owner_id);
  if (!account || account.enabled === false || (claims.owner_id !== undefined && !user)) return undefined;
  return { token, claims, account, ...(user ? { user } : {}) };
}

/**
 * Checks the token (`X-Auth-Token`, `?auth_token=` or `Authorization: Bearer`): signature, expiry,
 * revocation, and that its account and user still exist. Then the account hierarchy: a request for
 * `/accounts/{id}/...` needs a token of that account or of one of its ancestors, else 403; and the token's
 * restrictions, if it carries any (403 too).
 */
export function authenticateRequest(store: KazooStore, tokens: Tokens, envelopes: Envelopes, basePath: string, request: Request): AuthResult<Caller> {
  const token = tokenOf(request);
  const caller = token ? callerOfToken(store, tokens, token) : undefined;
  if (!caller) return { reply: envelopes.invalidCredentials(request) };
  const { claims, account } = caller;

  const segments = new URL(request.url).pathname.slice(basePath.length).split('/').filter(Boolean).map(decodeURIComponent);
  if (segments[0] === 'accounts' && segments[1] !== undefined) {
    const addressed = store.accounts.find(segments[1]);
    if (!addressed || !isWithin(addressed, account.id)) return { reply: envelopes.forbidden(request) };
  }
  if (claims.restrictions) {
    const isDescendant = (id: string) => id !== account.id && store.accounts.find(id)?.pvt_tree.includes(account.id) === true;
    if (!isAllowed(claims.restrictions, { method: request.method, segments, tokenAccountId: account.id, isDescendant })) {
      return { reply: envelopes.error(request, 403, 'forbidden', { message: 'forbidden', cause: 'access denied by token restrictions' }) };
    }
  }
  return { auth: caller };
}
