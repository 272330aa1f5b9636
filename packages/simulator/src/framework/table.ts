/** Records by id, in insertion order, with the next free id. */
export class Table<T extends { id: number }> {
  readonly #rows = new Map<number, T>();
  #nextId: number;

  constructor(rows: readonly T[], nextId?: number) {
    for (const row of rows) this.#rows.set(row.id, row);
    this.#nextId = nextId ?? Math.max(0, ...rows.map((row) => row.id)) + 1;
  }

  get size(): number {
    return this.#rows.size;
  }

  get(id: number): T | undefined {
    return this.#rows.get(id);
  }

  all(): T[] {
    return [...this.#rows.values()];
  }

  insert(make: (id: number) => T): T {
    const row = make(this.#nextId++);
    this.#rows.set(row.id, row);
    return row;
  }

  delete(id: number): boolean {
    return this.#rows.delete(id);
  }
}
