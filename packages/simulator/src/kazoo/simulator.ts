import type { HttpHandler } from 'msw';
import { createSimulatorApp, type RecordedViolation, type SimulatorApp } from '../framework/app.js';
import { createContract } from '../framework/contract.js';
import { Faults } from '../framework/faults.js';
import { mswHandlers } from '../framework/msw.js';
import type { OpenApiDocument } from '../framework/openapi.js';
import { createRandom } from '../framework/random.js';
import { listen, type ListenOptions, type RunningServer } from '../framework/server.js';
import { authenticateRequest } from './auth.js';
import { Envelopes } from './envelope.js';
import type { Caller, Deps } from './handlers/common.js';
import { bindRoutes, kazooRoutes } from './routes.js';
import { FIXTURES, type KazooFixtures } from './seed/fixtures.js';
import { seedStore } from './seed/index.js';
import { Blackhole, type BlackholeControl } from './realtime/blackhole.js';
import { EventContract } from './realtime/event-contract.js';
import { KazooEvents } from './realtime/kazoo-events.js';
import type { KazooStore } from './store.js';
import { Tokens } from './tokens.js';
import { WebhookDelivery, type WebhookControl, type WebhookDeliveryOptions } from './webhook-delivery/delivery.js';

export interface KazooSimulatorOptions {
  /** Lifetime of the JWTs `api_auth`, `user_auth` and `auth` issue (Crossbar's `token_auth_expiry_s`). */
  tokenLifetimeSeconds?: number;
  /** The clock (ms since the epoch) for seeding, token expiry, time ranges and timestamps; inject one to test expiry. */
  now?: () => number;
  /** Seed of the deterministic data generator. */
  seed?: number;
  /** The longest `created_from`..`created_to` range a time-ranged listing accepts (`crossbar.maximum_range`). */
  maxRangeSeconds?: number;
  /** Page size when a listing request sends none (`crossbar.pagination_page_size`). */
  pageSizeDefault?: number;
  /** Webhook delivery: attempt timeout, auto-disable threshold and window, `cluster_id`. */
  webhooks?: WebhookDeliveryOptions;
}

export interface KazooSimulator {
  app: SimulatorApp;
  /** The in-memory state; `reset()` reseeds it in place. */
  store: KazooStore;
  tokens: Tokens;
  faults: Faults;
  /** Replies that broke the contract and handlers that failed; tests assert it stays empty. */
  violations: RecordedViolation[];
  /** `/v2`. */
  basePath: string;
  /** The default Crossbar base URL (`http://localhost:8000/v2`); `mswHandlers()` intercepts it by default. */
  defaultBaseUrl: string;
  /** `origin` + base path, e.g. `http://127.0.0.1:4020/v2`. */
  baseUrlFor(origin: string): string;
  /** Accounts, users, passwords and API keys of the seeded data (simulator-only values). */
  fixtures: KazooFixtures;
  /** Blackhole (served by `listen()` beside the REST API): publish events, drop sockets, inspect subscriptions. */
  blackhole: BlackholeControl;
  /** Webhook delivery: `await sim.webhooks.idle()` once nothing is queued or in flight. */
  webhooks: WebhookControl;
  /**
   * Serves the REST API over HTTP (port 0 picks a free one) and blackhole on the same port, on every path
   * outside `/v2` and `/__sim`: `websocketUrl` is `ws://host:port/`.
   */
  listen(options?: ListenOptions): Promise<RunningServer & { baseUrl: string; websocketUrl: string }>;
  /** msw handlers answering every request under `baseUrl` in-process. */
  mswHandlers(baseUrl?: string): HttpHandler[];
  /** Fresh seed data, no revoked tokens, no faults (issued tokens stay valid until they expire). */
  reset(): void;
}

const BASE_PATH = '/v2';
/** The simulator's control routes (`/__sim/...`), never blackhole. */
const CONTROL_PATH = '/__sim';

/** The Kazoo simulator over a given bundled spec (`createKazooSimulator` passes @pbxkit/kazoo's). */
export function createKazooSimulatorFromSpec(spec: OpenApiDocument, options: KazooSimulatorOptions = {}): KazooSimulator {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const store = seedStore(seed, now());
  const tokens = new Tokens(now, options.tokenLifetimeSeconds ?? 3600);
  const envelopes = new Envelopes(now);
  const faults = new Faults(createRandom(seed + 1).next);
  // Events go out after the app exists; their violations join the REST ones.
  const contract = new EventContract(spec, (violation) => app.violations.push(violation));
  const blackhole = new Blackhole(store, tokens, contract, now);
  const webhooks = new WebhookDelivery(store, now, contract, options.webhooks);
  const events = new KazooEvents(blackhole, webhooks);
  const deps: Deps = { store, tokens, envelopes, now, maxRangeSeconds: options.maxRangeSeconds ?? 2_682_000, pageSizeDefault: options.pageSizeDefault ?? 50, events };
  const app = createSimulatorApp<Caller>({
    spec,
    basePath: BASE_PATH,
    name: 'kazoo',
    handlers: bindRoutes(createContract(spec, { basePath: BASE_PATH }), kazooRoutes(deps)),
    errorReply: envelopes.errorReply,
    authenticate: (request) => authenticateRequest(store, tokens, envelopes, BASE_PATH, request),
    faults,
    onReset: () => {
      Object.assign(store, seedStore(seed, now()));
      tokens.clear();
      webhooks.reset();
    },
    dropSockets: (code) => blackhole.dropConnections(code),
    extraAllowedHeaders: ['Authorization', 'X-Request-ID', 'X-File-Name', 'Accept'],
  });

  const defaultBaseUrl = `http://localhost:8000${BASE_PATH}`;
  const baseUrlFor = (origin: string) => origin.replace(/\/+$/, '') + BASE_PATH;
  return {
    app,
    store,
    tokens,
    faults,
    violations: app.violations,
    basePath: BASE_PATH,
    defaultBaseUrl,
    baseUrlFor,
    fixtures: FIXTURES,
    blackhole,
    webhooks,
    async listen(listenOptions) {
      const server = await listen(app, { ...listenOptions, websockets: [blackhole.endpoint([BASE_PATH, CONTROL_PATH])] });
      return { ...server, baseUrl: baseUrlFor(server.url), websocketUrl: `${server.url.replace(/^http/, 'ws')}/` };
    },
    mswHandlers: (baseUrl = defaultBaseUrl) => mswHandlers(app, baseUrl),
    reset: app.reset,
  };
}
