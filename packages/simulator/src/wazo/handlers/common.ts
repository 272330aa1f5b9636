import type { Handler, HandlerContext } from '../../framework/app.js';
import { json, type SimReply } from '../../framework/reply.js';
import { failureReply, type ErrorShape, type Failure } from '../errors.js';
import { listRows, type ListOptions, type ListQuery } from '../list-query.js';
import type { WazoStore } from '../store.js';
import { subtreeOf } from '../tenants.js';
import type { Tokens } from '../tokens.js';
import type { WazoCaller } from '../verifier.js';
import type { BusTarget } from '../websocketd/bus.js';

export type WazoContext = HandlerContext<WazoCaller>;
export type WazoHandler = Handler<WazoCaller>;
export type WazoHandlers = Record<string, WazoHandler>;

/**
 * Publishes a bus event about a state change (websocketd forwards it after the current reply);
 * `subject` fills the `{user_uuid}` of the required ACL when the target is `*`.
 */
export type Emit = (name: string, data: unknown, target: BusTarget, subject?: string) => void;

/** What every handler module works with. */
export interface Deps {
  store: WazoStore;
  tokens: Tokens;
  now: () => number;
  emit: Emit;
}

export function callerOf(context: WazoContext): WazoCaller {
  if (!context.auth) throw new Error(`${context.operation.operationId} needs an authenticated caller`);
  return context.auth;
}

/** A failure in the shape the operation declares for its status; `shape` overrides that choice. */
export function fail(deps: Deps, context: WazoContext, failure: Failure, shape?: ErrorShape): SimReply {
  return failureReply(shape ? undefined : context.operation, failure, deps.now(), shape);
}

export const failure = (status: number, message: string, errorId: string, details?: Record<string, unknown>, resource?: string): Failure => ({
  status,
  message,
  errorId,
  ...(details ? { details } : {}),
  ...(resource ? { resource } : {}),
});

/** The tenants a list covers: the one the request acts on, and its sub-tenants with `recurse=true`. */
export function listedTenants(deps: Deps, context: WazoContext): Set<string> {
  const { tenantUuid } = callerOf(context);
  return context.query.recurse === true ? subtreeOf(deps.store, tenantUuid) : new Set([tenantUuid]);
}

/** The tenants a single resource may be read from: the request's tenant and every one below it. */
export function reachableTenants(deps: Deps, context: WazoContext): Set<string> {
  return subtreeOf(deps.store, callerOf(context).tenantUuid);
}

/** Lists rows with the shared query parameters; `envelope` builds the body from the page. */
export function listReply<T>(
  deps: Deps,
  context: WazoContext,
  rows: readonly T[],
  options: ListOptions<T>,
  envelope: (page: { items: T[]; total: number; filtered: number }) => unknown,
): SimReply {
  const result = listRows(rows, context.query as ListQuery & Record<string, unknown>, options);
  return 'failure' in result ? fail(deps, context, result.failure) : json(200, envelope(result));
}

export const withTotals = <T>(view: (row: T) => unknown) => (page: { items: T[]; total: number; filtered: number }) => ({
  items: page.items.map(view),
  total: page.total,
  filtered: page.filtered,
});

/** confd and dird phonebooks answer `total` = the rows matching the search, without `filtered`. */
export const withFilteredTotal = <T>(view: (row: T) => unknown) => (page: { items: T[]; filtered: number }) => ({
  items: page.items.map(view),
  total: page.filtered,
});

export const identity = <T>(row: T) => row;

/** Text of a raw request body (CSV, or JSON sent with another media type). */
export function bodyText(body: unknown): string {
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return typeof body === 'string' ? body : '';
}
