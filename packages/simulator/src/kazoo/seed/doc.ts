import { createHash } from 'node:crypto';
import type { Stored } from '../documents.js';

/**
 * A seeded document with its id, first revision and `pvt_` metadata (times in Gregorian seconds). The revision
 * hashes the id rather than the content: thousands of CDRs seed noticeably faster, and it is just as opaque.
 */
export function seededDoc<T extends object>(type: string, accountId: string, id: string, fields: T, created: number, modified = created): Stored<T> {
  const _rev = `1-${createHash('md5').update(id).digest('hex')}`;
  return { ...fields, id, _rev, pvt_type: type, pvt_account_id: accountId, pvt_created: created, pvt_modified: modified } as Stored<T>;
}
