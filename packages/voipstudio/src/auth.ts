import { AuthenticationError, InvalidArgumentError, type AuthHandler, type Credentials } from '@pbxkit/core';
import type { VoipstudioApi } from './generated/client.js';

/** Asked for the code when the account has two-factor authentication; the login then completes itself. */
export type TwoFactorPrompt = (challenge: { nonce: string; email: string }) => string | Promise<string>;

/**
 * How the client authenticates:
 * - `{ email, password, twoFactor? }`: logs in before the first call and again whenever the session expires;
 * - `{ apiKey }`: an API token from `POST /apitokens` or the dashboard, sent as `X-Auth-Token`;
 *   with `userId` it is sent as HTTP Basic `user_id:token` instead;
 * - `{ token }`: a `user_token` from an earlier login; never renewed (a 401 is an `AuthenticationError`).
 */
export type VoipstudioAuth =
  | { email: string; password: string; twoFactor?: TwoFactorPrompt }
  | { apiKey: string; userId?: number }
  | { token: string; userId?: number };

export interface VoipstudioCredentials extends Credentials {
  userId?: number;
  /** Whether `token` is sent as HTTP Basic `userId:token` rather than `X-Auth-Token`. */
  basic?: boolean;
}

/** The account has two-factor authentication and no `twoFactor` prompt was given. */
export class TwoFactorRequiredError extends AuthenticationError {
  override name = 'TwoFactorRequiredError';
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const badAuth = () =>
  new InvalidArgumentError('`auth` must be { email, password, twoFactor? }, { apiKey, userId? } or { token, userId? }');

/** The credentials an `auth` option starts with; throws `InvalidArgumentError` on a malformed option. */
export function initialCredentials(auth: VoipstudioAuth | undefined): VoipstudioCredentials | undefined {
  if (auth === undefined) return undefined;
  if (auth === null || typeof auth !== 'object') throw badAuth();
  if ('email' in auth || 'password' in auth) {
    const { email, password, twoFactor } = auth as Partial<Extract<VoipstudioAuth, { email: string }>>;
    if (!nonEmpty(email) || !nonEmpty(password) || (twoFactor !== undefined && typeof twoFactor !== 'function')) throw badAuth();
    return undefined;
  }
  const token = 'apiKey' in auth ? auth.apiKey : 'token' in auth ? auth.token : undefined;
  if (!nonEmpty(token) || (auth.userId !== undefined && !Number.isInteger(auth.userId))) throw badAuth();
  return { token, userId: auth.userId, basic: 'apiKey' in auth && auth.userId !== undefined };
}

/** Every secret value the option carries, so that none is ever logged. */
export const authSecrets = (auth: VoipstudioAuth | undefined): string[] =>
  auth ? ['password' in auth ? auth.password : '', 'apiKey' in auth ? auth.apiKey : '', 'token' in auth ? auth.token : ''].filter(nonEmpty) : [];

export const applyCredentials: AuthHandler<VoipstudioCredentials>['apply'] = (headers, { token, userId, basic }) => {
  if (basic) headers.set('Authorization', `Basic ${btoa(`${userId}:${token}`)}`);
  else headers.set('X-Auth-Token', token);
};

/**
 * `POST /login`, and `POST /login2fa` when the server answers 202 with a nonce. A refusal (400 or 401)
 * reaches the caller as an `AuthenticationError` through the token manager.
 */
export async function logIn(
  api: VoipstudioApi,
  { email, password, twoFactor }: { email: string; password: string; twoFactor?: TwoFactorPrompt },
): Promise<VoipstudioCredentials> {
  const first = await api.auth.login.withResponse({ body: { email, password } });
  if (!('nonce' in first.data)) return { token: first.data.user_token, userId: first.data.user_id };
  const { nonce } = first.data;
  if (!twoFactor) {
    throw new TwoFactorRequiredError({
      status: first.response.status,
      message: 'The account uses two-factor authentication: pass `auth.twoFactor` to supply the code',
      requestId: first.requestId,
    });
  }
  const code = await twoFactor({ nonce, email });
  const second = await api.auth.loginTwoFactor({ body: { code: String(code), nonce } });
  return { token: second.user_token, userId: second.user_id };
}
