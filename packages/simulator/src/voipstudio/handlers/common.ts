import type { Handler, HandlerContext } from '../../framework/app.js';
import type { Contract } from '../../framework/contract.js';
import { resolveSchema, type JsonSchema } from '../../framework/openapi.js';
import { json, type SimReply } from '../../framework/reply.js';
import { CollectionQueryError, filterRows, queryCollection, type CollectionQuery, type FilterCondition } from '../collection-query.js';
import { notFound, vsError } from '../errors.js';
import type { Caller, Sessions } from '../sessions.js';
import type { Table } from '../../framework/table.js';
import type { VoipstudioStore } from '../store.js';
import type { VoipstudioWebhookControl } from '../webhooks/webhook-sender.js';

export type VsHandler = Handler<Caller>;
export type VsContext = HandlerContext<Caller>;
export type VsHandlers = Record<string, VsHandler>;

/** What every handler module works with. */
export interface Deps {
  store: VoipstudioStore;
  sessions: Sessions;
  contract: Contract;
  now: () => number;
  twoFactorCode: string;
  /** Where state changes become webhook events. */
  webhooks: Pick<VoipstudioWebhookControl, 'emit'>;
}

/** `{data, links}`: a single record. */
export const itemReply = (data: unknown, status = 200): SimReply => json(status, { data, links: {} });

export function callerOf(context: VsContext): Caller {
  if (!context.auth) throw new Error(`${context.operation.operationId} needs an authenticated caller`);
  return context.auth;
}

export const idOf = (context: VsContext): number => context.path.id as number;

export function getHandler<T extends { id: number }>(table: () => Table<T>, view: (row: T, context: VsContext) => unknown = (row) => row): VsHandler {
  return (context) => {
    const row = table().get(idOf(context));
    return row ? itemReply(view(row, context)) : notFound();
  };
}

export function deleteHandler<T extends { id: number }>(table: () => Table<T>): VsHandler {
  return (context) => (table().delete(idOf(context)) ? { status: 204 } : notFound());
}

export interface ListOptions<T> {
  rows: (context: VsContext) => readonly T[];
  /** Properties that exist but answer "Filtration error" when filtered on. */
  unfilterable?: readonly string[];
  view?: (row: T, context: VsContext) => unknown;
}

/** A paged, filtered, sorted list answering `{data, total}`. */
export function listHandler<T extends object>(deps: Deps, operationId: string, options: ListOptions<T>): VsHandler {
  const fields = fieldsOf(deps, operationId);
  const unfilterable = new Set(options.unfilterable ?? []);
  return (context) =>
    answeringQueryErrors(() => {
      const rows = options.rows(context);
      const { data, total } = queryCollection(rows, context.query as CollectionQuery, { fields: fields(rows), unfilterable });
      return json(200, { data: options.view ? data.map((row) => options.view!(row, context)) : data, total });
    });
}

/** Deletes the records matching `filter` (all of them without one) and answers `reply`. */
export function deleteMatchingHandler<T extends { id: number }>(table: () => Table<T>, fields: (rows: readonly T[]) => ReadonlySet<string>, reply: SimReply): VsHandler {
  return ({ query }) =>
    answeringQueryErrors(() => {
      const rows = table().all();
      for (const row of filterRows(rows, query.filter as FilterCondition[] | undefined, { fields: fields(rows) })) table().delete(row.id);
      return reply;
    });
}

/**
 * The properties a query may name for a list operation: those its 200 response declares for the items,
 * plus any further ones the records carry (`additionalProperties`).
 */
export function fieldsOf(deps: Deps, operationId: string): (rows: readonly object[]) => ReadonlySet<string> {
  let declared: string[] | undefined;
  return (rows) => {
    declared ??= itemProperties(deps.contract, operationId);
    return new Set([...declared, ...Object.keys(rows[0] ?? {})]);
  };
}

function answeringQueryErrors(run: () => SimReply): SimReply {
  try {
    return run();
  } catch (error) {
    if (error instanceof CollectionQueryError) return vsError(400, error.message, [{ field: error.field, message: error.detail }]);
    throw error;
  }
}

/** Property names of the items of a list operation's `data` array, as its 200 response declares them. */
function itemProperties(contract: Contract, operationId: string): string[] {
  const { document } = contract;
  const content = contract.operation(operationId).responses['200']?.value.content?.['application/json'];
  const envelope = resolveSchema(document, content?.schema);
  const data = resolveSchema(document, (envelope.properties as Record<string, JsonSchema> | undefined)?.data);
  return propertiesOf(document, resolveSchema(document, data.items as JsonSchema | undefined));
}

function propertiesOf(document: Contract['document'], schema: JsonSchema): string[] {
  const own = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
  const inherited = ((schema.allOf as JsonSchema[] | undefined) ?? []).flatMap((part) => propertiesOf(document, resolveSchema(document, part)));
  return [...own, ...inherited];
}
