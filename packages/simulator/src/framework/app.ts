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

/** Builds a reply in the platform's error shape; violations explain a 400 or 500. */
export type ErrorReply = (status: number, message: string, violations?: readonly Violation[]) => SimReply;

export type AuthResult<Auth> = { auth: Auth } | { reply: SimReply };

/** A reply that broke the contract, or a handler that failed: tests assert this list stays empty. */
export interface RecordedViolation {
  operationId?: string;
  method: string;
  path: string;
  status: number;
  violations: Violation[];
}

export interface SimulatorAppOptions<Auth> {
  spec: OpenApiDocument;
  /** Defaults to the path of the spec's first server URL. */
  basePath?: string;
  /** Platform label for `/__sim/health`. */
  name?: string;
  handlers: Partial<Record<string, Handler<Auth>>>;
  errorReply: ErrorReply;
  /** Runs for operations that need credentials, before request validation. */
  authenticate?: (request: Request, operation: OperationContract) => AuthResult<Auth> | Promise<AuthResult<Auth>>;
  faults?: Faults;
  /** Restores the platform's state (`POST /__sim/reset`). Faults are cleared as well. */
  onReset?: () => void;
  /** Request headers browsers may send besides the spec's auth headers and Content-Type. */
  extraAllowedHeaders?: string[];
}

/** The env @hono/node-server passes: its socket lets a fault drop the connection. */
interface NodeBindings {
  incoming?: { socket?: { destroy(): void } };
}

export interface SimulatorApp {
  hono: Hono;
  /** Fetch-standard entry point (msw handlers and @hono/node-server call this). */
  fetch(request: Request, env?: unknown): Promise<Response>;
  contract: Contract;
  basePath: string;
  faults: Faults;
  violations: RecordedViolation[];
  reset(): void;
}

const CONTROL_SEGMENT = '/__sim';

/** A failure fault answered with a status (a dropped connection never reaches the router). */
type InjectedFailure = Exclude<FailureFault, { type: 'drop' }>;

export function createSimulatorApp<Auth>(options: SimulatorAppOptions<Auth>): SimulatorApp {
  const contract = createContract(options.spec, options.basePath === undefined ? {} : { basePath: options.basePath });
  const { basePath } = contract;
  const faults = options.faults ?? new Faults();
  const violations: RecordedViolation[] = [];
  const pendingFailures = new WeakMap<Request, InjectedFailure>();
  const reset = () => {
    faults.clear();
    options.onReset?.();
  };

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
  const finish = (request: Request, operation: OperationContract, reply: SimReply): Response => {
    const payload = replyPayload(reply);
    const found = contract.validateResponseParts(operation, { status: reply.status, contentType: payload.contentType, body: payload.body });
    if (found.length === 0) return toResponse(reply, payload);
    record(request, reply.status, found, operation);
    return toResponse(options.errorReply(500, `Simulator reply ${reply.status} breaks the contract of ${operation.operationId}`, found));
  };

  const dispatch = async (c: Context): Promise<Response> => {
    const request = c.req.raw;
    const failure = pendingFailures.get(request);
    if (failure) return toResponse(failureReply(failure, options.errorReply));
    const url = new URL(request.url);
    const found = contract.match(request.method, url.pathname);
    if (found.kind === 'not-found') {
      return toResponse(options.errorReply(404, `No resource at ${request.method} ${url.pathname}`));
    }
    if (found.kind === 'method-not-allowed') {
      const reply = options.errorReply(405, `${request.method} is not allowed here`);
      return toResponse({ ...reply, headers: { ...reply.headers, Allow: found.allow.join(', ') } });
    }
    const { operation, pathParams } = found;
    const contentType = request.headers.get('content-type');
    const body = await readBody(request, contentType);
    if ('error' in body) return toResponse(options.errorReply(400, 'Validation error', [{ at: 'body', message: body.error }]));

    let auth: Auth | undefined;
    if (!operation.anonymous && options.authenticate) {
      const result = await options.authenticate(request, operation);
      if ('reply' in result) return finish(request, operation, result.reply);
      auth = result.auth;
    }
    const validated = contract.validateRequestParts(operation, {
      pathParams,
      query: url.searchParams,
      headers: request.headers,
      body: body.value,
      contentType,
    });
    if (validated.violations.length > 0) return toResponse(options.errorReply(400, 'Validation error', validated.violations));

    const handler = options.handlers[operation.operationId];
    if (!handler) {
      const missing = [{ at: 'handler', message: `no handler for ${operation.operationId}` }];
      record(request, 501, missing, operation);
      return toResponse(options.errorReply(501, missing[0]!.message, missing));
    }
    const { path, query, header } = validated;
    let reply: SimReply;
    try {
      reply = await handler({ operation, path, query, header, body: validated.body, auth, request });
    } catch (error) {
      const failed = [{ at: 'handler', message: error instanceof Error ? error.message : String(error) }];
      record(request, 500, failed, operation);
      return toResponse(options.errorReply(500, `Simulator handler for ${operation.operationId} failed`, failed));
    }
    return finish(request, operation, reply);
  };

  const hono = new Hono();
  hono.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Request-Id', crypto.randomUUID());
  });
  hono.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Content-Type', ...contract.authHeaders, ...(options.extraAllowedHeaders ?? [])],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Content-Length', 'Allow'],
      maxAge: 600,
    }),
  );
  const control = controlRoutes({ name: options.name ?? 'simulator', faults, violations, reset });
  hono.route(CONTROL_SEGMENT, control);
  if (basePath) hono.route(basePath + CONTROL_SEGMENT, control);
  hono.all('*', dispatch);
  hono.onError((error, c) => {
    const failed = [{ at: 'simulator', message: error.message }];
    record(c.req.raw, 500, failed);
    return toResponse(options.errorReply(500, 'Simulator failure', failed));
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

  return { hono, fetch, contract, basePath, faults, violations, reset };
}

function failureReply(failure: InjectedFailure, errorReply: ErrorReply): SimReply {
  if (failure.type === 'status') return errorReply(failure.status, failure.message ?? `Injected fault: status ${failure.status}`);
  const reply = errorReply(429, 'Too many requests');
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
