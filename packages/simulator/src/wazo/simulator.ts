import type { HttpHandler } from 'msw';
import { createMultiApiSimulatorApp, type ApiMount, type ErrorReply, type RecordedViolation, type SimulatorApp } from '../framework/app.js';
import { createContract } from '../framework/contract.js';
import { Faults } from '../framework/faults.js';
import { mswHandlers } from '../framework/msw.js';
import { createRandom } from '../framework/random.js';
import { listen, type ListenOptions, type RunningServer } from '../framework/server.js';
import { DAEMONS, type Daemon, type DaemonName } from './daemons.js';
import { daemonErrorReply, renderFailure } from './errors.js';
import { documents, websocketdDocument } from './generated.js';
import type { Deps, WazoHandlers } from './handlers/common.js';
import { daemonHandlers } from './handlers/index.js';
import { FIXTURES } from './seed/fixtures.js';
import { seedStore } from './seed/index.js';
import type { WazoStore } from './store.js';
import { Tokens } from './tokens.js';
import { createVerifier, type WazoCaller } from './verifier.js';
import { busMessage } from './websocketd/bus.js';
import { CLOSE } from './websocketd/close-codes.js';
import { frameChecker } from './websocketd/frame-check.js';
import { Websocketd, WEBSOCKETD_PATH, type WebsocketdControl } from './websocketd/websocketd.js';

export interface WazoSimulatorOptions {
  /** Lifetime of a token whose `POST /token` body gives no `expiration` (the seed SDK sends 3600). */
  tokenLifetimeSeconds?: number;
  /** The clock (ms since the epoch) for seeding, expiry and timestamps; inject one to test expiry. */
  now?: () => number;
  /** Seed of the deterministic data generator. */
  seed?: number;
  /** When given, only these `client_id`s may get and use refresh tokens (others answer 400). */
  clientIds?: readonly string[];
  /** Live sessions a user may have before a login answers 429 (wazo-auth's default is 100). */
  maxSessionsPerUser?: number;
}

export type WazoFixtures = typeof FIXTURES;

export interface WazoSimulator {
  app: SimulatorApp;
  /** The in-memory state; `reset()` reseeds it in place. */
  store: WazoStore;
  tokens: Tokens;
  faults: Faults;
  /** wazo-websocketd (protocol v2) served by `listen()`: publish events, drop sockets, force expiry checks. */
  websocketd: WebsocketdControl;
  /**
   * Replies that broke a daemon's contract, websocketd frames that broke theirs and handlers that failed;
   * tests assert it stays empty.
   */
  violations: RecordedViolation[];
  /** Each daemon's public prefix, e.g. `calld` → `/api/calld/1.0`. */
  prefixes: Record<DaemonName, string>;
  /** The stack's host root that `mswHandlers()` intercepts by default. */
  defaultBaseUrl: string;
  /** Credentials and ids of the seeded data (simulator-only values). */
  fixtures: WazoFixtures;
  /**
   * Serves every daemon over HTTP and websocketd on the same port; `baseUrl` is the host root
   * (`http://127.0.0.1:<port>`), `websocketdUrl` the socket's (`ws://127.0.0.1:<port>/api/websocketd/`).
   */
  listen(options?: ListenOptions): Promise<RunningServer & { baseUrl: string; websocketdUrl: string }>;
  /** msw handlers answering every request under `baseUrl` (a host root) in-process. */
  mswHandlers(baseUrl?: string): HttpHandler[];
  /** Fresh seed data, no tokens, no faults. */
  reset(): void;
}

const DEFAULT_BASE_URL = 'https://wazo.example.com';

/** A stateful Wazo Platform stack: the seven daemons behind one host, each validated against its own document. */
export function createWazoSimulator(options: WazoSimulatorOptions = {}): WazoSimulator {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const store = seedStore(seed, now());
  const tokens = new Tokens(store, now, {
    defaultLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    maxSessionsPerUser: options.maxSessionsPerUser ?? 100,
    ...(options.clientIds ? { clientIds: options.clientIds } : {}),
  });
  const seedTokens = () => {
    tokens.clear();
    const alice = store.authUsers.get(FIXTURES.users.alice.uuid)!;
    const { token, clientId } = FIXTURES.refreshToken;
    tokens.addRefreshToken({ token, clientId, userUuid: alice.uuid, tenantUuid: alice.tenant_uuid, mobile: false, createdAt: now() - 7 * 86_400_000 });
  };
  seedTokens();
  const faults = new Faults(createRandom(seed + 1).next);
  const websocketd = new Websocketd({
    store,
    tokens,
    now,
    check: frameChecker(websocketdDocument, WEBSOCKETD_PATH, (violation) => app.violations.push(violation)),
  });
  const deps: Deps = {
    store,
    tokens,
    now,
    emit: (name, data, target, subject) => websocketd.deliverLater([busMessage(store, now(), name, data, target, subject)]),
  };
  const handlers = daemonHandlers(deps);
  const authenticate = createVerifier(store, tokens, now);
  const mount = (daemon: Daemon): ApiMount<WazoCaller> => {
    const spec = documents[daemon.name];
    const errorReply = daemonErrorReply(createContract(spec, { basePath: daemon.prefix }), daemon.errorShape, now);
    return {
      spec,
      basePath: daemon.prefix,
      handlers: handlers[daemon.name] satisfies WazoHandlers,
      errorReply: daemon.name === 'auth' ? tokenPathAsNotFound(errorReply, now) : errorReply,
      authenticate,
      extraAllowedHeaders: daemon.extraAllowedHeaders,
    };
  };
  const app = createMultiApiSimulatorApp<WazoCaller>({
    name: 'wazo',
    mounts: DAEMONS.map(mount),
    errorReply: (status, message) => renderFailure('standard', { status, message, errorId: status === 404 ? 'not-found' : 'error' }, now()),
    faults,
    onReset: () => {
      Object.assign(store, seedStore(seed, now()));
      seedTokens();
      // Every token is gone: the sockets they opened end as their expiry would end them.
      websocketd.dropConnections(CLOSE.authenticationExpired.code);
    },
    dropSockets: (code) => websocketd.dropConnections(code),
  });

  return {
    app,
    store,
    tokens,
    faults,
    websocketd,
    violations: app.violations,
    prefixes: Object.fromEntries(DAEMONS.map((daemon) => [daemon.name, daemon.prefix])) as Record<DaemonName, string>,
    defaultBaseUrl: DEFAULT_BASE_URL,
    fixtures: FIXTURES,
    async listen(listenOptions) {
      const server = await listen(app, { ...listenOptions, websockets: [websocketd] });
      return { ...server, baseUrl: server.url, websocketdUrl: `${server.url.replace(/^http/, 'ws')}${WEBSOCKETD_PATH}` };
    },
    mswHandlers: (baseUrl = DEFAULT_BASE_URL) => mswHandlers(app, baseUrl),
    reset: app.reset,
  };
}

/** wazo-auth routes `/token/<uuid:token>`: a token that is not a UUID is a 404 "No such token", not a 400. */
function tokenPathAsNotFound(errorReply: ErrorReply, now: () => number): ErrorReply {
  return (status, message, violations = [], request) =>
    status === 400 && violations.some((violation) => violation.at === 'path.token')
      ? renderFailure('legacy', { status: 404, message: 'No such token', errorId: 'no-such-token' }, now())
      : errorReply(status, message, violations, request);
}
