import { ApiError, AuthenticationError, PbxkitError } from './errors.js';

/** What a platform authenticates with. `expiresAt` is a `Date.now()`-style timestamp in milliseconds. */
export interface Credentials {
  token: string;
  expiresAt?: number;
}

/** Holds one client's credentials and refreshes them, at most one refresh at a time. */
export interface TokenManager<C extends Credentials = Credentials> {
  readonly current: C | undefined;
  /** Replace the credentials (e.g. restored from storage), or forget them. */
  set(credentials: C | undefined): void;
  /**
   * The credentials to start a request with: waits for a refresh in flight, refreshes first when
   * `expiresAt - skew` has passed, and obtains credentials when there are none and it can refresh.
   */
  ensure(): Promise<C | undefined>;
  /**
   * The server rejected `rejected`. Resolves to newer credentials: the current ones when they already
   * differ, else those of the one refresh shared by every caller. `undefined` when it cannot refresh.
   */
  refreshAfterRejection(rejected: C | undefined): Promise<C | undefined>;
  /** Called with the new credentials after every successful refresh. Returns the unsubscribe function. */
  onRefresh(listener: (credentials: C) => void): () => void;
}

export interface TokenManagerOptions<C extends Credentials> {
  credentials?: C;
  /** Obtains new credentials (log in again, use a refresh token, ...). Without it nothing is refreshed. */
  refresh?: (current: C | undefined) => Promise<C>;
  /** Refresh this long before `expiresAt`. Default 30 s. */
  skewMs?: number;
}

/**
 * What the callers waiting for a refresh see when it fails. Server trouble (429, 5xx), connection and
 * abort errors pass as they are: they say nothing about the credentials. A refusal (another 4xx) becomes
 * an `AuthenticationError` with the server's status, body and request id; anything else (a throwing
 * 2FA prompt, say) an `AuthenticationError` with the original as its cause.
 */
function asRefreshFailure(error: unknown): unknown {
  if (error instanceof ApiError) {
    const refused = error.status < 500 && error.status !== 429 && !(error instanceof AuthenticationError);
    return refused ? new AuthenticationError({ ...error, message: `Credentials refused: ${error.message}` }) : error;
  }
  return error instanceof PbxkitError ? error : new AuthenticationError({ status: 401, message: 'Could not refresh the credentials', cause: error });
}

export function createTokenManager<C extends Credentials>(options: TokenManagerOptions<C> = {}): TokenManager<C> {
  const { refresh, skewMs = 30_000 } = options;
  const listeners = new Set<(credentials: C) => void>();
  let current = options.credentials;
  let refreshing: Promise<C> | undefined;
  // The failure of the last refresh and the token it tried to replace: requests of the same wave that
  // were rejected with that token share the failure instead of starting another refresh.
  let failed: { token: string | undefined; error: unknown } | undefined;

  const start = (from: C | undefined): Promise<C> =>
    (refreshing ??= refresh!(from).then(
      (fresh) => {
        refreshing = undefined;
        current = fresh;
        for (const listener of listeners) {
          try {
            listener(fresh);
          } catch {
            // A listener's failure must not fail the requests waiting for the token.
          }
        }
        return fresh;
      },
      (error: unknown) => {
        refreshing = undefined;
        failed = { token: from?.token, error: asRefreshFailure(error) };
        throw failed.error;
      },
    ));

  return {
    get current() {
      return current;
    },
    set(credentials) {
      current = credentials;
      failed = undefined;
    },
    async ensure() {
      if (refreshing) return refreshing;
      failed = undefined;
      const stale = !current || (current.expiresAt !== undefined && Date.now() >= current.expiresAt - skewMs);
      return refresh && stale ? start(current) : current;
    },
    async refreshAfterRejection(rejected) {
      if (refreshing) return refreshing;
      if (failed && failed.token === rejected?.token) throw failed.error;
      if (current && current.token !== rejected?.token) return current;
      return refresh && start(rejected);
    },
    onRefresh(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The auth stage of the request pipeline, supplied by the platform. */
export interface AuthHandler<C extends Credentials = Credentials> {
  tokens: TokenManager<C>;
  /** Put the credentials on a request's headers. */
  apply(headers: Headers, credentials: C): void;
  /**
   * Whether a non-2xx response means the credentials expired (refresh and replay) rather than that they
   * lack a permission. Receives a clone: reading its body is fine. Default: status 401.
   */
  isExpired?(response: Response): boolean | Promise<boolean>;
}

/**
 * Sends with the current credentials; when the answer says they expired, refreshes (single-flight) and
 * replays once. A second rejection is returned as is (the caller turns it into an `AuthenticationError`).
 */
export async function authenticate<C extends Credentials>(
  auth: AuthHandler<C> | undefined,
  headers: Headers,
  send: (headers: Headers) => Promise<Response>,
  /** Stops this call's wait for a refresh (the refresh goes on for the others). */
  wait: <T>(shared: Promise<T>) => Promise<T> = (shared) => shared,
): Promise<Response> {
  if (!auth) return send(headers);
  const { tokens } = auth;
  const sendWith = (credentials: C | undefined) => {
    const authorised = new Headers(headers);
    if (credentials) auth.apply(authorised, credentials);
    return send(authorised);
  };
  const used = await wait(tokens.ensure());
  const response = await sendWith(used);
  const expired =
    !response.ok && (auth.isExpired ? await auth.isExpired(response.clone()) : response.status === 401);
  if (!expired) return response;
  const fresh = await wait(tokens.refreshAfterRejection(used)).catch((error: unknown) => {
    void response.body?.cancel();
    throw error;
  });
  if (!fresh) return response;
  void response.body?.cancel();
  return sendWith(fresh);
}
