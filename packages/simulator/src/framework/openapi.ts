/** The parts of an OpenAPI 3.1 document the simulator reads. Everything else passes through untyped. */

export type JsonSchema = { [keyword: string]: unknown };

export interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: JsonSchema;
  'x-pbxkit-serializer'?: string;
  [key: string]: unknown;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
  [key: string]: unknown;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export type Reference = { $ref: string };

export interface OperationObject {
  operationId?: string;
  tags?: string[];
  parameters?: (ParameterObject | Reference)[];
  requestBody?: RequestBodyObject | Reference;
  responses?: Record<string, ResponseObject | Reference>;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export interface SecuritySchemeObject {
  type: string;
  in?: string;
  name?: string;
  scheme?: string;
}

export interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: {
    securitySchemes?: Record<string, SecuritySchemeObject | Reference>;
    [key: string]: unknown;
  };
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A value found in the document together with its JSON pointer (Ajv compiles validators by pointer). */
export interface Located<T> {
  value: T;
  pointer: string;
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function valueAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(token in node)) {
      throw new Error(`OpenAPI document has nothing at #${pointer}`);
    }
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function refOf(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as Reference).$ref === 'string') {
    return (value as Reference).$ref;
  }
  return undefined;
}

/** Follows internal `$ref`s (`#/...`) until it reaches a value that is not a reference. */
export function resolve<T>(doc: OpenApiDocument, located: Located<T | Reference>): Located<T> {
  let current: Located<unknown> = located;
  for (let hops = 0; hops < 32; hops++) {
    const ref = refOf(current.value);
    if (ref === undefined) return current as Located<T>;
    if (!ref.startsWith('#')) throw new Error(`Only internal references are supported, found ${ref}`);
    const pointer = ref.slice(1);
    current = { value: valueAt(doc, pointer), pointer };
  }
  throw new Error(`Reference cycle at #${located.pointer}`);
}

/** The schema with its `$ref`s followed, for reading `type` when coercing parameter strings. */
export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  if (schema === undefined) return {};
  return resolve<JsonSchema>(doc, { value: schema, pointer: '' }).value;
}
