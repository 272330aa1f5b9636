/**
 * The session layer on wazo-auth: log in (Basic credentials, refresh token for a `clientId`), refresh,
 * validate a stored token, log out (both tokens revoked), and the seed SDK's login gates.
 */
import {
  ApiError,
  AuthenticationError,
  InvalidArgumentError,
  NotFoundError,
  type CallInput,
  type OperationSpec,
  type TokenManager,
  type Transport,
} from '@pbxkit/core';
import type { Token, TokenRequest } from './generated/auth/models.js';
import { checkAuthorization, checkSubscription, type ConfdUser } from './qualify.js';
import { credentialsOf, type WazoCredentials } from './refresh.js';
import { toSession, type Session } from './session.js';

export interface LogInInput {
  /** The user's login: a username or a confirmed email address. */
  username: string;
  password: string;
  /** Token lifetime in seconds; default: the client's `tokenExpiration`. Refreshed tokens get the same. */
  expiration?: number;
  /** Authentication backend; default `wazo_user` (`ldap_user` for LDAP). */
  backend?: string;
  /** A mobile session (`Wazo-Session-Type: mobile`): a mobile login replaces the user's other mobile sessions. */
  mobile?: boolean;
  /** A domain name of the user's tenant (LDAP and SAML tenants), sent as `domain_name`. */
  domain?: string;
}

/** The session-aware methods that replace wazo-auth's raw `logIn`, `logOut` and `checkToken` on `wazo.auth`. */
export interface SessionAuth {
  /**
   * Creates a token (`POST /token` with Basic credentials) and uses it from now on. With a `clientId`
   * it asks for a refresh token too (`access_type: offline`). With `minSubscriptionType` or
   * `authorizationName`, a user who does not qualify gets `SubscriptionRequiredError` or
   * `AuthorizationRequiredError`, and the tokens just created are revoked.
   */
  logIn(input: LogInInput): Promise<Session>;
  /**
   * Revokes the refresh token (`DELETE /users/me/tokens/{clientId}`) and the access token
   * (`DELETE /token/{token}`), then forgets both.
   */
  logOut(): Promise<void>;
  /**
   * Uses a stored token: reads it (`GET /token/{token}`) and resolves to its session. When it is unknown
   * or expired and `refreshToken` is given, a new token is created with it instead; otherwise the call
   * fails with `AuthenticationError`. The login gates apply as in `logIn`.
   */
  validateToken(token: string, refreshToken?: string): Promise<Session>;
  /** Whether a token (default: the current one) exists and has not expired (`HEAD /token/{token}`). */
  checkToken(token?: string): Promise<boolean>;
}

export interface SessionSettings {
  clientId?: string;
  tokenExpiration: number;
  minSubscriptionType?: number;
  authorizationName?: string;
  refreshToken?: string;
}

/** What a refresh sends besides the refresh token: the settings of the last login. */
interface LoginSettings {
  backend: string;
  expiration: number;
  mobile: boolean;
  domain?: string;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** `Basic base64(username:password)`, UTF-8 encoded as wazo-auth decodes it first. */
export function basicCredentials(username: string, password: string): string {
  if (typeof username !== 'string' || typeof password !== 'string') throw new InvalidArgumentError('basicCredentials() takes two strings');
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function checkLogIn(input: LogInInput): Required<Pick<LogInInput, 'username' | 'password' | 'backend' | 'mobile'>> & LogInInput {
  const { username, password, expiration, backend = 'wazo_user', mobile = false, domain } = (input ?? {}) as LogInInput;
  const problems = [
    !nonEmpty(username) && '`username` must be a non-empty string',
    nonEmpty(username) && username.includes(':') && '`username` cannot contain ":" (HTTP Basic credentials)',
    !nonEmpty(password) && '`password` must be a non-empty string',
    expiration !== undefined && !(Number.isInteger(expiration) && expiration >= 1 && expiration <= 315_360_000) &&
      '`expiration` must be a whole number of seconds from 1 to 315360000',
    !nonEmpty(backend) && '`backend` must be a non-empty string',
    typeof mobile !== 'boolean' && '`mobile` must be a boolean',
    domain !== undefined && !nonEmpty(domain) && '`domain` must be a non-empty string',
  ].filter(Boolean);
  if (problems.length) throw new InvalidArgumentError(`logIn(): ${problems.join('; ')}`);
  return { username, password, expiration, backend, mobile, domain };
}

/**
 * The operations the session layer calls, as the generated tables declare them (a test holds them to
 * it): written out so that a bundle does not carry wazo-auth's and wazo-confd's whole tables.
 */
export const sessionEndpoints = {
  logIn: { method: 'POST', path: '/api/auth/0.1/token', envelope: 'data', anonymous: true },
  getToken: { method: 'GET', path: '/api/auth/0.1/token/{token}', envelope: 'data', anonymous: true, secretParams: ['token'] },
  logOut: { method: 'DELETE', path: '/api/auth/0.1/token/{token}', envelope: 'data', anonymous: true, secretParams: ['token'] },
  checkToken: { method: 'HEAD', path: '/api/auth/0.1/token/{token}', anonymous: true, secretParams: ['token'] },
  deleteRefreshToken: { method: 'DELETE', path: '/api/auth/0.1/users/me/tokens/{client_id}' },
  getUser: { method: 'GET', path: '/api/confd/1.1/users/{user_id}' },
} as const satisfies Record<string, OperationSpec>;

const { logIn: LOG_IN, getToken: GET_TOKEN, logOut: LOG_OUT, checkToken: CHECK_TOKEN, deleteRefreshToken: DELETE_REFRESH_TOKEN } = sessionEndpoints;
/** Sent with a token of our choosing (a session not installed yet), without refresh or replay. */
const withToken = (spec: OperationSpec): OperationSpec => ({ ...spec, anonymous: true });

export interface SessionControl {
  auth: SessionAuth;
  /** Creates a token from the refresh token: the token manager's `refresh`. */
  refresh(from: WazoCredentials | undefined): Promise<WazoCredentials>;
  setRefreshToken(refreshToken: string | undefined): void;
}

/**
 * `tokens` is core's token manager, under the refresh policy: its `refreshAfterRejection` always
 * refreshes (validateToken has already learnt that the token is dead).
 */
export function createSessionControl(transport: Transport, tokens: TokenManager<WazoCredentials>, settings: SessionSettings): SessionControl {
  const call = (spec: OperationSpec, input: CallInput) => transport.call(spec, input, 'data');
  const createToken = (body: TokenRequest, headers: Record<string, string>) => call(LOG_IN, { body, headers }) as Promise<Token>;
  const { clientId, tokenExpiration, minSubscriptionType, authorizationName } = settings;
  let refreshToken = settings.refreshToken;
  let login: LoginSettings = { backend: 'wazo_user', expiration: tokenExpiration, mobile: false };
  const refreshable = () => !!(clientId && refreshToken);

  const keepSecret = (...values: (string | undefined)[]) => {
    for (const value of values) if (value) transport.secrets.add(value);
  };
  const install = (session: Session, fresh: boolean) => tokens.set(credentialsOf(session, fresh, refreshable()));

  /** Revokes what a session holds; used when its user does not qualify. Failures change nothing. */
  async function revoke(session: Session) {
    const headers = { 'X-Auth-Token': session.token };
    if (clientId && session.refreshToken) {
      await call(withToken(DELETE_REFRESH_TOKEN), { path: { client_id: clientId }, headers }).catch(() => undefined);
    }
    await call(LOG_OUT, { path: { token: session.token } }).catch(() => undefined);
  }

  /** Applies the login gates to a new session; a user who does not qualify loses the session's tokens. */
  async function qualify(session: Session) {
    try {
      if (minSubscriptionType !== undefined) {
        const user = (await call(withToken(sessionEndpoints.getUser), {
          path: { user_id: session.metadata.pbx_user_uuid ?? session.userUuid },
          headers: { 'X-Auth-Token': session.token },
        })) as ConfdUser;
        checkSubscription(user, minSubscriptionType);
      }
      if (authorizationName !== undefined) checkAuthorization(session, authorizationName);
    } catch (error) {
      await revoke(session);
      throw error;
    }
  }

  async function refresh(from: WazoCredentials | undefined): Promise<WazoCredentials> {
    if (!clientId || !refreshToken) {
      throw new AuthenticationError({
        status: 401,
        message: from
          ? 'The access token expired or was revoked, and without a refresh token (a `clientId` and a login) it cannot be renewed: log in again'
          : 'Not logged in: call wazo.auth.logIn(), wazo.auth.validateToken() or wazo.setToken() first',
      });
    }
    const used = refreshToken;
    const data = await createToken(
      {
        refresh_token: used,
        client_id: clientId,
        backend: login.backend,
        expiration: login.expiration,
        access_type: 'online',
        ...(login.domain && { domain_name: login.domain }),
      },
      login.mobile ? { 'Wazo-Session-Type': 'mobile' } : {},
    );
    const session = toSession(data, used);
    keepSecret(session.token);
    return credentialsOf(session, true, refreshable());
  }

  async function checkToken(token = tokens.current?.token): Promise<boolean> {
    if (token === undefined) return false;
    if (!nonEmpty(token)) throw new InvalidArgumentError('checkToken() takes a non-empty token string');
    try {
      await call(CHECK_TOKEN, { path: { token } });
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  const auth: SessionAuth = {
    async logIn(input) {
      const { username, password, ...settings } = checkLogIn(input);
      const expiration = settings.expiration ?? tokenExpiration;
      const data = await createToken(
        {
          backend: settings.backend,
          expiration,
          access_type: clientId ? 'offline' : 'online',
          ...(clientId && { client_id: clientId }),
          ...(settings.domain && { domain_name: settings.domain }),
        },
        {
          Authorization: basicCredentials(username, password),
          ...(settings.mobile && { 'Wazo-Session-Type': 'mobile' }),
        },
      );
      const session = toSession(data);
      keepSecret(session.token, session.refreshToken);
      await qualify(session);
      login = { ...settings, expiration };
      refreshToken = session.refreshToken;
      install(session, true);
      return session;
    },

    async logOut() {
      const failures: unknown[] = [];
      if (clientId && refreshToken) {
        // Through the auth stage: an expired access token is refreshed first, so the refresh token can go.
        await call(DELETE_REFRESH_TOKEN, { path: { client_id: clientId } }).catch((error: unknown) => {
          const gone = error instanceof NotFoundError || error instanceof AuthenticationError;
          if (!gone) failures.push(error);
        });
      }
      const token = tokens.current?.token;
      refreshToken = undefined;
      tokens.set(undefined);
      if (token) await call(LOG_OUT, { path: { token } }).catch((error: unknown) => failures.push(error));
      if (failures.length) throw failures[0];
    },

    async validateToken(token, storedRefreshToken) {
      if (!nonEmpty(token) || (storedRefreshToken !== undefined && !nonEmpty(storedRefreshToken))) {
        throw new InvalidArgumentError('validateToken() takes a token and an optional refresh token, non-empty strings');
      }
      keepSecret(token, storedRefreshToken);
      // Without a refresh token argument, the client's own (option, earlier login) still applies.
      const renewWith = storedRefreshToken ?? refreshToken;
      let data: Token;
      try {
        data = (await call(GET_TOKEN, { path: { token } })) as Token;
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        if (!renewWith || !clientId) {
          throw new AuthenticationError({
            ...(error as ApiError),
            message: `The token is unknown or expired${clientId ? '' : ' (refreshing it needs a `clientId`)'}: log in again`,
          });
        }
        // The stored session replaces the client's; if it cannot be renewed the client is logged out.
        refreshToken = renewWith;
        tokens.set({ token });
        try {
          const { session } = (await tokens.refreshAfterRejection(tokens.current))!;
          await qualify(session!);
          return session!;
        } catch (failure) {
          refreshToken = undefined;
          tokens.set(undefined);
          throw failure;
        }
      }
      const session = toSession(data, renewWith);
      await qualify(session);
      refreshToken = renewWith;
      install(session, false);
      return session;
    },

    checkToken,
  };

  return {
    auth,
    refresh,
    setRefreshToken(value) {
      if (value !== undefined && !nonEmpty(value)) throw new InvalidArgumentError('setRefreshToken() takes a non-empty string or undefined');
      if (value && !clientId) throw new InvalidArgumentError('a refresh token needs the `clientId` it was created for (client option)');
      keepSecret(value);
      refreshToken = value;
      const current = tokens.current;
      if (current) tokens.set({ ...current, expiresAt: refreshable() ? current.refreshAt : undefined });
    },
  };
}
