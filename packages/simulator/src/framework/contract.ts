import { essence, findDeclaredMediaType, isJsonMediaType } from './media-type.js';
import {
  escapePointerToken,
  HTTP_METHODS,
  resolve,
  type Located,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type Reference,
  type RequestBodyObject,
  type ResponseObject,
  type SecuritySchemeObject,
} from './openapi.js';
import { readParameter } from './parameters.js';
import { compilePathTemplate, type PathTemplate } from './path-template.js';
import { SchemaValidators, type Violation } from './schema-validators.js';

export type { Violation } from './schema-validators.js';

/** One operation of the document, with its references resolved and the pointers Ajv needs. */
export interface OperationContract {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template relative to the base path, e.g. `/monitors/{id}.mp3`. */
  path: string;
  /** The operation takes no credentials (`security: []`). */
  anonymous: boolean;
  object: OperationObject;
  parameters: Located<ParameterObject>[];
  requestBody?: Located<RequestBodyObject>;
  responses: Record<string, Located<ResponseObject>>;
}

export type RouteMatch =
  | { kind: 'operation'; operation: OperationContract; pathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

/** A request taken apart. `body` is parsed JSON, raw text for other media types, or undefined when empty. */
export interface RequestParts {
  pathParams: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  contentType?: string | null;
}

/** Parameters and body as the schemas describe them (numbers parsed, JSON query text decoded). */
export interface ValidatedRequest {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body: unknown;
  violations: Violation[];
}

export interface RequestValidation extends ValidatedRequest {
  operation?: OperationContract;
}

/** A response taken apart. `body` is a JSON value, bytes or text, or undefined when there is none. */
export interface ResponseParts {
  status: number;
  contentType?: string | null;
  body: unknown;
}

export interface Contract {
  readonly document: OpenApiDocument;
  /** Path of the first server URL (e.g. `/v1.2/voipstudio`), or what the options said; no trailing slash. */
  readonly basePath: string;
  readonly operations: readonly OperationContract[];
  operation(operationId: string): OperationContract;
  /** Finds the operation for a method and a full URL path (base path included). */
  match(method: string, pathname: string): RouteMatch;
  validateRequestParts(operation: OperationContract, parts: RequestParts): ValidatedRequest;
  validateResponseParts(operation: OperationContract, parts: ResponseParts): Violation[];
  /** Matches and validates a whole `Request` (its body is read from a clone). For wire tests. */
  validateRequest(request: Request): Promise<RequestValidation>;
  /** Validates a whole `Response` (read from a clone) against an operation's declared responses. */
  validateResponse(operation: OperationContract | string, response: Response): Promise<Violation[]>;
  /** Request headers the security schemes use (`X-Auth-Token`, `Authorization`), for CORS. */
  readonly authHeaders: readonly string[];
}

export interface ContractOptions {
  basePath?: string;
}

const cache = new WeakMap<OpenApiDocument, Map<string, Contract>>();

/** Compiles (once per document and base path) the request/response contract of a bundled OpenAPI 3.1 document. */
export function createContract(document: OpenApiDocument, options: ContractOptions = {}): Contract {
  const basePath = trimSlash(options.basePath ?? serverBasePath(document));
  let byBase = cache.get(document);
  if (!byBase) cache.set(document, (byBase = new Map()));
  let contract = byBase.get(basePath);
  if (!contract) byBase.set(basePath, (contract = buildContract(document, basePath)));
  return contract;
}

function buildContract(document: OpenApiDocument, basePath: string): Contract {
  const validators = new SchemaValidators(document);
  const operations = collectOperations(document);
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const routes = groupByTemplate(operations);

  const match = (method: string, pathname: string): RouteMatch => {
    const relative = stripBasePath(basePath, pathname);
    if (relative === undefined) return { kind: 'not-found' };
    const candidates = routes
      .map((route) => ({ route, params: route.template.match(relative) }))
      .filter((c): c is { route: Route; params: Record<string, string> } => c.params !== undefined)
      .sort((a, b) => b.route.template.literalLength - a.route.template.literalLength);
    const upper = method.toUpperCase();
    for (const { route, params } of candidates) {
      const operation = route.byMethod.get(upper);
      if (operation) return { kind: 'operation', operation, pathParams: params };
    }
    const best = candidates[0];
    return best ? { kind: 'method-not-allowed', allow: [...best.route.byMethod.keys()] } : { kind: 'not-found' };
  };

  const validateRequestParts = (operation: OperationContract, parts: RequestParts): ValidatedRequest => {
    const result: ValidatedRequest = { path: {}, query: {}, header: {}, body: parts.body, violations: [] };
    const raw = { path: parts.pathParams, query: parts.query, headers: parts.headers };
    for (const { value: param, pointer } of operation.parameters) {
      if (param.in === 'cookie') continue;
      const at = `${param.in}.${param.name}`;
      const reading = readParameter(document, param, raw);
      if ('error' in reading) {
        result.violations.push({ at, message: reading.error });
      } else if (!reading.present) {
        if (param.required || param.in === 'path') result.violations.push({ at, message: 'is required' });
      } else {
        result[param.in][param.name] = reading.value;
        if (param.schema) result.violations.push(...validators.validate(`${pointer}/schema`, reading.value, at));
      }
    }
    result.violations.push(...validateRequestBody(validators, operation, parts));
    return result;
  };

  const validateResponseParts = (operation: OperationContract, parts: ResponseParts): Violation[] => {
    const key = declaredStatus(operation, parts.status);
    if (key === undefined) {
      const declared = Object.keys(operation.responses).join(', ');
      return [{ at: 'status', message: `${parts.status} is not declared for ${operation.operationId} (declared: ${declared})` }];
    }
    const { value: response, pointer } = operation.responses[key]!;
    return validateContent(validators, response.content, `${pointer}/content`, parts, 'response.body');
  };

  return {
    document,
    basePath,
    operations,
    authHeaders: authHeadersOf(document),
    operation(operationId) {
      const op = byId.get(operationId);
      if (!op) throw new Error(`Unknown operationId ${operationId}`);
      return op;
    },
    match,
    validateRequestParts,
    validateResponseParts,
    async validateRequest(request) {
      const url = new URL(request.url);
      const found = match(request.method, url.pathname);
      const empty = { path: {}, query: {}, header: {}, body: undefined };
      if (found.kind !== 'operation') {
        const message = found.kind === 'not-found' ? 'no operation has this path' : `allowed methods: ${found.allow.join(', ')}`;
        return { ...empty, violations: [{ at: 'route', message: `${request.method} ${url.pathname}: ${message}` }] };
      }
      const contentType = request.headers.get('content-type');
      const body = await readBody(request.clone(), contentType);
      if ('error' in body) return { ...empty, operation: found.operation, violations: [{ at: 'body', message: body.error }] };
      const parts = { pathParams: found.pathParams, query: url.searchParams, headers: request.headers, body: body.value, contentType };
      return { operation: found.operation, ...validateRequestParts(found.operation, parts) };
    },
    async validateResponse(operation, response) {
      const op = typeof operation === 'string' ? this.operation(operation) : operation;
      const contentType = response.headers.get('content-type');
      const body = await readBody(response.clone(), contentType);
      if ('error' in body) return [{ at: 'response.body', message: body.error }];
      return validateResponseParts(op, { status: response.status, contentType, body: body.value });
    },
  };
}

/** Reads a message body: JSON parsed, other media types as bytes, undefined when empty. */
export async function readBody(message: Request | Response, contentType: string | null): Promise<{ value: unknown } | { error: string }> {
  const bytes = new Uint8Array(await message.arrayBuffer());
  if (bytes.length === 0) return { value: undefined };
  if (!isJsonMediaType(essence(contentType))) return { value: bytes };
  try {
    return { value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return { error: 'must be JSON text' };
  }
}

function validateRequestBody(validators: SchemaValidators, operation: OperationContract, parts: RequestParts): Violation[] {
  const declared = operation.requestBody;
  if (!declared) return parts.body === undefined ? [] : [{ at: 'body', message: 'is not expected by this operation' }];
  if (parts.body === undefined) return declared.value.required ? [{ at: 'body', message: 'is required' }] : [];
  // In a merge patch a null removes the field: it is validated as the patch without it.
  const body = operation.object['x-pbxkit-merge-patch'] === true ? withoutNulls(parts.body) : parts.body;
  return validateContent(validators, declared.value.content, `${declared.pointer}/content`, { ...parts, body }, 'body');
}

const withoutNulls = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]))
    : value;

function validateContent(
  validators: SchemaValidators,
  content: Record<string, { schema?: unknown }> | undefined,
  contentPointer: string,
  parts: { contentType?: string | null; body: unknown },
  at: string,
): Violation[] {
  const declared = Object.keys(content ?? {});
  if (declared.length === 0) return parts.body === undefined ? [] : [{ at, message: 'must be empty' }];
  if (parts.body === undefined) return [{ at, message: `is missing (expected ${declared.join(' or ')})` }];
  const mediaType = essence(parts.contentType);
  const key = mediaType && findDeclaredMediaType(declared, mediaType);
  if (!key) {
    return [{ at: 'content-type', message: `${mediaType ?? 'none'} is not declared (expected ${declared.join(' or ')})` }];
  }
  if (isJsonMediaType(mediaType)) {
    if (content?.[key]?.schema === undefined) return [];
    return validators.validate(`${contentPointer}/${escapePointerToken(key)}/schema`, parts.body, at);
  }
  return parts.body instanceof Uint8Array || typeof parts.body === 'string' ? [] : [{ at, message: `must be ${mediaType} bytes` }];
}

function declaredStatus(operation: OperationContract, status: number): string | undefined {
  const keys = [String(status), `${String(status)[0]}XX`, 'default'];
  return keys.find((key) => key in operation.responses);
}

interface Route {
  template: PathTemplate;
  byMethod: Map<string, OperationContract>;
}

function groupByTemplate(operations: OperationContract[]): Route[] {
  const routes = new Map<string, Route>();
  for (const op of operations) {
    let route = routes.get(op.path);
    if (!route) routes.set(op.path, (route = { template: compilePathTemplate(op.path), byMethod: new Map() }));
    route.byMethod.set(op.method, op);
  }
  return [...routes.values()];
}

function collectOperations(document: OpenApiDocument): OperationContract[] {
  const operations: OperationContract[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const itemPointer = `/paths/${escapePointerToken(path)}`;
    const shared = locateList<ParameterObject>(item.parameters, `${itemPointer}/parameters`);
    for (const method of HTTP_METHODS) {
      const object = item[method] as OperationObject | undefined;
      if (!object) continue;
      const pointer = `${itemPointer}/${method}`;
      if (!object.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const own = locateList<ParameterObject>(object.parameters, `${pointer}/parameters`);
      const parameters = mergeParameters(
        shared.map((p) => resolve(document, p)),
        own.map((p) => resolve(document, p)),
      );
      const security = object.security ?? document.security ?? [];
      operations.push({
        operationId: object.operationId,
        method: method.toUpperCase(),
        path,
        anonymous: security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0),
        object,
        parameters,
        ...(object.requestBody ? { requestBody: resolve(document, { value: object.requestBody, pointer: `${pointer}/requestBody` }) } : {}),
        responses: Object.fromEntries(
          Object.entries(object.responses ?? {}).map(([status, response]) => [
            status,
            resolve<ResponseObject>(document, { value: response, pointer: `${pointer}/responses/${escapePointerToken(status)}` }),
          ]),
        ),
      });
    }
  }
  return operations;
}

function locateList<T>(list: unknown, pointer: string): Located<T | Reference>[] {
  return Array.isArray(list) ? list.map((value, i) => ({ value: value as T | Reference, pointer: `${pointer}/${i}` })) : [];
}

/** Operation-level parameters override path-level ones with the same name and location. */
function mergeParameters(shared: Located<ParameterObject>[], own: Located<ParameterObject>[]): Located<ParameterObject>[] {
  const key = (p: Located<ParameterObject>) => `${p.value.in}:${p.value.name}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

function authHeadersOf(document: OpenApiDocument): string[] {
  const headers = new Set<string>();
  for (const [name, scheme] of Object.entries(document.components?.securitySchemes ?? {})) {
    const { value } = resolve<SecuritySchemeObject>(document, {
      value: scheme,
      pointer: `/components/securitySchemes/${escapePointerToken(name)}`,
    });
    if (value.type === 'apiKey' && value.in === 'header' && value.name) headers.add(value.name);
    else if (value.type === 'http' || value.type === 'oauth2' || value.type === 'openIdConnect') headers.add('Authorization');
  }
  return [...headers];
}

function serverBasePath(document: OpenApiDocument): string {
  const url = document.servers?.[0]?.url;
  if (!url) return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url.startsWith('/') ? url : '';
  }
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

function stripBasePath(basePath: string, pathname: string): string | undefined {
  if (!basePath) return pathname;
  if (pathname === basePath) return '/';
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined;
}
