import type { Paginator } from './pagination.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/**
 * What a generated resource tells the runtime about one operation. Kept as small plain data so that a
 * resource module costs a few bytes per operation in a bundle.
 */
export interface OperationSpec {
  method: HttpMethod;
  /** Path template relative to the base URL, e.g. `/monitors/{id}.mp3`. */
  path: string;
  /** Property of the success body that holds the data (`x-pbxkit-envelope`). */
  envelope?: string;
  /** How to walk the pages (`x-pbxkit-pagination`). */
  paging?: Paginator;
  /** How to read a success body: JSON unless the spec declares a binary or text media type. */
  parseAs?: 'json' | 'blob' | 'text';
  /**
   * Query parameters sent through a serializer (`x-pbxkit-serializer`), by parameter name: `json` is built in,
   * platforms add theirs with the transport's `serializers` option (Kazoo: `kazoo-filter`, `gregorian-seconds`).
   */
  serialize?: Readonly<Record<string, string>>;
  /** Path parameters filled from client options when the call leaves them out (`x-pbxkit-client-option`). */
  defaults?: Readonly<Record<string, string>>;
  /** The request body is sent wrapped in this property (`x-pbxkit-request-envelope`): `{ data: body }`. */
  requestEnvelope?: string;
  /** A plain-object body is sent as `multipart/form-data`, objects in it as JSON parts. */
  form?: boolean;
  /** The body is not JSON: a string or bytes are sent as they are, with this `Content-Type` unless the call or a Blob gives one. */
  contentType?: string;
  /** The media type to ask for (`Accept`), for operations that serve several (`x-pbxkit-variants`). */
  accept?: string;
  /** Query parameters always sent (a variant whose server reads the format from the query); the call's own win. */
  query?: Readonly<Record<string, string>>;
  /** The call is safe to repeat although its method is not (`x-pbxkit-idempotent`). */
  idempotent?: boolean;
  /** Path or query parameters whose values are credentials (`x-pbxkit-secret`): scrubbed from logs and errors. */
  secretParams?: readonly string[];
  /** The operation takes no credentials (`security: []`): no token is attached or refreshed. */
  anonymous?: boolean;
}

/** Compact form the generator emits: `[method, path, options]`. */
export type OperationTuple = readonly [HttpMethod, string, Omit<OperationSpec, 'method' | 'path'>?];
