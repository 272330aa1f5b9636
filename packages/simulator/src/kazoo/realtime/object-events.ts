import type { WebhookObjectAction } from '@pbxkit/kazoo';
import type { Stored } from '../documents.js';
import { accountDb, isObjectType } from './bindings.js';
import type { SimEvent } from './kazoo-events.js';

/**
 * The `object.<action>.<type>` event of a document change (`kapi_conf` doc updates); none for documents
 * blackhole does not announce. Accounts are their own account (`pvt_account_id` = `id`).
 */
export function objectEvents(action: WebhookObjectAction, doc: Stored<object>): SimEvent[] {
  const type = doc.pvt_type;
  if (!isObjectType(type)) return [];
  const accountId = doc.pvt_account_id;
  const data = { id: doc.id, type, account_id: accountId, database: accountDb(accountId), rev: doc._rev, ...(action === 'doc_deleted' ? { is_soft_deleted: false } : {}) };
  return [
    {
      publication: { accountId, binding: `object.${action}.${type}`, name: action, data },
      webhook: { accountId, hook: 'object', payload: { id: doc.id, account_id: accountId, action, type }, object: { type, action } },
    },
  ];
}
