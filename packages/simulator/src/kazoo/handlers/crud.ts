import type { WebhookObjectAction } from '@pbxkit/kazoo';
import type { SimReply } from '../../framework/reply.js';
import type { Docs } from '../docs.js';
import { clientFields, mergePatch, privateFields, publicView, type Json, type Stored } from '../documents.js';
import { objectEvents } from '../realtime/object-events.js';
import type { KazooStore } from '../store.js';
import { randomHex } from '../tokens.js';
import { accountIdOf, dataOf, locationOf, nowSeconds, param, reply, type Deps, type KzContext, type KzHandler, type Routes } from './common.js';
import { listing } from './listing.js';
import { hasErrors, validateDoc, type DocRules } from './validation.js';

type Verb = 'list' | 'create' | 'get' | 'update' | 'patch' | 'delete';

export interface Collection<T extends object> {
  /** The collection's path template, e.g. `/accounts/{account_id}/users`. */
  path: string;
  /** The document id's placeholder, e.g. `user_id`. */
  idParam: string;
  table: (store: KazooStore) => Docs<T>;
  rules: DocRules;
  /** A listing row. */
  summary: (doc: Stored<T>) => Json;
  /** The document as GET shows it; its public fields by default. */
  view?: (doc: Stored<T>) => Json;
  /** Turns the client's fields into what is stored; `private` adds `pvt_` fields (password hashes, ...). */
  prepare?: (fields: Json, context: KzContext, existing?: Stored<T>) => { fields: Json; private?: Json };
  /** The listing's sort key (creation time by default). */
  key?: (doc: Stored<T>) => string | number;
  /** Clean-up after a delete (a voicemail box's messages, ...). */
  afterDelete?: (doc: Stored<T>) => void;
  /** The verbs the collection has (all by default). */
  verbs?: readonly Verb[];
}

/** Crossbar's document verbs: GET list, PUT create (201 + Location), GET, POST replace, PATCH merge, DELETE. */
export function crudRoutes<T extends object>(deps: Deps, collection: Collection<T>): Routes {
  const { store, envelopes } = deps;
  const table = () => collection.table(store);
  const view = (doc: Stored<T>) => (collection.view ?? publicView)(doc);
  const item = `${collection.path}/{${collection.idParam}}`;
  const docReply = (context: KzContext, status: number, doc: Stored<T>, headers?: Record<string, string>) =>
    reply(deps, context, status, view(doc), { revision: doc._rev, ...(headers ? { headers } : {}) });

  /** Documents blackhole knows (users, devices, ...) announce their changes (`object.<action>.<type>`). */
  const announce = (action: WebhookObjectAction, doc: Stored<T>) => deps.events.emit(objectEvents(action, doc));

  /** Runs `then` with the addressed document, or answers 404. */
  const withDoc = (then: (doc: Stored<T>, context: KzContext) => SimReply): KzHandler => (context) => {
    const id = param(context, collection.idParam);
    const doc = table().get(accountIdOf(context), id);
    return doc ? then(doc, context) : envelopes.badIdentifier(context.request, id);
  };

  /** Validates the fields and stores them with `save`, or answers 400. */
  const saving = (context: KzContext, input: Json, existing: Stored<T> | undefined, save: (fields: Json, extra: Json) => Stored<T>, status: number) => {
    const errors = validateDoc(input, collection.rules, { accountId: accountIdOf(context), ...(existing ? { id: existing.id } : {}) });
    if (hasErrors(errors)) return envelopes.validation(context.request, errors);
    const prepared = collection.prepare?.(input, context, existing) ?? { fields: input };
    const doc = save(prepared.fields, prepared.private ?? {});
    announce(existing ? 'doc_edited' : 'doc_created', doc);
    return docReply(context, status, doc, status === 201 ? { Location: locationOf(context, doc.id) } : undefined);
  };

  const handlers: Record<Verb, [string, KzHandler]> = {
    list: [`GET ${collection.path}`, (context) => listing(deps, context, table().inAccount(accountIdOf(context)), { view: collection.summary, ...(collection.key ? { key: collection.key } : {}) })],
    create: [
      `PUT ${collection.path}`,
      (context) => {
        const input = { ...collection.rules.defaults, ...clientFields(dataOf(context)) };
        return saving(context, input, undefined, (fields, extra) => table().insert(accountIdOf(context), randomHex(), fields as T, nowSeconds(deps), extra), 201);
      },
    ],
    get: [`GET ${item}`, withDoc((doc, context) => docReply(context, 200, doc))],
    update: [
      `POST ${item}`,
      withDoc((doc, context) =>
        saving(context, clientFields(dataOf(context)), doc, (fields, extra) => table().replace(doc, fields as T, { ...privateFields(doc), ...extra }, nowSeconds(deps)), 200),
      ),
    ],
    patch: [
      `PATCH ${item}`,
      withDoc((doc, context) => {
        const merged = mergePatch(publicView(doc), clientFields(dataOf(context)));
        return saving(context, merged, doc, (fields, extra) => table().replace(doc, fields as T, { ...privateFields(doc), ...extra }, nowSeconds(deps)), 200);
      }),
    ],
    delete: [
      `DELETE ${item}`,
      withDoc((doc, context) => {
        table().delete(doc.id);
        collection.afterDelete?.(doc);
        announce('doc_deleted', doc);
        return docReply(context, 200, doc);
      }),
    ],
  };
  const verbs = collection.verbs ?? (Object.keys(handlers) as Verb[]);
  return Object.fromEntries(verbs.map((verb) => handlers[verb]));
}
