import { InvalidArgumentError, type HttpMethod, type RequestOptions, type Transport } from '@pbxkit/core';

export interface WazoRequestInit extends RequestOptions {
  query?: Record<string, unknown>;
  /** A JSON value, or a `Blob`, `ArrayBuffer`, typed array, `FormData` or `URLSearchParams` sent as is. */
  body?: unknown;
  /** How to read the success body: `json` (default; `undefined` when empty), `text` or `blob`. */
  parseAs?: 'json' | 'text' | 'blob';
}

/** Any Wazo endpoint by method and path, through the client's auth, retry, timeout and error handling. */
export type WazoRequest = (method: HttpMethod | Lowercase<HttpMethod>, path: string, init?: WazoRequestInit) => Promise<unknown>;

const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * The seed SDK's `ApiRequester.call`: `request('GET', 'dird/0.1/personal')` sends
 * `GET <host>/api/dird/0.1/personal`. The path is relative to `/api/` and carries no query string (use
 * `query`) and no `..` segment.
 */
export function createRequest(transport: Transport): WazoRequest {
  return (method, path, init = {}) => {
    const upper = (typeof method === 'string' ? method.toUpperCase() : '') as HttpMethod;
    if (!methods.has(upper)) throw new InvalidArgumentError('request(): `method` must be GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS');
    const relative = typeof path === 'string' ? path.replace(/^\/+/, '') : '';
    if (!relative || /[?#]|^[a-z][a-z0-9+.-]*:|(^|\/)\.\.?(\/|$)/i.test(relative)) {
      throw new InvalidArgumentError(
        'request(): `path` is relative to /api/ (e.g. `dird/0.1/personal`), without a query string (use `query`) or dot segments',
      );
    }
    const { query, body, parseAs, ...options } = init ?? {};
    // Braces would be read as path parameters.
    const spec = { method: upper, path: `/api/${relative.replace(/[{}]/g, encodeURIComponent)}`, ...(parseAs && { parseAs }) };
    return transport.call(spec, { ...options, query, body }, 'data');
  };
}
