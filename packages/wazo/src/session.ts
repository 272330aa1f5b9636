import { PbxkitError } from '@pbxkit/core';
import { compileAcl } from './acl.js';
import type { Token, TokenMetadata } from './generated/auth/models.js';

/** A logged-in user's access token and what wazo-auth says about it. */
export interface Session {
  /** The access token, sent as `X-Auth-Token`. A credential: keep it out of logs. */
  readonly token: string;
  /** The refresh token (logins with a `clientId`), to create access tokens without the password. */
  readonly refreshToken: string | undefined;
  /** When the token expires (wazo-auth's `utc_expires_at`). */
  readonly expiresAt: Date;
  /** When the token was created (`utc_issued_at`). */
  readonly issuedAt: Date;
  /** The wazo-auth user (`metadata.uuid`); for `wazo_user` logins also the wazo-confd user. */
  readonly userUuid: string;
  /** The user's tenant (`metadata.tenant_uuid`). */
  readonly tenantUuid: string | undefined;
  readonly sessionUuid: string;
  /** Accesses the token grants, e.g. `calld.users.me.#`; `!` entries deny. */
  readonly acl: readonly string[];
  /** What wazo-auth's metadata plugins say about the user (`pbx_user_uuid`, `purpose`, `admin`, ...). */
  readonly metadata: TokenMetadata;
  /** Whether the token's ACL grants `access` (e.g. `calld.users.me.calls.read`), as wazo-auth decides it. */
  hasAccess(access: string): boolean;
}

const wazoTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A wazo-auth time. `utc_expires_at` and `utc_issued_at` are UTC without a `Z` (`2024-06-01T15:00:00.123456`),
 * which `Date.parse` would read as local time: a time without an offset is taken as UTC here.
 */
export function parseWazoTime(text: string): Date {
  const match = typeof text === 'string' ? wazoTime.exec(text) : null;
  if (!match) return new Date(Number.NaN);
  const [, y, mo, d, h, mi, s, fraction = '0', offset = 'Z'] = match;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, ms);
  if (offset === 'Z') return new Date(utc);
  const sign = offset.startsWith('-') ? -1 : 1;
  const [oh, om] = [Number(offset.slice(1, 3)), Number(offset.slice(-2))];
  return new Date(utc - sign * (oh * 60 + om) * 60_000);
}

/**
 * The session of the token data wazo-auth returns (`POST /token`, `GET /token/{token}`). A refresh answer
 * has no `refresh_token`: the one the session was refreshed with carries over.
 */
export function toSession(data: Token, refreshToken?: string): Session {
  const expiresAt = parseWazoTime(data?.utc_expires_at);
  if (typeof data?.token !== 'string' || !data.token || Number.isNaN(expiresAt.getTime())) {
    throw new PbxkitError('wazo-auth answered with token data this client cannot read (no token or expiry)');
  }
  const metadata = data.metadata ?? ({} as TokenMetadata);
  const acl = Array.isArray(data.acl) ? data.acl : [];
  const userUuid = metadata.uuid ?? data.auth_id;
  return {
    token: data.token,
    refreshToken: data.refresh_token ?? refreshToken,
    expiresAt,
    issuedAt: parseWazoTime(data.utc_issued_at),
    userUuid,
    tenantUuid: metadata.tenant_uuid,
    sessionUuid: data.session_uuid,
    acl,
    metadata,
    hasAccess: compileAcl(acl, { userUuid, sessionUuid: data.session_uuid }),
  };
}
