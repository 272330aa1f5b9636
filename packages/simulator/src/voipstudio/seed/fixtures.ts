/** Simulator-only credentials and ids (printed by `pnpm sim`, documented in the README). */
export const DEMO_PASSWORD = 'demo-password';

export const FIXTURES = {
  customerId: 521156,
  demo: { userId: 1001, email: 'demo@example.com', password: DEMO_PASSWORD },
  twoFactor: { userId: 1002, email: '2fa@example.com', password: DEMO_PASSWORD },
  /** API token of the demo user; never expires. */
  apiToken: 'demo-api-token',
  /** A user without SIP locations: `POST /calls` from it answers 412. */
  offlineUserId: 1012,
  /** Number of call detail records seeded. */
  cdrCount: 2400,
} as const;
