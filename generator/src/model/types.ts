import type { PaginationStyle } from './pagination.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

/** How the runtime reads a success body. */
export type ParseAs = 'json' | 'blob' | 'text';

/** The response the generated method resolves to (and the test handler answers with by default). */
export interface SuccessResponse {
  /** As written in the spec: `'200'`, `'201'`, `'204'`, `'2XX'`. */
  status: string;
  /** Undefined when the response has no body. */
  mediaType: string | undefined;
  /** The media type's example, when the spec gives one. */
  example: unknown;
}

export interface OperationModel {
  operationId: string;
  /** The resource (the operation's tag). */
  resource: string;
  /** The method name on the resource (`x-pbxkit-method`). */
  method: string;
  httpMethod: HttpMethod;
  path: string;
  summary: string;
  description: string;
  docsUrl: string | undefined;
  deprecated: boolean;
  envelope: string | undefined;
  pagination: PaginationStyle | undefined;
  parseAs: ParseAs;
  success: SuccessResponse;
  /** Query parameter → serializer (`x-pbxkit-serializer`). */
  serialize: Record<string, string>;
  /** Path parameter → the client option that fills it (`x-pbxkit-client-option`). */
  defaults: Record<string, string>;
  /** The JSON request body is wrapped in this property (`x-pbxkit-request-envelope`). */
  requestEnvelope: string | undefined;
  /** The request may be `multipart/form-data`. */
  form: boolean;
  /** A `null` in the JSON body removes the key (`x-pbxkit-merge-patch`): every top-level field may be `null`. */
  mergePatch: boolean;
  /** The media type of a request body sent as it is (`text/csv`, `audio/wav`), when the body is not JSON. */
  contentType: string | undefined;
  /** Other representations of the success body, each its own method (`x-pbxkit-variants`). */
  variants: VariantModel[];
  /** Path and query parameters holding credentials (`x-pbxkit-secret`), sorted. */
  secretParams: string[];
  idempotent: boolean;
  /** `security: []`: the call takes no credentials. */
  anonymous: boolean;
}

export interface VariantModel {
  method: string;
  accept: string;
  parseAs: ParseAs;
  /** Query parameters the variant always sends (servers that pick the format from the query, not `Accept`). */
  query: Record<string, string>;
}

export interface ResourceModel {
  /** The tag, which is also the client property and the resource factory name. */
  name: string;
  /** `CdrsResource`. */
  interfaceName: string;
  description: string | undefined;
  docsUrl: string | undefined;
  /** Sorted by path, then by HTTP method (GET, POST, PUT, PATCH, DELETE, ...). */
  operations: OperationModel[];
}

/** How a receiver decodes a payload field that arrives as a string (form-encoded or query webhooks). */
export type WebhookFieldType = 'integer' | 'number' | 'boolean' | 'gregorian';

export interface WebhookModel {
  /** The event name (the key under `webhooks`). */
  event: string;
  summary: string | undefined;
  /** TypeScript type expression of the payload, in terms of `schema.ts` exports. */
  payloadType: string;
  /** The socket channel the event arrives on (`x-pbxkit-event-channel`); undefined for an HTTP webhook. */
  channel: string | undefined;
  /** The payload's top-level fields that are not strings, by name, sorted. */
  fieldTypes: Record<string, WebhookFieldType>;
}

export interface SchemaAlias {
  /** Key under `components.schemas`. */
  schema: string;
  /** Exported type name in models.ts. */
  alias: string;
  description: string | undefined;
  /** The values of a schema that is a string enum, exported at run time as `<alias>Values`. */
  values?: string[];
}

/** Everything the emitters need to know about one spec. */
export interface ApiModel {
  /** Repo-relative path of the spec file. */
  specFile: string;
  title: string;
  version: string;
  serverUrl: string | undefined;
  /** The bundled document with a stable key order. */
  document: Record<string, unknown>;
  /** Sorted by name. */
  resources: ResourceModel[];
  /** Sorted by event name. */
  webhooks: WebhookModel[];
  /** Sorted by alias. */
  schemas: SchemaAlias[];
}
