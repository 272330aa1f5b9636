import { empty, json } from '../../framework/reply.js';
import type { Auth } from '../generated.js';
import type { ListOptions } from '../list-query.js';
import { isWithin } from '../tenants.js';
import { isoWithOffset } from '../time.js';
import type { AccessToken, RefreshToken } from '../tokens.js';
import { callerOf, fail, failure, listReply, listedTenants, reachableTenants, withTotals, type Deps, type WazoContext, type WazoHandlers } from './common.js';

const noSuchToken = () => failure(404, 'No such token', 'no-such-token');

/** wazo-auth's tokens, refresh tokens and sessions. */
export function authTokenHandlers(deps: Deps): WazoHandlers {
  const { tokens, store } = deps;

  /** The checks of HEAD/GET `/token/{token}`: a live token, granting `scope`, reaching `tenant`. */
  const checked = (context: WazoContext): AccessToken | ReturnType<typeof fail> => {
    const token = tokens.find(String(context.path.token));
    if (!token) return fail(deps, context, noSuchToken());
    const scope = context.query.scope as string | undefined;
    if (scope !== undefined && !token.access.grants(scope)) return fail(deps, context, failure(403, `Unauthorized for ${scope}`, 'forbidden'));
    const tenant = context.query.tenant as string | undefined;
    if (tenant !== undefined && !isWithin(store, tenant, token.tenantUuid)) return fail(deps, context, failure(403, `Unauthorized for tenant ${tenant}`, 'forbidden'));
    return token;
  };
  const isToken = (value: AccessToken | ReturnType<typeof fail>): value is AccessToken => 'token' in value && 'access' in value;

  const userIn = (context: WazoContext) => {
    const user = store.authUsers.get(String(context.path.user_uuid));
    return user && reachableTenants(deps, context).has(user.tenant_uuid) ? user : undefined;
  };
  const userNotFound = (context: WazoContext) => failure(404, `No such user: "${String(context.path.user_uuid)}"`, 'unknown-user', { uuid: context.path.user_uuid }, 'users');

  const refreshView = (refresh: RefreshToken): Auth.RefreshToken => ({
    client_id: refresh.clientId,
    created_at: isoWithOffset(refresh.createdAt),
    mobile: refresh.mobile,
    user_uuid: refresh.userUuid,
    tenant_uuid: refresh.tenantUuid,
    metadata: {},
  });
  const refreshOptions: ListOptions<RefreshToken> = {
    searchable: (refresh) => [refresh.clientId],
    sortable: ['created_at', 'client_id', 'mobile'],
    defaultOrder: 'created_at',
    sortValue: (refresh, order) => (order === 'client_id' ? refresh.clientId : order === 'mobile' ? refresh.mobile : refresh.createdAt),
    filters: { client_id: (refresh, value) => refresh.clientId === value, mobile: (refresh, value) => refresh.mobile === value },
  };
  const listRefresh = (context: WazoContext, rows: RefreshToken[]) => listReply(deps, context, rows, refreshOptions, withTotals(refreshView));

  const sessionView = (token: AccessToken): Auth.Session => ({ uuid: token.sessionUuid, user_uuid: token.userUuid, tenant_uuid: token.tenantUuid, mobile: token.mobile });
  const sessionOptions: ListOptions<AccessToken> = { searchable: () => [], sortable: ['mobile'], defaultOrder: 'mobile' };
  const listSessions = (context: WazoContext, rows: AccessToken[]) => listReply(deps, context, rows, sessionOptions, withTotals(sessionView));

  return {
    logIn: (context) => {
      const headers = context.request.headers;
      const basic = basicCredentials(headers.get('Authorization'));
      if (basic === 'malformed') return fail(deps, context, failure(401, 'Authentication Failed', 'authentication-failed'));
      const created = tokens.create({
        ...(basic ? { basic } : {}),
        body: (context.body ?? {}) as Auth.TokenRequest,
        mobile: context.header['Wazo-Session-Type'] === 'mobile',
        remoteAddr: headers.get('X-Forwarded-For')?.split(',')[0]?.trim() ?? '127.0.0.1',
        userAgent: headers.get('User-Agent'),
      });
      if ('failure' in created) return fail(deps, context, created.failure);
      return json(200, { data: tokens.view(created.token, created.refreshToken) }, { 'Wazo-Sessions-Revoked': String(created.revoked) });
    },

    checkToken: (context) => {
      const token = checked(context);
      return isToken(token) ? empty(204) : token;
    },

    getToken: (context) => {
      const token = checked(context);
      return isToken(token) ? json(200, { data: tokens.view(token) }) : token;
    },

    logOut: (context) => {
      tokens.revoke(String(context.path.token));
      return json(200, { data: { message: 'success' } });
    },

    checkScopes: (context) => {
      const token = tokens.find(String(context.path.token));
      if (!token) return fail(deps, context, noSuchToken());
      const { scopes, tenant_uuid: tenant } = context.body as Auth.ScopeCheckRequest;
      if (tenant && !isWithin(store, tenant, token.tenantUuid)) return fail(deps, context, failure(403, `Unauthorized for tenant ${tenant}`, 'forbidden'));
      return json(200, { scopes: Object.fromEntries(scopes.map((scope) => [scope, token.access.grants(scope)])) });
    },

    listRefreshTokens: (context) => {
      const tenants = listedTenants(deps, context);
      return listRefresh(context, tokens.refreshTokens().filter((refresh) => tenants.has(refresh.tenantUuid)));
    },

    listMyRefreshTokens: (context) => listRefresh(context, tokens.refreshTokens().filter((refresh) => refresh.userUuid === callerOf(context).userUuid)),

    listUserRefreshTokens: (context) => {
      const user = userIn(context);
      if (!user) return fail(deps, context, userNotFound(context));
      return listRefresh(context, tokens.refreshTokens().filter((refresh) => refresh.userUuid === user.uuid));
    },

    deleteRefreshToken: (context) => {
      const clientId = String(context.path.client_id);
      return tokens.deleteRefreshToken(callerOf(context).userUuid, clientId)
        ? empty(204)
        : fail(deps, context, failure(404, `No such refresh token for client "${clientId}"`, 'cannot-find-refresh-token-matching-client-id', { client_id: clientId }, 'tokens'));
    },

    deleteUserRefreshToken: (context) => {
      const clientId = String(context.path.client_id);
      const user = userIn(context);
      return user && tokens.deleteRefreshToken(user.uuid, clientId)
        ? empty(204)
        : fail(deps, context, failure(404, `No such refresh token for client "${clientId}"`, 'cannot-find-refresh-token-matching-client-id', { client_id: clientId }, 'tokens'));
    },

    listSessions: (context) => {
      const tenants = listedTenants(deps, context);
      return listSessions(context, tokens.sessionsOf().filter((token) => tenants.has(token.tenantUuid)));
    },

    deleteSession: (context) => {
      const tenants = reachableTenants(deps, context);
      const session = tokens.sessionsOf().find((token) => token.sessionUuid === context.path.session_uuid && tenants.has(token.tenantUuid));
      return session && tokens.revoke(session.token) ? empty(204) : fail(deps, context, sessionNotFound(context));
    },

    listUserSessions: (context) => {
      const user = userIn(context);
      if (!user) return fail(deps, context, userNotFound(context));
      return listSessions(context, tokens.sessionsOf(user.uuid));
    },

    deleteUserSession: (context) => {
      const session = tokens.sessionsOf(String(context.path.user_uuid)).find((token) => token.sessionUuid === context.path.session_uuid);
      return session && tokens.revoke(session.token) ? empty(204) : fail(deps, context, sessionNotFound(context));
    },
  };
}

const sessionNotFound = (context: WazoContext) =>
  failure(404, `No such session: "${String(context.path.session_uuid)}"`, 'unknown-session', { uuid: context.path.session_uuid }, 'sessions');

/** `Authorization: Basic base64(login:password)`, decoded as UTF-8 (then Latin-1, like wazo-auth). */
export function basicCredentials(header: string | null): { login: string; password: string } | 'malformed' | undefined {
  if (header === null) return undefined;
  const encoded = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (encoded === undefined) return 'malformed';
  let binary: string;
  try {
    binary = atob(encoded);
  } catch {
    return 'malformed';
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = binary;
  }
  const colon = text.indexOf(':');
  return colon < 0 ? 'malformed' : { login: text.slice(0, colon), password: text.slice(colon + 1) };
}
