import {
  AuthenticationError,
  createTokenManager,
  createTransport,
  InvalidArgumentError,
  type ClientOptions,
  type FieldError,
  type ParsedError,
} from '@pbxkit/core';
import {
  applyCredentials,
  authSecrets,
  initialCredentials,
  logIn,
  type VoipstudioAuth,
  type VoipstudioCredentials,
} from './auth.js';
import { createVoipstudioApi, type VoipstudioApi } from './generated/client.js';
import { authOperations } from './generated/resources/auth.js';

export const DEFAULT_BASE_URL = 'https://l7api.com/v1.2/voipstudio';

export interface VoipstudioClientOptions extends ClientOptions {
  /** Default `https://l7api.com/v1.2/voipstudio`. */
  baseUrl?: string;
  auth?: VoipstudioAuth;
  /** Sent as `X-Language` for localized error messages, e.g. `de`. */
  language?: string;
}

/** Who the client is logged in as. */
export interface VoipstudioSession {
  token: string;
  userId: number | undefined;
}

export interface VoipstudioClient extends VoipstudioApi {
  /** Logs in now with the configured email and password (otherwise it happens before the first call). */
  login(): Promise<VoipstudioSession>;
  /** Ends the login session on the server (`POST /logout`) and forgets its token; a no-op with an API key. */
  logout(): Promise<void>;
  /** The current session, if any. */
  readonly session: VoipstudioSession | undefined;
  /** Use this token (e.g. restored from storage) from now on, or forget it with `undefined`. */
  setToken(token: string | undefined, userId?: number): void;
  /** Called with the new session after every automatic or explicit login. Returns the unsubscribe function. */
  onTokenRefresh(listener: (session: VoipstudioSession) => void): () => void;
}

/** VoIPstudio's error body `{ message, errors: [{ field, code, message }] }`. */
function parseError(body: unknown): ParsedError {
  const { message, errors } = (body ?? {}) as { message?: unknown; errors?: unknown };
  const fieldErrors = Array.isArray(errors)
    ? errors.filter((e): e is FieldError => typeof e?.message === 'string')
    : [];
  return { message: typeof message === 'string' ? message : fieldErrors[0]?.message, fieldErrors };
}

// The generated logout operation, sent without the auth stage (see `logout()`).
const [logoutMethod, logoutPath] = authOperations.logout;
const LOGOUT = { method: logoutMethod, path: logoutPath, anonymous: true };

const toSession = (c: VoipstudioCredentials): VoipstudioSession => ({ token: c.token, userId: c.userId });

export function createVoipstudioClient(given?: VoipstudioClientOptions): VoipstudioClient {
  const options = given ?? {};
  const { auth, language, baseUrl = DEFAULT_BASE_URL, timeout } = options;
  if (typeof options !== 'object' || !URL.canParse(baseUrl) || !(timeout === undefined || timeout >= 0)) {
    throw new InvalidArgumentError('options must be an object with an absolute `baseUrl` and a `timeout` of 0 ms or more');
  }
  const credentials = initialCredentials(auth);
  const login = auth && 'email' in auth ? auth : undefined;
  const tokens = createTokenManager<VoipstudioCredentials>({
    credentials,
    refresh: login && (() => logIn(api, login)),
  });
  const transport = createTransport({
    baseUrl: String(baseUrl).replace(/\/+$/, ''),
    fetch: options.fetch,
    headers: { ...options.headers, ...(language && { 'X-Language': language }) },
    timeout,
    retry: options.retry,
    logger: options.logger,
    logLevel: options.logLevel,
    auth: { tokens, apply: applyCredentials },
    parseError,
    secrets: authSecrets(auth),
  });
  const api = createVoipstudioApi(transport);

  // API tokens are long-lived keys: logging out applies to login sessions only.
  const hasSession = !!auth && !('apiKey' in auth);

  return {
    ...api,
    async login() {
      if (!login) throw new InvalidArgumentError('login() needs `auth: { email, password }`');
      tokens.set(undefined);
      return toSession((await tokens.ensure())!);
    },
    async logout() {
      const session = hasSession && tokens.current;
      if (!session) return;
      tokens.set(undefined);
      // Sent with this session's token and no refresh: an expired session is not revived just to end it.
      await transport
        .call(LOGOUT, { headers: { 'X-Auth-Token': session.token } }, 'data')
        .catch((error: unknown) => {
          if (!(error instanceof AuthenticationError)) throw error;
        });
    },
    get session() {
      return tokens.current && toSession(tokens.current);
    },
    setToken(token: string | undefined, userId?: number) {
      if (token !== undefined && (typeof token !== 'string' || !token)) {
        throw new InvalidArgumentError('setToken() takes a non-empty string or undefined');
      }
      if (token) transport.secrets.add(token);
      tokens.set(token ? { token, userId } : undefined);
    },
    onTokenRefresh(listener: (session: VoipstudioSession) => void) {
      return tokens.onRefresh((c) => listener(toSession(c)));
    },
  };
}
