import { formatDateTime } from './datetime.js';
import type { VoipstudioStore } from './store.js';
import { randomHex } from './tokens.js';

/** Who a request authenticates as. */
export interface Caller {
  userId: number;
  token: string;
  via: 'session' | 'apiToken';
}

export type Authentication = { caller: Caller } | { problem: string };

interface Session {
  userId: number;
  lastUsed: number;
}

const NONCE_LIFETIME_MS = 5 * 60_000;

/**
 * Session tokens from `POST /login` (idle expiry: each request resets the timer), pending two-factor
 * logins, and the idle expiry of API tokens (`expiry` seconds, 0 = never) kept in the store.
 */
export class Sessions {
  readonly #sessions = new Map<string, Session>();
  readonly #nonces = new Map<string, { userId: number; expires: number }>();
  readonly #apiTokenUse = new Map<string, number>();

  readonly #store: VoipstudioStore;
  readonly #now: () => number;
  readonly idleMs: number;

  constructor(store: VoipstudioStore, now: () => number, idleMs: number) {
    this.#store = store;
    this.#now = now;
    this.idleMs = idleMs;
  }

  start(userId: number): string {
    const token = randomHex();
    this.#sessions.set(token, { userId, lastUsed: this.#now() });
    return token;
  }

  end(token: string): void {
    this.#sessions.delete(token);
  }

  startTwoFactor(userId: number): string {
    const nonce = randomHex();
    this.#nonces.set(nonce, { userId, expires: this.#now() + NONCE_LIFETIME_MS });
    return nonce;
  }

  /** The user a nonce was issued for, while it is valid. */
  twoFactorUser(nonce: string): number | undefined {
    const pending = this.#nonces.get(nonce);
    if (!pending || pending.expires < this.#now()) {
      this.#nonces.delete(nonce);
      return undefined;
    }
    return pending.userId;
  }

  finishTwoFactor(nonce: string): void {
    this.#nonces.delete(nonce);
  }

  /** Checks a token (session or API token) and refreshes its idle timer. */
  authenticate(token: string): Authentication {
    const now = this.#now();
    const store = this.#store;
    if (store.account.deleted) return { problem: 'The account has been deleted' };
    const session = this.#sessions.get(token);
    if (session) {
      if (now - session.lastUsed > this.idleMs) {
        this.#sessions.delete(token);
        return { problem: 'Session expired' };
      }
      session.lastUsed = now;
      return { caller: { userId: session.userId, token, via: 'session' } };
    }
    const apiToken = store.apiTokens.get(token);
    if (!apiToken) return { problem: 'Invalid token' };
    const lastUsed = this.#apiTokenUse.get(token) ?? Date.parse(`${(apiToken.last_request_at ?? apiToken.created_at).replace(' ', 'T')}Z`);
    if (apiToken.expiry > 0 && now - lastUsed > apiToken.expiry * 1000) return { problem: 'API token expired' };
    this.#apiTokenUse.set(token, now);
    apiToken.last_request_at = formatDateTime(now);
    return { caller: { userId: apiToken.user_id, token, via: 'apiToken' } };
  }

  clear(): void {
    this.#sessions.clear();
    this.#nonces.clear();
    this.#apiTokenUse.clear();
  }
}
