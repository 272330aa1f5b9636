/**
 * The seed SDK's two login gates, `minSubscriptionType` and `authorizationName`. They keep users who do
 * not qualify out of an application's UI; the daemons enforce permissions whatever the client decides.
 */
import { jwtClaims } from '@pbxkit/core';
import { AuthorizationRequiredError, SubscriptionRequiredError } from './errors.js';
import type { Session } from './session.js';

/** The wazo-confd user of a session, as far as the gates read it. */
export interface ConfdUser {
  subscription_type?: number | null;
}

/** Refuses a user whose wazo-confd `subscription_type` is below `required` (or missing). */
export function checkSubscription(user: ConfdUser, required: number): void {
  const actual = typeof user?.subscription_type === 'number' ? user.subscription_type : undefined;
  if (actual !== undefined && actual >= required) return;
  throw new SubscriptionRequiredError({
    status: 401,
    message: `This application needs a subscription type of ${required} or more; the user has ${actual ?? 'none'}`,
    required,
    actual,
  });
}

interface Authorization {
  rules?: { name?: unknown }[];
}

/**
 * Refuses a user none of whose authorizations has a rule named `name`. Authorizations come from the JWT
 * that Wazo's cloud puts in the token's `metadata.jwt` (`authorizations: [{ rules: [{ name }] }]`). The
 * seed SDK verifies its signature with a key of Wazo's cloud; this client only reads it, which is enough
 * for a UI gate: a user who forges one gains no permission on the stack.
 */
export function checkAuthorization(session: Session, name: string): void {
  const authorizations = jwtClaims(session.metadata.jwt)?.authorizations;
  const granted =
    Array.isArray(authorizations) &&
    authorizations.some((a: Authorization) => Array.isArray(a?.rules) && a.rules.some((rule) => rule?.name === name));
  if (granted) return;
  throw new AuthorizationRequiredError({
    status: 401,
    message: `This application needs the authorization "${name}", which the user does not have`,
    authorizationName: name,
  });
}
