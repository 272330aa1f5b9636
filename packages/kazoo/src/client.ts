import {
  createTokenManager,
  createTransport,
  InvalidArgumentError,
  type ApiFactory,
  type ClientOptions,
  type ComposedApi,
  type FieldError,
  type ParsedError,
} from '@pbxkit/core';
import {
  applyCredentials,
  authSecrets,
  fromToken,
  initialCredentials,
  isRenewable,
  renewal,
  type KazooAuth,
  type KazooCredentials,
} from './auth.js';
import { kazooFilterSerializer } from './filter.js';
import { createKazooApi, type KazooApi } from './generated/client.js';
import { authApi } from './generated/resources/auth.js';
import type { cdrsApi } from './generated/resources/cdrs.js';
import { gregorianSerializer } from './gregorian.js';
import { DEFAULT_MAX_RANGE_SECONDS, splitByTimeRange } from './time-range.js';

export const DEFAULT_BASE_URL = 'http://localhost:8000/v2';

export interface KazooClientOptions extends ClientOptions {
  /** Crossbar's URL up to and including `/v2`. Default `http://localhost:8000/v2`. */
  baseUrl?: string;
  /** The account of `{account_id}` paths when a call leaves it out. Default: the account the token acts in. */
  accountId?: string;
  auth?: KazooAuth;
  /**
   * The longest `created_from`..`created_to` span the server accepts, in seconds (`crossbar.maximum_range`,
   * default 31 days + 1 hour): `.all()` of the CDR listings walks longer ranges in windows of this size.
   */
  maxRangeSeconds?: number;
}

/** Who the client is authenticated as. */
export interface KazooSession {
  token: string;
  accountId: string | undefined;
  ownerId: string | undefined;
  /** When the token expires (its JWT `exp`), if it says. */
  expiresAt: Date | undefined;
}

/** What every Kazoo client has, whichever resources it was composed of. */
export interface KazooSessionMethods {
  /** Authenticates now with the API key or user credentials (otherwise it happens before the first call). */
  authenticate(): Promise<KazooSession>;
  /** The current session, if any. */
  readonly session: KazooSession | undefined;
  /** Use this token (e.g. restored from storage) from now on, or forget it with `undefined`. */
  setToken(token: string | undefined): void;
  /** Called with the new session after every automatic or explicit authentication. Returns the unsubscribe function. */
  onTokenRefresh(listener: (session: KazooSession) => void): () => void;
}

/** A client with every resource. */
export interface KazooClient extends KazooApi, KazooSessionMethods {}

/** A JSON object (not null, not an array). */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Kazoo's error envelope `{ error: '400', message: 'validation error', data: { 'a.b': { required: { message } } } }`:
 * validation errors become field errors (`field` is the dotted path, `code` the failed rule).
 */
export function parseKazooError(body: unknown): ParsedError {
  if (!isObject(body)) return {};
  const data = body.data;
  const fieldErrors: FieldError[] = [];
  if (isObject(data))
    for (const [field, rules] of Object.entries(data))
      if (isObject(rules))
        for (const [code, detail] of Object.entries(rules))
          if (isObject(detail) && typeof detail.message === 'string') fieldErrors.push({ field, code, message: detail.message });
  const detail = isObject(data) && typeof data.message === 'string' ? data.message : undefined;
  const message = typeof body.message === 'string' ? body.message : undefined;
  return { message: detail && message && detail !== message ? `${message}: ${detail}` : (message ?? detail), fieldErrors };
}

type CdrsApi = ReturnType<typeof cdrsApi>;

const toSession = (c: KazooCredentials): KazooSession => ({
  token: c.token,
  accountId: c.accountId,
  ownerId: c.ownerId,
  expiresAt: c.expiresAt === undefined ? undefined : new Date(c.expiresAt),
});

/** A Kazoo client with every resource. */
export function createKazooClient(options?: KazooClientOptions): KazooClient {
  return composeKazooClient(options, createKazooApi);
}

/**
 * A Kazoo client with only the resources the factories make, so that a bundle carries only their
 * operation tables: `composeKazooClient({ auth }, cdrsApi, usersApi)`. Authentication works the same.
 */
export function composeKazooClient<const F extends readonly ApiFactory[]>(
  given: KazooClientOptions | undefined,
  ...factories: F
): KazooSessionMethods & ComposedApi<F> {
  const options = given ?? {};
  const { auth, baseUrl = DEFAULT_BASE_URL, timeout, accountId, maxRangeSeconds = DEFAULT_MAX_RANGE_SECONDS } = options;
  if (
    typeof options !== 'object' ||
    !URL.canParse(baseUrl) ||
    !(timeout === undefined || timeout >= 0) ||
    !(accountId === undefined || (typeof accountId === 'string' && accountId)) ||
    !(maxRangeSeconds > 0) ||
    !factories.every((factory) => typeof factory === 'function')
  ) {
    throw new InvalidArgumentError(
      'options must be an object with an absolute `baseUrl`, a `timeout` of 0 ms or more, a non-empty `accountId` and a positive `maxRangeSeconds`; factories must be functions such as `cdrsApi`',
    );
  }
  const credentials = initialCredentials(auth);
  // Set once the API exists; a bare token has none, so a 401 ends its call with an AuthenticationError.
  let renew: (() => Promise<KazooCredentials>) | undefined;
  const refresh = async () => {
    const fresh = await renew!();
    transport.secrets.add(fresh.token);
    return fresh;
  };
  const tokens = createTokenManager<KazooCredentials>({ credentials, refresh: isRenewable(auth) ? refresh : undefined });
  const transport = createTransport({
    baseUrl: String(baseUrl).replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: options.headers,
    timeout,
    retry: options.retry,
    logger: options.logger,
    logLevel: options.logLevel,
    auth: { tokens, apply: applyCredentials },
    parseError: parseKazooError,
    secrets: authSecrets(auth),
    serializers: { 'kazoo-filter': kazooFilterSerializer, 'gregorian-seconds': gregorianSerializer },
    clientOption: (name) => (name === 'accountId' ? (accountId ?? tokens.current?.accountId) : undefined),
  });
  renew = renewal(authApi(transport).auth, auth, (value) => transport.secrets.add(value));
  const api = Object.assign({}, ...factories.map((factory) => factory(transport))) as ComposedApi<F> & Partial<CdrsApi>;
  if (api.cdrs)
    for (const name of ['list', 'listForUser', 'listInteractions', 'listInteractionsForUser'] as const)
      Object.assign(api.cdrs[name], { all: splitByTimeRange(api.cdrs[name].all as never, maxRangeSeconds) });

  return {
    ...api,
    async authenticate() {
      if (!renew) throw new InvalidArgumentError('authenticate() needs `auth` with an apiKey or user credentials');
      tokens.set(undefined);
      return toSession((await tokens.ensure())!);
    },
    get session() {
      return tokens.current && toSession(tokens.current);
    },
    setToken(token: string | undefined) {
      if (token !== undefined && (typeof token !== 'string' || !token)) {
        throw new InvalidArgumentError('setToken() takes a non-empty string or undefined');
      }
      if (token) transport.secrets.add(token);
      tokens.set(token ? fromToken(token) : undefined);
    },
    onTokenRefresh(listener: (session: KazooSession) => void) {
      return tokens.onRefresh((c) => listener(toSession(c)));
    },
  };
}
