import { isJsonObject, type Json } from './documents.js';

/**
 * Token restrictions (`token_restrictions.md`): an account's template `restrictions[<auth method>][<priv level>]`
 * is copied into each token it issues as `{<endpoint>: [rule, ...]}`; a request must then match a rule of its
 * endpoint (or of `_`): its account must be allowed (`_`, an id, `{AUTH_ACCOUNT_ID}`, `{DESCENDANT_ACCOUNT_ID}`)
 * and the path arguments after the endpoint must match a pattern (`/` none, `*` one, `#` any, literals) that
 * lists the method (or `_`).
 */
export type EndpointRules = Record<string, Json[]>;

/** The slice of an account's template that applies to a new token. */
export function restrictionsFor(template: Json | undefined, method: string, privLevel: string): EndpointRules | undefined {
  const byMethod = isJsonObject(template?.restrictions) ? template.restrictions : undefined;
  const byLevel = byMethod && (byMethod[method] ?? byMethod._);
  const endpoints = isJsonObject(byLevel) ? (byLevel[privLevel] ?? byLevel._) : undefined;
  return isJsonObject(endpoints) ? (endpoints as EndpointRules) : undefined;
}

export interface RestrictedRequest {
  method: string;
  /** The path under `/v2`, split: `['accounts', '<id>', 'users', '<user id>']`. */
  segments: string[];
  tokenAccountId: string;
  /** Whether the addressed account is a descendant of the token's (not the account itself). */
  isDescendant: (accountId: string) => boolean;
}

export function isAllowed(rules: EndpointRules, request: RestrictedRequest): boolean {
  const { segments } = request;
  const underAccount = segments[0] === 'accounts' && segments.length > 1;
  const accountId = underAccount ? segments[1] : request.tokenAccountId;
  const [endpoint = 'accounts', ...args] = underAccount ? (segments.length > 2 ? segments.slice(2) : ['accounts', segments[1]!]) : segments;
  const candidates = rules[endpoint] ?? rules._ ?? [];
  return candidates.some((rule) => accountAllowed(rule, accountId!, request) && argumentsAllowed(rule, args, request.method));
}

function accountAllowed(rule: Json, accountId: string, request: RestrictedRequest): boolean {
  const allowed = Array.isArray(rule.allowed_accounts) ? rule.allowed_accounts : ['_'];
  return allowed.some(
    (entry) =>
      entry === '_' ||
      entry === accountId ||
      (entry === '{AUTH_ACCOUNT_ID}' && accountId === request.tokenAccountId) ||
      (entry === '{DESCENDANT_ACCOUNT_ID}' && request.isDescendant(accountId)),
  );
}

function argumentsAllowed(rule: Json, args: string[], method: string): boolean {
  const patterns = isJsonObject(rule.rules) ? rule.rules : {};
  return Object.entries(patterns).some(
    ([pattern, methods]) => Array.isArray(methods) && (methods.includes('_') || methods.includes(method)) && matches(pattern === '/' ? [] : pattern.split('/'), args),
  );
}

/** AMQP-style matching: `*` is one segment, `#` zero or more. */
function matches(pattern: string[], args: string[]): boolean {
  if (pattern.length === 0) return args.length === 0;
  const [head, ...rest] = pattern;
  if (head === '#') return Array.from({ length: args.length + 1 }, (_, i) => i).some((i) => matches(rest, args.slice(i)));
  if (args.length === 0) return false;
  return (head === '*' || head === args[0]) && matches(rest, args.slice(1));
}
