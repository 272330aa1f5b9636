import type { HttpHandler } from 'msw';
import { InvalidArgumentError } from '@pbxkit/voipstudio';
import { createSimulatorApp, type RecordedViolation, type SimulatorApp } from '../framework/app.js';
import { createContract } from '../framework/contract.js';
import { Faults } from '../framework/faults.js';
import { mswHandlers } from '../framework/msw.js';
import type { OpenApiDocument } from '../framework/openapi.js';
import { createRandom } from '../framework/random.js';
import { listen, type ListenOptions, type RunningServer } from '../framework/server.js';
import { authenticateRequest } from './auth.js';
import { errorReply } from './errors.js';
import { callHandlers } from './handlers/calls.js';
import type { Deps } from './handlers/common.js';
import { directoryHandlers } from './handlers/directory.js';
import { historyHandlers } from './handlers/history.js';
import { sessionHandlers } from './handlers/session.js';
import { storageHandlers } from './handlers/storage.js';
import { userHandlers } from './handlers/users.js';
import { FIXTURES } from './seed/fixtures.js';
import { seedStore } from './seed/index.js';
import { Sessions, type Caller } from './sessions.js';
import type { VoipstudioStore } from './store.js';
import { WebhookPayloadContract } from './webhooks/payload-contract.js';
import { subscriptionOf, type VoipstudioWebhookSubscription } from './webhooks/subscriptions.js';
import { WebhookSender, type VoipstudioWebhookControl } from './webhooks/webhook-sender.js';

export interface VoipstudioSimulatorOptions {
  /** Idle lifetime of login sessions; every request resets it. 30 minutes, as on the real API. */
  sessionIdleMs?: number;
  /** The clock (ms since the epoch) for seeding, expiry and timestamps; inject one to test expiry. */
  now?: () => number;
  /** Seed of the deterministic data generator. */
  seed?: number;
  /** The one-time code `POST /login2fa` accepts. */
  twoFactorCode?: string;
  /** Webhooks set up from the start (VoIPstudio configures them in its dashboard); `sim.webhooks.add` adds more. */
  webhooks?: readonly VoipstudioWebhookSubscription[];
  /** How long one webhook POST may take, connection and answer, before it is recorded as `timeout`. 2000 ms. */
  webhookTimeoutMs?: number;
}

export type VoipstudioFixtures = typeof FIXTURES & { twoFactor: { code: string } };

export interface VoipstudioSimulator {
  app: SimulatorApp;
  /** The in-memory state; `reset()` reseeds it in place. */
  store: VoipstudioStore;
  sessions: Sessions;
  faults: Faults;
  /** Replies that broke the contract and handlers that failed; tests assert it stays empty. */
  violations: RecordedViolation[];
  /** `/v1.2/voipstudio`, the path of the spec's server URL. */
  basePath: string;
  /** The real API's base URL; `mswHandlers()` intercepts it by default. */
  defaultBaseUrl: string;
  /** `origin` + base path, e.g. `http://127.0.0.1:4010/v1.2/voipstudio`. */
  baseUrlFor(origin: string): string;
  /** Credentials and ids of the seeded data (simulator-only values). */
  fixtures: VoipstudioFixtures;
  /** Serves the simulator over HTTP (port 0 picks a free one). */
  listen(options?: ListenOptions): Promise<RunningServer & { baseUrl: string }>;
  /** msw handlers answering every request under `baseUrl` in-process. */
  mswHandlers(baseUrl?: string): HttpHandler[];
  /** Webhook events: subscriptions, what was delivered, made-up events, `idle()`. */
  webhooks: VoipstudioWebhookControl;
  /** Fresh seed data, no sessions, no faults, the configured webhooks only and no deliveries. */
  reset(): void;
}

/** The VoIPstudio simulator over a given bundled spec (`createVoipstudioSimulator` passes @pbxkit/voipstudio's). */
export function createVoipstudioSimulatorFromSpec(spec: OpenApiDocument, options: VoipstudioSimulatorOptions = {}): VoipstudioSimulator {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const twoFactorCode = options.twoFactorCode ?? '123456';
  const store = seedStore(seed, now());
  const sessions = new Sessions(store, now, options.sessionIdleMs ?? 30 * 60_000);
  const faults = new Faults(createRandom(seed + 1).next);
  const webhooks = new WebhookSender({
    configured: configuredWebhooks(options.webhooks),
    timeoutMs: webhookTimeout(options.webhookTimeoutMs),
    now,
    // Called only once the app below exists: payloads are checked when events are sent.
    contract: new WebhookPayloadContract(spec, (violation) => app.violations.push(violation)),
  });
  const deps: Deps = { store, sessions, contract: createContract(spec), now, twoFactorCode, webhooks };
  const app = createSimulatorApp<Caller>({
    spec,
    name: 'voipstudio',
    handlers: {
      ...sessionHandlers(deps),
      ...userHandlers(deps),
      ...callHandlers(deps),
      ...historyHandlers(deps),
      ...storageHandlers(deps),
      ...directoryHandlers(deps),
    },
    errorReply,
    authenticate: (request) => authenticateRequest(sessions, request),
    faults,
    onReset: () => {
      Object.assign(store, seedStore(seed, now()));
      sessions.clear();
      webhooks.reset();
    },
    extraAllowedHeaders: ['X-Language'],
  });

  const defaultBaseUrl = spec.servers?.[0]?.url ?? `http://localhost${app.basePath}`;
  const baseUrlFor = (origin: string) => origin.replace(/\/+$/, '') + app.basePath;
  return {
    app,
    store,
    sessions,
    faults,
    violations: app.violations,
    basePath: app.basePath,
    defaultBaseUrl,
    baseUrlFor,
    fixtures: { ...FIXTURES, twoFactor: { ...FIXTURES.twoFactor, code: twoFactorCode } },
    async listen(listenOptions) {
      const server = await listen(app, listenOptions);
      return { ...server, baseUrl: baseUrlFor(server.url) };
    },
    mswHandlers: (baseUrl = defaultBaseUrl) => mswHandlers(app, baseUrl),
    webhooks,
    reset: app.reset,
  };
}

function configuredWebhooks(webhooks: unknown) {
  if (webhooks === undefined) return [];
  if (!Array.isArray(webhooks)) throw new InvalidArgumentError('webhooks must be an array of {url, events?}');
  return webhooks.map((webhook, index) => subscriptionOf(webhook, `webhooks[${index}]`));
}

function webhookTimeout(timeoutMs: unknown): number {
  if (timeoutMs === undefined) return 2000;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new InvalidArgumentError('webhookTimeoutMs must be a number of milliseconds > 0');
  return timeoutMs;
}
