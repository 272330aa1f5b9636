import { nextRevision, type Json, type Stored } from './documents.js';

/** The documents of one type across accounts, by id, in insertion order. */
export class Docs<T extends object> {
  readonly #rows = new Map<string, Stored<T>>();
  readonly type: string;

  constructor(type: string, rows: readonly Stored<T>[] = []) {
    this.type = type;
    for (const row of rows) this.#rows.set(row.id, row);
  }

  get size(): number {
    return this.#rows.size;
  }

  /** The document when it belongs to the account. */
  get(accountId: string, id: string): Stored<T> | undefined {
    const row = this.#rows.get(id);
    return row?.pvt_account_id === accountId ? row : undefined;
  }

  /** The document whichever account holds it. */
  find(id: string): Stored<T> | undefined {
    return this.#rows.get(id);
  }

  inAccount(accountId: string): Stored<T>[] {
    return this.all().filter((row) => row.pvt_account_id === accountId);
  }

  all(): Stored<T>[] {
    return [...this.#rows.values()];
  }

  /** Stores a new document; `now` is Gregorian seconds. */
  insert(accountId: string, id: string, fields: T, now: number, extra: Json = {}): Stored<T> {
    const row = { ...fields, ...extra, id, pvt_type: this.type, pvt_account_id: accountId, pvt_created: now, pvt_modified: now } as Stored<T>;
    row._rev = nextRevision(undefined, row);
    this.#rows.set(id, row);
    return row;
  }

  /** Replaces the public fields of a document, keeping its id and private fields. */
  replace(row: Stored<T>, fields: T, privateFields: Json, now: number): Stored<T> {
    const next = { ...fields, ...privateFields, id: row.id, pvt_modified: now } as Stored<T>;
    next._rev = nextRevision(row._rev, next);
    this.#rows.set(row.id, next);
    return next;
  }

  delete(id: string): boolean {
    return this.#rows.delete(id);
  }
}
