import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { createContract, readBody, type Contract, type OperationContract, type Violation } from './contract.js';
import { controlRoutes } from './control.js';
import { Faults, type FailureFault } from './faults.js';
import type { OpenApiDocument } from './openapi.js';
import { replyPayload, toResponse, type SimReply } from './reply.js';

export interface HandlerContext<Auth> {
  operation: OperationContract;
  /** Parameters as their schemas type them (numbers parsed, JSON query text decoded). */
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body: unknown;
  /** What `authenticate` returned; undefined for anonymous operations. */
  auth: Auth | undefined;
  request: Request;
}

export type Handler<Auth> = (context: HandlerContext<Auth>) => SimReply | Promise<SimReply>;

/**
 * Builds a reply in the platform's error shape; violations explain a 400 or 500. `request` (absent only for
 * failures outside any request) lets a platform echo request ids or tokens in its error envelope.
 */
export type ErrorReply = (status: number, message: string, violations?: readonly Violation[], request?: Request) => SimReply;

export type AuthResult<Auth> = { auth: Auth } | { reply: SimReply };

/** A reply that broke the contract, or a handler that failed: tests assert this list stays empty. */
export interface RecordedViolation {
  operationId?: string;
  method: string;
  path: string;
  status: number;
  violations: Violation[];
}

/** One OpenAPI document served under its base path: its handlers, error shape and authentication. */
export interface ApiMount<Auth> {
  spec: OpenApiDocument;
  /** Defaults to the path of the spec's first server URL. */
  basePath?: string;
  handlers: Partial<Record<string, Handler<Auth>>>;
  errorReply: ErrorReply;
  /** Runs for operations that need credentials, before request validation. */
  authenticate?: (
    request: Request,
    operation: OperationContract,
    pathParams: Record<string, string>,
  ) => AuthResult<Auth> | Promise<AuthResult<Auth>>;
  /** Request headers browsers may send besides the spec's auth headers and Content-Type. */
  extraAllowedHeaders?: string[];
}

interface AppLevelOptions {
  /** Platform label for `/__sim/health`. */
  name?: string;
  faults?: Faults;
  /** Restores the platform's state (`POST /__sim/reset`). Faults are cleared as well. */
  onReset?: () => void;
  /** Cuts the platform's open WebSockets (`POST /__sim/sockets/drop`) and says how many there were. */
  dropSockets?: (code?: number) => number;
}

export interface SimulatorAppOptions<Auth> extends ApiMount<Auth>, AppLevelOptions {}

/**
 * Several documents served side by side, each under its own base path (Wazo's daemons behind one host).
 * Fault paths and the `/__sim` control routes are then relative to the host root.
 */
export interface MultiApiSimulatorAppOptions<Auth> extends AppLevelOptions {
  mounts: ApiMount<Auth>[];
  /** The error shape for paths outside every mount. */
  errorReply: ErrorReply;
}

/** The env @hono/node-server passes: its socket lets a fault drop the connection. */
interface NodeBindings {
  incoming?: { socket?: { destroy(): void } };
}

export interface SimulatorApp {
  hono: Hono;
  /** Fetch-standard entry point (msw handlers and @hono/node-server call this). */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /** The contract of the (first) mounted document. */
  contract: Contract;
  /** Every mounted document's contract. */
  contracts: readonly Contract[];
  /** Faults and `/__sim` paths are relative to this path. */
  basePath: string;
  faults: Faults;
  violations: RecordedViolation[];
  reset(): void;
}

const CONTROL_SEGMENT = '/__sim';

/** A failure fault answered with a status (a dropped connection never reaches the router). */
type InjectedFailure = Exclude<FailureFault, { type: 'drop' }>;

/** A mounted document with its compiled contract and CORS middleware. */
interface Mount<Auth> extends ApiMount<Auth> {
  contract: Contract;
  allowedHeaders: string[];
}

export function createSimulatorApp<Auth>(options: SimulatorAppOptions<Auth>): SimulatorApp {
  const mount = mountOf(options);
  return buildApp(options, [mount], mount.contract.basePath, options.errorReply);
}

export function createMultiApiSimulatorApp<Auth>(options: MultiApiSimulatorAppOptions<Auth>): SimulatorApp {
  return buildApp(options, options.mounts.map(mountOf), '', options.errorReply);
}

function mountOf<Auth>(options: ApiMount<Auth>): Mount<Auth> {
  const contract = createContract(options.spec, options.basePath === undefined ? {} : { basePath: options.basePath });
  const allowedHeaders = unique(['Content-Type', ...contract.authHeaders, ...(options.extraAllowedHeaders ?? [])]);
  return { ...options, contract, allowedHeaders };
}

function buildApp<Auth>(options: AppLevelOptions, mounts: Mount<Auth>[], basePath: string, fallbackErrorReply: ErrorReply): SimulatorApp {
  const faults = options.faults ?? new Faults();
  const violations: RecordedViolation[] = [];
  const pendingFailures = new WeakMap<Request, InjectedFailure>();
  const reset = () => {
    faults.clear();
    options.onReset?.();
  };
  // Longest base path first, so that a mount nested under another one wins.
  const byBasePath = [...mounts].sort((a, b) => b.contract.basePath.length - a.contract.basePath.length);
  const mountFor = (pathname: string) => byBasePath.find((m) => isUnder(m.contract.basePath, pathname));
  const errorReplyFor = (request: Request) => mountFor(new URL(request.url).pathname)?.errorReply ?? fallbackErrorReply;

  const record = (request: Request, status: number, found: Violation[], operation?: OperationContract) => {
    violations.push({
      ...(operation ? { operationId: operation.operationId } : {}),
      method: request.method,
      path: new URL(request.url).pathname,
      status,
      violations: found,
    });
  };

  /** Validates a platform reply against the operation; one that breaks the contract becomes a 500. */
  const finish = (mount: Mount<Auth>, request: Request, operation: OperationContract, reply: SimReply): Response => {
    const payload = replyPayload(reply);
    const found = mount.contract.validateResponseParts(operation, { status: reply.status, contentType: payload.contentType, body: payload.body });
    if (found.length === 0) return toResponse(reply, payload);
    record(request, reply.status, found, operation);
    return toResponse(mount.errorReply(500, `Simulator reply ${reply.status} breaks the contract of ${operation.operationId}`, found, request));
  };

  const dispatch = async (c: Context): Promise<Response> => {
    const request = c.req.raw;
    const failure = pendingFailures.get(request);
    if (failure) return toResponse(failureReply(failure, errorReplyFor(request), request));
    const url = new URL(request.url);
    const mount = mountFor(url.pathname);
    const found = mount ? mount.contract.match(request.method, url.pathname) : ({ kind: 'not-found' } as const);
    const errorReply = mount?.errorReply ?? fallbackErrorReply;
    if (!mount || found.kind === 'not-found') {
      return toResponse(errorReply(404, `No resource at ${request.method} ${url.pathname}`, [], request));
    }
    if (found.kind === 'method-not-allowed') {
      const reply = errorReply(405, `${request.method} is not allowed here`, [], request);
      return toResponse({ ...reply, headers: { ...reply.headers, Allow: found.allow.join(', ') } });
    }
    const { operation, pathParams } = found;
    const contentType = request.headers.get('content-type');
    const body = await readBody(request, contentType);
    if ('error' in body) return toResponse(errorReply(400, 'Validation error', [{ at: 'body', message: body.error }], request));

    let auth: Auth | undefined;
    if (!operation.anonymous && mount.authenticate) {
      const result = await mount.authenticate(request, operation, pathParams);
      if ('reply' in result) return finish(mount, request, operation, result.reply);
      auth = result.auth;
    }
    const validated = mount.contract.validateRequestParts(operation, {
      pathParams,
      query: url.searchParams,
      headers: request.headers,
      body: body.value,
      contentType,
    });
    if (validated.violations.length > 0) return toResponse(errorReply(400, 'Validation error', validated.violations, request));

    const handler = mount.handlers[operation.operationId];
    if (!handler) {
      const missing = [{ at: 'handler', message: `no handler for ${operation.operationId}` }];
      record(request, 501, missing, operation);
      return toResponse(errorReply(501, missing[0]!.message, missing, request));
    }
    const { path, query, header } = validated;
    let reply: SimReply;
    try {
      reply = await handler({ operation, path, query, header, body: validated.body, auth, request });
    } catch (error) {
      const failed = [{ at: 'handler', message: error instanceof Error ? error.message : String(error) }];
      record(request, 500, failed, operation);
      return toResponse(errorReply(500, `Simulator handler for ${operation.operationId} failed`, failed, request));
    }
    return finish(mount, request, operation, reply);
  };

  const corsOf = (allowHeaders: string[]) =>
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders,
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Length', 'Allow'],
      maxAge: 600,
    });
  // Each document allows its own request headers; paths outside them (control routes) allow all of them.
  const mountCors = new Map(mounts.map((m) => [m, corsOf(m.allowedHeaders)]));
  const fallbackCors = corsOf(unique(mounts.flatMap((m) => m.allowedHeaders)));

  const hono = new Hono();
  hono.use('*', async (c, next) => {
    await next();
    // A platform that issues its own request ids (Kazoo) sets the header in its replies.
    if (!c.res.headers.has('X-Request-Id')) c.res.headers.set('X-Request-Id', crypto.randomUUID());
  });
  hono.use('*', (c, next) => {
    const mount = mountFor(c.req.path);
    return ((mount && mountCors.get(mount)) ?? fallbackCors)(c, next);
  });
  const control = controlRoutes({ name: options.name ?? 'simulator', faults, violations, reset, dropSockets: options.dropSockets });
  hono.route(CONTROL_SEGMENT, control);
  if (basePath) hono.route(basePath + CONTROL_SEGMENT, control);
  hono.all('*', dispatch);
  hono.onError((error, c) => {
    const failed = [{ at: 'simulator', message: error.message }];
    record(c.req.raw, 500, failed);
    return toResponse(errorReplyFor(c.req.raw)(500, 'Simulator failure', failed, c.req.raw));
  });

  const isControl = (pathname: string) =>
    pathname.startsWith(`${CONTROL_SEGMENT}/`) || (basePath !== '' && pathname.startsWith(`${basePath}${CONTROL_SEGMENT}/`));

  const fetch = async (request: Request, env?: unknown): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (request.method !== 'OPTIONS' && !isControl(pathname)) {
      const relative = basePath && pathname.startsWith(basePath) ? pathname.slice(basePath.length) || '/' : pathname;
      const delay = faults.takeLatency(request.method, relative);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const failure = faults.takeFailure(request.method, relative);
      if (failure?.type === 'drop') return dropConnection(env as NodeBindings | undefined);
      if (failure) pendingFailures.set(request, failure);
    }
    return hono.fetch(request, env);
  };

  const contracts = mounts.map((m) => m.contract);
  return { hono, fetch, contract: contracts[0]!, contracts, basePath, faults, violations, reset };
}

function isUnder(basePath: string, pathname: string): boolean {
  return basePath === '' || pathname === basePath || pathname.startsWith(`${basePath}/`);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function failureReply(failure: InjectedFailure, errorReply: ErrorReply, request: Request): SimReply {
  if (failure.type === 'status') return errorReply(failure.status, failure.message ?? `Injected fault: status ${failure.status}`, [], request);
  const reply = errorReply(429, 'Too many requests', [], request);
  return { ...reply, headers: { ...reply.headers, 'Retry-After': String(failure.retryAfter ?? 1) } };
}

/** On a real server the socket is destroyed mid-request; in-process the caller gets a network error. */
function dropConnection(env: NodeBindings | undefined): Response {
  const socket = env?.incoming?.socket;
  if (socket) {
    socket.destroy();
    return new Response(null, { status: 500 });
  }
  return Response.error();
}
