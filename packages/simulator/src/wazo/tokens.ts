import { compileAcl, type CompiledAcl } from './acl.js';
import type { Failure } from './errors.js';
import type { Auth } from './generated.js';
import { uuid } from './ids.js';
import { aclOf, isAdmin } from './policies.js';
import type { WazoStore } from './store.js';
import { tokenTime } from './time.js';

/** An access token and its session (one session per token). */
export interface AccessToken {
  token: string;
  sessionUuid: string;
  userUuid: string;
  tenantUuid: string;
  acl: string[];
  access: CompiledAcl;
  metadata: Auth.TokenMetadata;
  issuedAt: number;
  expiresAt: number;
  mobile: boolean;
  remoteAddr: string | null;
  userAgent: string | null;
  /** The refresh token the login created or the refresh used; a mobile login ends the sessions tied to it. */
  refreshToken?: string;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  userUuid: string;
  tenantUuid: string;
  mobile: boolean;
  createdAt: number;
}

export interface TokenOptions {
  /** Lifetime of a token whose request gives no `expiration`. */
  defaultLifetimeSeconds: number;
  /** Live sessions a user may have; one more login answers 429. */
  maxSessionsPerUser: number;
  /** When set, only these `client_id`s may hold refresh tokens. */
  clientIds?: readonly string[];
}

export interface TokenRequest {
  /** Basic credentials, when the request had an `Authorization: Basic` header that decodes. */
  basic?: { login: string; password: string };
  body: Auth.TokenRequest;
  mobile: boolean;
  remoteAddr: string | null;
  userAgent: string | null;
}

export type TokenCreation = { token: AccessToken; refreshToken?: string; revoked: number } | { failure: Failure };

const authenticationFailed = (): { failure: Failure } => ({ failure: { status: 401, message: 'Authentication Failed', errorId: 'authentication-failed' } });
const invalid = (detail: string): { failure: Failure } => ({ failure: { status: 400, message: `Invalid token request: ${detail}`, errorId: 'invalid-data' } });

/** wazo-auth's token service: access tokens (sessions) and refresh tokens, on the injected clock. */
export class Tokens {
  readonly #access = new Map<string, AccessToken>();
  readonly #refresh = new Map<string, RefreshToken>();
  readonly #store: WazoStore;
  readonly #now: () => number;
  readonly options: TokenOptions;

  constructor(store: WazoStore, now: () => number, options: TokenOptions) {
    this.#store = store;
    this.#now = now;
    this.options = options;
  }

  /** `POST /token`: a login with Basic credentials, or a refresh with `refresh_token` + `client_id`. */
  create(request: TokenRequest): TokenCreation {
    const { body } = request;
    const problem = requestProblem(body, this.options.clientIds);
    if (problem) return invalid(problem);
    const refresh = body.refresh_token === undefined ? undefined : this.#refresh.get(body.refresh_token);
    if (body.refresh_token !== undefined && refresh?.clientId !== body.client_id) return authenticationFailed();
    const userUuid = refresh?.userUuid ?? (request.basic && this.#checkPassword(request.basic));
    const user = userUuid === undefined ? undefined : this.#store.authUsers.get(userUuid);
    if (!user || !user.enabled || (body.backend ?? 'wazo_user') !== 'wazo_user' || body.saml_session_id !== undefined) return authenticationFailed();
    const tenant = this.#store.tenants.get(user.tenant_uuid);
    if (body.domain_name !== undefined && !tenant?.domain_names.includes(body.domain_name)) return authenticationFailed();
    if (body.tenant_id !== undefined && body.tenant_id !== tenant?.uuid && body.tenant_id !== tenant?.slug) return authenticationFailed();

    if (this.sessionsOf(user.uuid).length >= this.options.maxSessionsPerUser) {
      return { failure: { status: 429, message: 'Too many sessions: the maximum number of concurrent sessions is reached', errorId: 'max-concurrent-sessions-reached' } };
    }
    let revoked = 0;
    let refreshToken = refresh?.token;
    let issuedRefresh: string | undefined;
    if (body.access_type === 'offline' && body.client_id !== undefined) {
      const existing = this.refreshTokenOf(user.uuid, body.client_id);
      if (request.mobile) {
        revoked = this.#endMobileSessions(user.uuid, existing?.token);
        if (existing) this.#refresh.delete(existing.token);
      }
      issuedRefresh = request.mobile || !existing ? this.#createRefresh(user, body.client_id, request.mobile).token : existing.token;
      refreshToken = issuedRefresh;
    }
    const token = this.#issue(user, body.expiration ?? this.options.defaultLifetimeSeconds, request, refreshToken);
    return { token, revoked, ...(issuedRefresh ? { refreshToken: issuedRefresh } : {}) };
  }

  /** A live token; an expired one is forgotten. */
  find(token: string): AccessToken | undefined {
    const found = this.#access.get(token);
    if (found && found.expiresAt <= this.#now()) {
      this.#access.delete(token);
      return undefined;
    }
    return found;
  }

  revoke(token: string): boolean {
    return this.#access.delete(token);
  }

  /** Live tokens (sessions), optionally of one user. */
  sessionsOf(userUuid?: string): AccessToken[] {
    return [...this.#access.keys()]
      .map((token) => this.find(token))
      .filter((token): token is AccessToken => token !== undefined && (userUuid === undefined || token.userUuid === userUuid));
  }

  deleteSession(sessionUuid: string): boolean {
    const found = this.sessionsOf().find((token) => token.sessionUuid === sessionUuid);
    return found ? this.revoke(found.token) : false;
  }

  /** Ends every session of a user (password change, disabled user). */
  endSessionsOf(userUuid: string): number {
    const sessions = this.sessionsOf(userUuid);
    for (const session of sessions) this.revoke(session.token);
    return sessions.length;
  }

  refreshTokenOf(userUuid: string, clientId: string): RefreshToken | undefined {
    return [...this.#refresh.values()].find((refresh) => refresh.userUuid === userUuid && refresh.clientId === clientId);
  }

  refreshTokens(): RefreshToken[] {
    return [...this.#refresh.values()];
  }

  deleteRefreshToken(userUuid: string, clientId: string): boolean {
    const found = this.refreshTokenOf(userUuid, clientId);
    return found ? this.#refresh.delete(found.token) : false;
  }

  /** A refresh token given at seeding (a fixture), with a known value. */
  addRefreshToken(refresh: RefreshToken): void {
    this.#refresh.set(refresh.token, refresh);
  }

  clear(): void {
    this.#access.clear();
    this.#refresh.clear();
  }

  /** The body of `POST /token` and `GET /token/{token}`; `refreshToken` only right after an offline login. */
  view(token: AccessToken, refreshToken?: string): Auth.Token {
    return {
      token: token.token,
      auth_id: token.userUuid,
      xivo_user_uuid: token.metadata.pbx_user_uuid ?? null,
      xivo_uuid: this.#store.stackUuid,
      issued_at: tokenTime(token.issuedAt),
      expires_at: tokenTime(token.expiresAt),
      utc_issued_at: tokenTime(token.issuedAt),
      utc_expires_at: tokenTime(token.expiresAt),
      acl: token.acl,
      metadata: token.metadata,
      session_uuid: token.sessionUuid,
      remote_addr: token.remoteAddr,
      user_agent: token.userAgent,
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
    };
  }

  #checkPassword({ login, password }: { login: string; password: string }): string | undefined {
    const wanted = login.toLowerCase();
    const user = [...this.#store.authUsers.values()].find(
      (candidate) =>
        candidate.username?.toLowerCase() === wanted || candidate.emails.some((email) => email.confirmed && email.address.toLowerCase() === wanted),
    );
    const secret = user && this.#store.authSecrets.get(user.uuid)?.password;
    return secret !== null && secret !== undefined && secret === password ? user!.uuid : undefined;
  }

  #createRefresh(user: Auth.User, clientId: string, mobile: boolean): RefreshToken {
    const refresh = { token: uuid(), clientId, userUuid: user.uuid, tenantUuid: user.tenant_uuid, mobile, createdAt: this.#now() };
    this.#refresh.set(refresh.token, refresh);
    return refresh;
  }

  /** A mobile offline login ends the user's mobile sessions and those of the refresh token it replaces. */
  #endMobileSessions(userUuid: string, replacedRefresh: string | undefined): number {
    const ended = this.sessionsOf(userUuid).filter((session) => session.mobile || (replacedRefresh !== undefined && session.refreshToken === replacedRefresh));
    for (const session of ended) this.revoke(session.token);
    return ended.length;
  }

  #issue(user: Auth.User, lifetimeSeconds: number, request: TokenRequest, refreshToken: string | undefined): AccessToken {
    const store = this.#store;
    const now = this.#now();
    const token = uuid();
    const sessionUuid = uuid();
    const acl = aclOf(store, user.uuid);
    const pbxUser = store.confdUsers.get(user.uuid);
    const authorizations = store.authSecrets.get(user.uuid)?.authorizations ?? [];
    const metadata: Auth.TokenMetadata = {
      uuid: user.uuid,
      tenant_uuid: user.tenant_uuid,
      auth_id: user.uuid,
      pbx_user_uuid: pbxUser ? pbxUser.uuid : null,
      xivo_uuid: store.stackUuid,
      purpose: user.purpose,
      admin: isAdmin(store, user.uuid),
      ...(authorizations.length > 0 ? { jwt: unsignedJwt({ uuid: user.uuid, tenant_uuid: user.tenant_uuid, authorizations }) } : {}),
    };
    const access: AccessToken = {
      token,
      sessionUuid,
      userUuid: user.uuid,
      tenantUuid: user.tenant_uuid,
      acl,
      access: compileAcl(acl, { userUuid: user.uuid, sessionUuid }),
      metadata,
      issuedAt: now,
      expiresAt: now + lifetimeSeconds * 1000,
      mobile: request.mobile,
      remoteAddr: request.remoteAddr,
      userAgent: request.userAgent,
      ...(refreshToken ? { refreshToken } : {}),
    };
    this.#access.set(token, access);
    return access;
  }
}

function requestProblem(body: Auth.TokenRequest, clientIds: readonly string[] | undefined): string | undefined {
  if (body.access_type === 'offline' && body.client_id === undefined) return 'access_type offline requires a client_id';
  if (body.access_type === 'offline' && body.refresh_token !== undefined) return 'access_type offline cannot be used with a refresh_token';
  if (body.refresh_token !== undefined && body.client_id === undefined) return 'a refresh_token requires its client_id';
  if (body.refresh_token !== undefined && body.saml_session_id !== undefined) return 'refresh_token and saml_session_id exclude each other';
  if (body.domain_name !== undefined && body.tenant_id !== undefined) return 'domain_name and tenant_id exclude each other';
  if (body.client_id !== undefined && clientIds && !clientIds.includes(body.client_id)) return `unknown client_id ${body.client_id}`;
  return undefined;
}

/**
 * The Portal's signed JWT carries the user's authorizations; the simulator cannot sign with the Portal's
 * key, so it sends the same payload unsigned (`alg: none`).
 */
function unsignedJwt(payload: object): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(payload)}.`;
}
