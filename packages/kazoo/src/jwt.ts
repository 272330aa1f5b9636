import { jwtClaims } from '@pbxkit/core';

/**
 * When a Kazoo token expires, in `Date.now()` milliseconds, read from its JWT `exp` claim; `undefined` for a
 * token that is not a JWT or has no readable `exp` (then it is only renewed when the server refuses it).
 */
export function tokenExpiry(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}
