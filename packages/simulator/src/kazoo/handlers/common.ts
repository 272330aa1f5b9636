import type { Handler, HandlerContext } from '../../framework/app.js';
import { bytes, type SimReply } from '../../framework/reply.js';
import type { Stored } from '../documents.js';
import { isJsonObject, type Json } from '../documents.js';
import { requestIdOf, type Envelopes, type SuccessOptions } from '../envelope.js';
import type { KazooEvents } from '../realtime/kazoo-events.js';
import type { Account, AccountPrivate, User, UserPrivate } from '../records.js';
import type { KazooStore } from '../store.js';
import { gregorianSeconds } from '../time.js';
import type { TokenClaims, Tokens } from '../tokens.js';

/** Who a request authenticates as. */
export interface Caller {
  token: string;
  claims: TokenClaims;
  account: Stored<Account & AccountPrivate>;
  user?: Stored<User & UserPrivate>;
}

export type KzContext = HandlerContext<Caller>;
export type KzHandler = Handler<Caller>;

/** Handlers by `METHOD /path/template`, the template as the spec writes it under `/v2`. */
export type Routes = Record<string, KzHandler>;

/** What every handler module works with. */
export interface Deps {
  store: KazooStore;
  tokens: Tokens;
  envelopes: Envelopes;
  /** The clock, ms since the epoch. */
  now: () => number;
  maxRangeSeconds: number;
  pageSizeDefault: number;
  /** Reports state changes to blackhole and webhooks (after the reply). */
  events: KazooEvents;
}

export const nowSeconds = (deps: Deps): number => gregorianSeconds(deps.now());

/**
 * A success envelope; `version` is added when the request was authenticated. The status is Crossbar's unless
 * the operation declares another success status (the spec is the contract: e.g. 201 for every PUT).
 */
export function reply(deps: Deps, context: KzContext, status: number, data: unknown, options: Omit<SuccessOptions, 'authenticated'> = {}): SimReply {
  return deps.envelopes.success(context.request, declaredSuccess(context, status), data, { authenticated: context.auth !== undefined, ...options });
}

function declaredSuccess(context: KzContext, status: number): number {
  const declared = Object.keys(context.operation.responses).map(Number).filter((code) => code >= 200 && code < 300);
  return declared.length === 0 || declared.includes(status) ? status : declared[0]!;
}

/** A binary answer (audio, PDF, CSV, ...), with the request id header every Crossbar answer carries. */
export function download(context: KzContext, body: Uint8Array | string, contentType: string, headers: Record<string, string> = {}, status = 200): SimReply {
  const data = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return { ...bytes(data, contentType, status), headers: { 'X-Request-ID': requestIdOf(context.request), ...headers } };
}

export function callerOf(context: KzContext): Caller {
  if (!context.auth) throw new Error(`${context.operation.operationId} needs an authenticated caller`);
  return context.auth;
}

/** A path parameter as text. */
export const param = (context: KzContext, name: string): string => String(context.path[name]);

export const accountIdOf = (context: KzContext): string => param(context, 'account_id');

/** The request envelope's `data` (an object; `{}` when absent). */
export function dataOf(context: KzContext): Json {
  const body = context.body;
  return isJsonObject(body) && isJsonObject(body.data) ? body.data : {};
}

/**
 * A value Crossbar reads with `req_value`: from `data`, then the query string, then the envelope
 * (so `action` may be sent in any of them).
 */
export function requestValue(context: KzContext, key: string): unknown {
  const data = dataOf(context);
  if (data[key] !== undefined) return data[key];
  const query = new URL(context.request.url).searchParams.get(key);
  if (query !== null) return query;
  return isJsonObject(context.body) ? context.body[key] : undefined;
}

export const queryOf = (context: KzContext): URLSearchParams => new URL(context.request.url).searchParams;

/** `/v2/accounts/{id}/<collection>/<doc id>`, for the Location header of created documents. */
export function locationOf(context: KzContext, id: string): string {
  const { pathname } = new URL(context.request.url);
  return `${pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}`;
}
