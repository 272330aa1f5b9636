/**
 * When the client refreshes its token. Wazo answers 401 both for a token that expired and for one that
 * lacks a permission (or may not act on the `Wazo-Tenant`); only the first is cured by a new token:
 *
 * 1. Ahead of expiry: a token is refreshed before each request once `refreshAt` has passed (a quarter
 *    of its lifetime, at most 30 s, before `expiresAt`), when the client holds a refresh token.
 * 2. A 401 with the standard body says why: `details.reason: not_found_or_expired` refreshes and
 *    replays; `missing_permission_or_invalid_tenant` and `error_id: unauthorized-tenant` never do.
 * 3. A 401 that does not say (wazo-confd's array of strings, wazo-agentd's `{error}`, dird's legacy
 *    body) refreshes only when the token is known dead: past `refreshAt`, or `HEAD /token/{token}`
 *    answers 404. A 204 means a permission refusal: the 401 reaches the caller, nothing is refreshed.
 *    The check runs once per token however many requests wait for it.
 * 4. A 401 for a token that was already replaced is replayed with the current one.
 *
 * Refreshes are single-flight (the token manager of @pbxkit/core): one `POST /token` however many
 * requests are rejected at once.
 */
import { isObject, isPermissionRefusal } from './errors.js';
import type { Credentials, TokenManager } from '@pbxkit/core';
import type { Session } from './session.js';

export interface WazoCredentials extends Credentials {
  /** Known for tokens from a login, a refresh or `validateToken`; not for a bare `setToken`. */
  session?: Session;
  /** When to refresh the token (ms since the epoch); core's `expiresAt` is set to it when refreshable. */
  refreshAt?: number;
}

/** The credentials of a session: `fresh` when the token was created just now (its lifetime runs from now). */
export function credentialsOf(session: Session, fresh: boolean, refreshable: boolean): WazoCredentials {
  const expiry = session.expiresAt.getTime();
  const issued = session.issuedAt.getTime();
  // The lifetime comes from the server's two times, so a client clock that is off does not matter for
  // fresh tokens; the expiry of an older token (validateToken) can only be compared with our clock.
  const lifetime = Number.isNaN(issued) || issued >= expiry ? expiry - Date.now() : expiry - issued;
  const margin = Math.min(30_000, Math.max(0, lifetime) / 4);
  const refreshAt = (fresh ? Date.now() + lifetime : expiry) - margin;
  return { token: session.token, session, refreshAt, ...(refreshable && { expiresAt: refreshAt }) };
}

/** What a 401 body says: the token `expired`, it was `refused` a permission or tenant, or `unknown`. */
export async function readRejection(response: Response): Promise<{ verdict: 'expired' | 'refused' | 'unknown'; token?: string }> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!isObject(body) || typeof body.error_id !== 'string') return { verdict: 'unknown' };
  if (isPermissionRefusal(body)) return { verdict: 'refused' };
  const details = isObject(body.details) ? body.details : {};
  if (details.reason !== 'not_found_or_expired') return { verdict: 'unknown' };
  return { verdict: 'expired', ...(typeof details.invalid_token === 'string' && { token: details.invalid_token }) };
}

/**
 * The auth stage's two decisions: `isExpired` (is this response worth a refresh?) and the token manager
 * whose `refreshAfterRejection` settles the 401s that do not say, with `exists` (`HEAD /token/{token}`).
 */
export function refreshPolicy(inner: TokenManager<WazoCredentials>, exists: (token: string) => Promise<boolean>) {
  // Token → whether it is dead: a check in flight, or a known answer (dead tokens stay known).
  const dead = new Map<string, Promise<boolean>>();
  const remember = (token: string, verdict: Promise<boolean>) => {
    dead.set(token, verdict);
    if (dead.size > 16) dead.delete(dead.keys().next().value!);
  };
  // Tokens a check found alive: their 401s were permission refusals.
  const alive = new Set<string>();
  const isDead = (token: string): Promise<boolean> => {
    const known = dead.get(token);
    if (known) return known;
    // A failed check (network, 5xx) proves nothing: the 401 stands and nothing is refreshed.
    const verdict = exists(token).then(
      (exists) => {
        if (exists) alive.add(token);
        return !exists;
      },
      () => false,
    );
    remember(token, verdict);
    void verdict.then((gone) => gone || dead.delete(token));
    return verdict;
  };

  const tokens: TokenManager<WazoCredentials> = {
    get current() {
      return inner.current;
    },
    set: inner.set,
    ensure: inner.ensure,
    onRefresh: inner.onRefresh,
    async refreshAfterRejection(rejected) {
      const stillCurrent = rejected && rejected.token === inner.current?.token;
      const pastDue = rejected?.refreshAt !== undefined && Date.now() >= rejected.refreshAt;
      if (!stillCurrent || pastDue || (await isDead(rejected.token))) return inner.refreshAfterRejection(rejected);
      return undefined;
    },
  };

  async function isExpired(response: Response): Promise<boolean> {
    if (response.status !== 401) return false;
    const { verdict, token } = await readRejection(response);
    if (verdict === 'expired' && token) remember(token, Promise.resolve(true));
    // `expired` without the token named is settled by the check, which answers 404 for it too.
    return verdict !== 'refused';
  }

  /** Whether a check found `token` alive, so that its 401s are permission refusals. */
  const checkedAlive = (token: string | undefined) => token !== undefined && alive.has(token);

  return { tokens, isExpired, checkedAlive };
}
