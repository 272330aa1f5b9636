import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EndpointRules } from './restrictions.js';

/** The claims Crossbar puts in its JWTs (`crossbar_auth:create_auth_token`), plus `iat` and `jti`. */
export interface TokenClaims {
  account_id: string;
  owner_id?: string;
  /** The auth module that issued the token: `cb_api_auth`, `cb_user_auth`, `cb_auth`, ... */
  method: string;
  /** Expiry, Unix seconds. */
  exp: number;
  iat: number;
  /** Token id, for revocation. */
  jti: string;
  iss: string;
  /** Set when an admin impersonates a user. */
  original_account_id?: string;
  original_owner_id?: string;
  /** The account's token restrictions when the token was made (see restrictions.ts). */
  restrictions?: EndpointRules;
}

export type TokenCheck = { claims: TokenClaims } | { problem: 'malformed' | 'signature' | 'expired' | 'revoked' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** A random lowercase hex string (token ids, request ids, runtime document ids). */
export function randomHex(length = 32): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

/**
 * JWT-shaped auth tokens (`header.payload.signature`, base64url JSON) signed with HMAC-SHA256 and a key
 * that lives as long as the simulator. `exp` is fixed at creation, as with Kazoo's JWTs; a revoked token id
 * stays refused until `clear()`.
 */
export class Tokens {
  readonly #key = randomBytes(32);
  readonly #revoked = new Set<string>();
  readonly #now: () => number;
  readonly lifetimeSeconds: number;

  constructor(now: () => number, lifetimeSeconds: number) {
    this.#now = now;
    this.lifetimeSeconds = lifetimeSeconds;
  }

  issue(claims: Omit<TokenClaims, 'exp' | 'iat' | 'jti' | 'iss'>): { token: string; claims: TokenClaims } {
    const iat = Math.floor(this.#now() / 1000);
    const full: TokenClaims = { ...claims, iat, exp: iat + this.lifetimeSeconds, jti: randomHex(), iss: 'kazoo' };
    const payload = `${HEADER}.${base64url(JSON.stringify(full))}`;
    return { token: `${payload}.${this.#sign(payload)}`, claims: full };
  }

  verify(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3) return { problem: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.#sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { problem: 'signature' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { problem: 'malformed' };
    }
    if (this.#revoked.has(claims.jti)) return { problem: 'revoked' };
    if (claims.exp <= Math.floor(this.#now() / 1000)) return { problem: 'expired' };
    return { claims };
  }

  revoke(claims: TokenClaims): void {
    this.#revoked.add(claims.jti);
  }

  clear(): void {
    this.#revoked.clear();
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
