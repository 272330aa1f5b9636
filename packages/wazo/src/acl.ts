/**
 * Wazo ACL matching, as wazo-auth and the daemons apply it: an access is dot-separated segments
 * (`calld.users.me.calls.read`); in the token's ACL `*` stands for one segment (or part of one), `#` for
 * anything (several segments included), a `me` segment for the token's user and `my_session` for its
 * session (the required access may also say `me` or `my_session` itself), and a leading `!` denies.
 * A denial wins over every grant.
 */

import { InvalidArgumentError } from '@pbxkit/core';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whose token the ACL belongs to: what `me` and `my_session` stand for. */
export interface AclSubject {
  userUuid?: string;
  sessionUuid?: string;
}

const placeholder = (name: string, value: string | undefined) => (value ? `(?:${name}|${escape(value)})` : name);

/** One ACL entry as a regular expression over a required access. */
function entryPattern(entry: string, { userUuid, sessionUuid }: AclSubject): RegExp {
  const segments = entry.split('.').map((segment, i) => {
    if (i > 0 && segment === 'me') return placeholder('me', userUuid);
    if (i > 0 && segment === 'my_session') return placeholder('my_session', sessionUuid);
    return escape(segment).replaceAll('\\*', '[^.]*').replaceAll('#', '.*');
  });
  return new RegExp(`^${segments.join('\\.')}$`);
}

/** Whether the ACL of a token grants `access`. */
export type AccessCheck = (access: string) => boolean;

/** Compiles the ACL of a token once; the returned function answers for any required access. */
export function compileAcl(acl: readonly string[], subject: AclSubject = {}): AccessCheck {
  const optional = (value: unknown) => value === undefined || typeof value === 'string';
  if (!Array.isArray(acl) || !acl.every((entry) => typeof entry === 'string'))
    throw new InvalidArgumentError('compileAcl() takes a list of ACL strings');
  if (typeof subject !== 'object' || subject === null || !optional(subject.userUuid) || !optional(subject.sessionUuid))
    throw new InvalidArgumentError('compileAcl(): the subject is { userUuid?, sessionUuid? } (strings)');
  const grants: RegExp[] = [];
  const denials: RegExp[] = [];
  for (const entry of acl) {
    if (entry.startsWith('!')) denials.push(entryPattern(entry.slice(1), subject));
    else grants.push(entryPattern(entry, subject));
  }
  return (access) => {
    if (typeof access !== 'string') throw new InvalidArgumentError('hasAccess() takes an access string, e.g. `calld.users.me.calls.read`');
    return !denials.some((d) => d.test(access)) && grants.some((g) => g.test(access));
  };
}
