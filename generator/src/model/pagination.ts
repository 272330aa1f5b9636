/**
 * `x-pbxkit-pagination` styles and the @pbxkit/core paginator each one names. The runtime owns the
 * paging logic; generated code only picks the paginator.
 */
export const paginators = {
  /** VoIPstudio: `page` (1-based) and `limit` query parameters over `{ data: [...], total }`. */
  page: 'pageNumberPaging',
  /** Wazo: `limit` and `offset` query parameters. */
  offset: 'offsetPaging',
  /** Kazoo: `start_key` query parameter, `next_start_key` in the envelope. */
  start_key: 'startKeyPaging',
} as const;

export type PaginationStyle = keyof typeof paginators;

export function isPaginationStyle(value: unknown): value is PaginationStyle {
  return typeof value === 'string' && Object.hasOwn(paginators, value);
}
