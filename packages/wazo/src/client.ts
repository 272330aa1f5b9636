import {
  createTokenManager,
  createTransport,
  InvalidArgumentError,
  type ApiFactory,
  type AuthHandler,
  type ComposedApi,
  type Credentials,
  type Transport,
} from '@pbxkit/core';
import { createSessionControl, type SessionAuth } from './auth.js';
import { parseWazoError, redactBody } from './errors.js';
import { wazoFetch } from './fetch.js';
import { createWazoApi, type WazoApi } from './generated/client.js';
import { checkOptions, type WazoClientOptions } from './options.js';
import { refreshPolicy, type WazoCredentials } from './refresh.js';
import { createRequest, type WazoRequest } from './request.js';
import type { Session } from './session.js';

/** What every Wazo client has, whichever daemons it carries. */
export interface WazoSessionLayer {
  /** `logIn`, `logOut`, `validateToken`, `checkToken`; with wazo-auth's API, its other operations too. */
  readonly auth: SessionAuth;
  /** The session of the current token; `undefined` when logged out or after a bare `setToken`. */
  readonly session: Session | undefined;
  /** Use this token from now on (e.g. restored from storage), or forget it with `undefined`. */
  setToken(token: string | undefined): void;
  /** Use this refresh token (created for the client's `clientId`) from now on, or forget it. */
  setRefreshToken(refreshToken: string | undefined): void;
  /** Act on this tenant (`Wazo-Tenant` on every request), or on the token's own with `undefined`. */
  setTenant(tenantUuid: string | undefined): void;
  /** Called with the new session after every token refresh. Returns the unsubscribe function. */
  onTokenRefresh(listener: (session: Session) => void): () => void;
  /**
   * The token to use now, as a request would: refreshed first once it is due. Rejects with
   * `AuthenticationError` when there is none and none can be created.
   */
  currentToken(): Promise<string>;
  /**
   * A token to replace `rejected` (default: the current one), e.g. after another service refused it: the
   * current token when it already differs, else a new one from the refresh token (one refresh however
   * many callers). Rejects with `AuthenticationError` when it cannot be renewed.
   */
  renewToken(rejected?: string): Promise<string>;
  /** The stack's root URL, e.g. `https://stack.example.com`. */
  readonly baseUrl: string;
  /** Any Wazo endpoint: `request('GET', 'dird/0.1/personal', { query })`, with the client's auth and retries. */
  request: WazoRequest;
}

/** A client made of the namespaces in `Api`, with wazo-auth's raw token operations replaced by the session layer's. */
export type WazoClientOf<Api> = Omit<Api, 'auth'> &
  WazoSessionLayer & {
    readonly auth: SessionAuth & (Api extends { readonly auth: infer Auth } ? Omit<Auth, keyof SessionAuth> : unknown);
  };

/** Every daemon: `auth`, `calld`, `application`, `confd`, `dird`, `agentd`, `callLogd`, `chatd`. */
export type WazoClient = WazoClientOf<WazoApi>;


/**
 * A client that carries only the daemons it is given, so that a bundle holds only their operations:
 *
 * ```ts
 * import { composeWazoClient, createCalldApi, createChatdApi } from '@pbxkit/wazo';
 * const wazo = composeWazoClient({ host, clientId }, createCalldApi, createChatdApi);
 * await wazo.auth.logIn({ username, password });
 * await wazo.calld.listCalls();
 * ```
 */
export function composeWazoClient<F extends ApiFactory[]>(options: WazoClientOptions, ...factories: F): WazoClientOf<ComposedApi<F>> {
  const o = checkOptions(options);
  if (!factories.every((factory) => typeof factory === 'function'))
    throw new InvalidArgumentError('composeWazoClient() takes the options, then factories such as `createCalldApi`');
  let tenant = o.tenant;
  const inner = createTokenManager<WazoCredentials>({
    credentials: o.token ? { token: o.token } : undefined,
    refresh: (from) => control.refresh(from),
    // `refreshAt` already stands a margin ahead of the expiry.
    skewMs: 0,
  });
  const policy = refreshPolicy(inner, (token) => control.auth.checkToken(token));
  const auth: AuthHandler<WazoCredentials> = {
    tokens: policy.tokens,
    apply(headers, { token }) {
      headers.set('X-Auth-Token', token);
      if (tenant && !headers.has('Wazo-Tenant')) headers.set('Wazo-Tenant', tenant);
    },
    isExpired: policy.isExpired,
  };
  const warns = !['error', 'off'].includes(o.logLevel ?? 'warn');
  const transport: Transport = createTransport({
    baseUrl: o.baseUrl,
    fetch: wazoFetch(o.fetchOptions, o.fetch, (message) => warns && o.logger?.warn?.(message)),
    headers: o.headers,
    timeout: o.timeout,
    retry: o.retry,
    logger: o.logger,
    logLevel: o.logLevel,
    auth: auth as AuthHandler<Credentials>,
    parseError(body, response) {
      redactBody(body, [...transport.secrets, inner.current?.token]);
      const parsed = parseWazoError(body);
      // A 401 whose body does not say why (wazo-confd, agentd, dird's legacy routes) for a token the
      // check found alive is a permission refusal too.
      const denied = parsed.permissionDenied || (response.status === 401 && policy.checkedAlive(inner.current?.token));
      return { ...parsed, permissionDenied: denied };
    },
    secrets: [o.token, o.refreshToken].filter((s): s is string => !!s),
  });
  const control = createSessionControl(transport, inner, o);

  const api: Record<string, object> = {};
  for (const factory of factories) Object.assign(api, factory(transport));
  return {
    ...api,
    auth: { ...api.auth, ...control.auth },
    get session() {
      return inner.current?.session;
    },
    setToken(token: string | undefined) {
      if (token !== undefined && !(typeof token === 'string' && token)) {
        throw new InvalidArgumentError('setToken() takes a non-empty string or undefined');
      }
      if (token) transport.secrets.add(token);
      inner.set(token ? { token } : undefined);
    },
    setRefreshToken: control.setRefreshToken,
    setTenant(tenantUuid: string | undefined) {
      if (tenantUuid !== undefined && !(typeof tenantUuid === 'string' && tenantUuid)) {
        throw new InvalidArgumentError('setTenant() takes a tenant UUID or undefined');
      }
      tenant = tenantUuid;
    },
    onTokenRefresh(listener: (session: Session) => void) {
      return inner.onRefresh((credentials) => credentials.session && listener(credentials.session));
    },
    // With a refresh function, the token manager resolves to credentials or rejects.
    currentToken: async () => (await inner.ensure())!.token,
    async renewToken(rejected?: string) {
      if (rejected !== undefined && !(typeof rejected === 'string' && rejected)) throw new InvalidArgumentError('renewToken() takes a token or nothing');
      const current = inner.current;
      return (await inner.refreshAfterRejection(rejected === undefined || rejected === current?.token ? current : { token: rejected }))!.token;
    },
    baseUrl: o.baseUrl,
    request: createRequest(transport),
  } as unknown as WazoClientOf<ComposedApi<F>>;
}

/** A client of every Wazo daemon. For a smaller bundle, see `composeWazoClient`. */
export function createWazoClient(options: WazoClientOptions): WazoClient {
  return composeWazoClient(options, createWazoApi);
}
