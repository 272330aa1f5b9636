import type { AuthResult } from '../framework/app.js';
import type { OperationContract } from '../framework/contract.js';
import { requiredAccess } from './acl.js';
import { declaredShape, failureReply, type Failure } from './errors.js';
import type { WazoStore } from './store.js';
import { isWithin } from './tenants.js';
import type { AccessToken, Tokens } from './tokens.js';

/** Who a request authenticates as. */
export interface WazoCaller {
  token: AccessToken;
  /** The wazo-auth user (also the wazo-confd user's UUID when it has one). */
  userUuid: string;
  /** The tenant the request acts on: the allowed `Wazo-Tenant` (or `?tenant=`), else the token's. */
  tenantUuid: string;
}

type Reason = 'not_found_or_expired' | 'missing_permission_or_invalid_tenant';

/**
 * The token check every daemon runs before its handlers, as xivo's auth verifier does it: the token from
 * `X-Auth-Token` (or `?token=` where the operation declares it), the operation's required ACL with its
 * path parameters filled in, and the tenant from `Wazo-Tenant` (or `?tenant=`), which must be the token's
 * tenant or one below it. Every refusal is a 401 in the shape the operation declares for 401.
 */
export function createVerifier(store: WazoStore, tokens: Tokens, now: () => number) {
  return (request: Request, operation: OperationContract, pathParams: Record<string, string>): AuthResult<WazoCaller> => {
    const url = new URL(request.url);
    const fromQuery = (name: string) => (declaresQuery(operation, name) ? url.searchParams.get(name) : null);
    const tokenText = request.headers.get('X-Auth-Token') ?? fromQuery('token') ?? '';
    const required = requiredAccess(operation, pathParams);
    const refuse = (reason: Reason, tenantUuid?: string) => ({
      reply: failureReply(operation, unauthorized(operation, tokenText, reason, required, tenantUuid), now()),
    });

    const token = tokens.find(tokenText);
    if (!token) return refuse('not_found_or_expired');
    const tenant = request.headers.get('Wazo-Tenant') ?? fromQuery('tenant');
    if (tenant !== null && !isWithin(store, tenant, token.tenantUuid)) return refuse('missing_permission_or_invalid_tenant', tenant);
    if (required !== undefined && !token.access.grants(required)) return refuse('missing_permission_or_invalid_tenant', tenant ?? token.tenantUuid);
    return { auth: { token, userUuid: token.userUuid, tenantUuid: tenant ?? token.tenantUuid } };
  };
}

function declaresQuery(operation: OperationContract, name: string): boolean {
  return operation.parameters.some(({ value }) => value.in === 'query' && value.name === name);
}

/** The verifier's 401; confd words it as the exception's arguments, agentd and dird's legacy routes say less. */
function unauthorized(operation: OperationContract, token: string, reason: Reason, required: string | undefined, tenantUuid: string | undefined): Failure {
  const details = {
    invalid_token: token,
    reason,
    ...(required !== undefined ? { required_access: required } : {}),
    ...(tenantUuid !== undefined ? { tenant_uuid: tenantUuid } : {}),
  };
  const shape = declaredShape(operation, 401);
  const message =
    shape === 'confd'
      ? `(${[token, required, tenantUuid].filter((part) => part !== undefined).map((part) => `'${part}'`).join(', ')})`
      : shape === 'agentd'
        ? 'invalid token or unauthorized'
        : 'Unauthorized';
  return { status: 401, message, errorId: 'unauthorized', details };
}
