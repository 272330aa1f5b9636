import type { OperationContract } from '../framework/contract.js';

/**
 * Wazo ACL matching, as wazo-auth checks a token: accesses are dot-separated; in a granted access `*`
 * stands for one segment (or part of one), `#` for anything (several segments included), the segment `me`
 * for the token's user (`me` itself or its UUID) and `my_session` for its session. An access starting
 * with `!` is a negation: it wins over every grant.
 */
export interface AclSubject {
  userUuid: string;
  sessionUuid: string;
}

export interface CompiledAcl {
  grants(requiredAccess: string): boolean;
}

export function compileAcl(acl: readonly string[], subject: AclSubject): CompiledAcl {
  const positive = acl.filter((access) => !access.startsWith('!')).map((access) => accessPattern(access, subject));
  const negative = acl.filter((access) => access.startsWith('!')).map((access) => accessPattern(access.slice(1), subject));
  return {
    grants: (required) => !negative.some((pattern) => pattern.test(required)) && positive.some((pattern) => pattern.test(required)),
  };
}

function accessPattern(access: string, subject: AclSubject): RegExp {
  const segments = access.split('.').map((segment) => {
    if (segment === 'me') return `(?:me|${escape(subject.userUuid)})`;
    if (segment === 'my_session') return `(?:my_session|${escape(subject.sessionUuid)})`;
    return [...segment].map((c) => (c === '*' ? '[^.#]*' : c === '#' ? '.*' : escape(c))).join('');
  });
  return new RegExp(`^${segments.join('\\.')}$`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const REQUIRED_ACL = /Required\s+ACL:?\s*`([^`]+)`/;
const templates = new WeakMap<OperationContract, string | null>();

/**
 * The access an operation requires, from its description ("Required ACL: `calld.users.me.calls.read`")
 * with the path parameters filled in; undefined for operations that require none.
 */
export function requiredAccess(operation: OperationContract, pathParams: Record<string, string>): string | undefined {
  let template = templates.get(operation);
  if (template === undefined) {
    template = REQUIRED_ACL.exec(String(operation.object.description ?? ''))?.[1] ?? null;
    templates.set(operation, template);
  }
  return template?.replace(/\{([^}]+)\}/g, (whole, name: string) => pathParams[name] ?? whole);
}
