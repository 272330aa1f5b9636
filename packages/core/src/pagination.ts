import type { WithResponse } from './operation-types.js';
import type { CallInput } from './request-options.js';

/** How a paged operation finds the input of the page after this one. */
export interface Paginator {
  /** The input for the next page, or `undefined` on the last page. */
  next(input: CallInput, body: unknown, items: readonly unknown[]): CallInput | undefined;
}

type Envelope = { total?: unknown; filtered?: unknown; next_start_key?: unknown } | undefined;

const withQuery = (input: CallInput, query: Record<string, unknown>): CallInput => ({
  ...input,
  query: { ...input.query, ...query },
});

const num = (value: unknown): number | undefined => (value == null || value === '' ? undefined : Number(value));

/** Whether a page of `count` items starting at item `offset` leaves more to fetch. */
function more(count: number, limit: number | undefined, offset: number, total: unknown): boolean {
  return count > 0 && (limit === undefined || count >= limit) && !(typeof total === 'number' && offset + count >= total);
}

/** VoIPstudio: `page` (1-based) and `limit` query parameters over `{ data: [...], total }`. */
export const pageNumberPaging: Paginator = {
  next(input, body, items) {
    const page = num(input.query?.page) ?? 1;
    const limit = num(input.query?.limit);
    const offset = (page - 1) * (limit ?? items.length);
    // Without a limit, the first page's size is the server's default: ask for it explicitly from then on,
    // so that a short page is recognised as the last.
    return more(items.length, limit, offset, (body as Envelope)?.total)
      ? withQuery(input, { page: page + 1, limit: limit ?? items.length })
      : undefined;
  },
};

/** Wazo: `limit` and `offset` query parameters over `{ items, total }` (or `filtered` when filtering). */
export const offsetPaging: Paginator = {
  next(input, body, items) {
    const offset = num(input.query?.offset) ?? 0;
    const envelope = body as Envelope;
    return more(items.length, num(input.query?.limit), offset, envelope?.filtered ?? envelope?.total)
      ? withQuery(input, { offset: offset + items.length })
      : undefined;
  },
};

/** Kazoo: the envelope's `next_start_key` becomes the next request's `start_key`. */
export const startKeyPaging: Paginator = {
  next(input, body) {
    const key = (body as Envelope)?.next_start_key;
    return key == null || key === input.query?.start_key ? undefined : withQuery(input, { start_key: key });
  },
};

/** One page of a list: its items, the whole body (envelope), and the way to the next page. */
export class Page<Item, Body = unknown> implements AsyncIterable<Item> {
  declare readonly items: Item[];
  declare readonly body: Body;
  declare readonly response: Response;
  declare readonly requestId: string | undefined;
  readonly #next: CallInput | undefined;
  readonly #load: (input: CallInput) => Promise<Page<Item, Body>>;

  /** `result` answered `input`; `load` fetches the page for another input of the same operation. */
  constructor(
    result: WithResponse<unknown, Body>,
    input: CallInput,
    paging: Paginator,
    load: (input: CallInput) => Promise<Page<Item, Body>>,
  ) {
    this.items = Array.isArray(result.data) ? result.data : [];
    this.body = result.body;
    this.response = result.response;
    this.requestId = result.requestId;
    this.#next = paging.next(input, result.body, this.items);
    this.#load = load;
  }

  hasNextPage(): boolean {
    return this.#next !== undefined;
  }

  /** Fetches the next page through the same operation, or resolves to `undefined` on the last page. */
  async nextPage(): Promise<Page<Item, Body> | undefined> {
    return this.#next && this.#load(this.#next);
  }

  /** Every item from this page on, fetching one page at a time. */
  [Symbol.asyncIterator](): AsyncIterableIterator<Item> {
    return walk(this);
  }
}

async function* walk<Item>(page: Page<Item, unknown> | undefined): AsyncIterableIterator<Item> {
  // Reassigning the parameter lets each page be collected once its items are yielded.
  for (; page; page = await page.nextPage()) yield* page.items;
}
