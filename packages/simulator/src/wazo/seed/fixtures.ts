/** Simulator-only credentials and ids (printed by `pnpm sim`, documented in the README). */
export const DEMO_PASSWORD = 'demo-password';

export const TENANTS = {
  /** The stack's master tenant (its own parent). */
  master: '9f4b2a10-0d3c-4e5f-8a7b-000000000001',
  /** The demo customer: alice, bob, carol, the admin and a dozen colleagues. */
  acme: '2e752722-0864-4665-887d-a78a024cf7c7',
  /** A sub-tenant of Acme. */
  acmeEast: '2e752722-0864-4665-887d-a78a024cf7c8',
  /** Another customer, outside Acme's tree. */
  globex: '7b0f1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d',
} as const;

interface FixtureUser {
  uuid: string;
  username: string;
  password: string;
  firstname: string;
  lastname: string;
  /** The user's first line extension (context `default`), when it has a line. */
  exten: string | null;
  /** wazo-confd `subscription_type` (0-3), which the seed SDK's `minSubscriptionType` checks. */
  subscriptionType: number | null;
}

const user = (uuid: string, username: string, firstname: string, lastname: string, exten: string | null, subscriptionType: number | null): FixtureUser => ({
  uuid,
  username,
  password: DEMO_PASSWORD,
  firstname,
  lastname,
  exten,
  subscriptionType,
});

export const FIXTURES = {
  stackUuid: '0c8b4a6f-3f2e-4d1a-9b7c-6e5d4c3b2a10',
  tenants: TENANTS,
  users: {
    /** A normal user (default user policy); subscription 2; Portal authorization `softphone`; agent 1001. */
    alice: user('5d0c3a8e-2a41-4c6e-9f3b-8e1d2c7a9b01', 'alice', 'Alice', 'Martin', '1001', 2),
    /** A normal user on subscription 0 (below any `minSubscriptionType`); no voicemail, no agent. */
    bob: user('6e1d4b9f-3b52-4d7f-8a4c-9f2e3d8b0c12', 'bob', 'Bob', 'Tremblay', '1002', 0),
    /** The default user policy plus `!call-logd.#`: every call-logd request answers a permission 401. */
    carol: user('7f2e5ca0-4c63-4e80-9b5d-a03f4e9c1d23', 'carol', 'Carol', 'Nguyen', '1003', 1),
    /** Acme's tenant administrator (`#`, `metadata.admin: true`); a wazo-auth user without a PBX user. */
    admin: user('8a3f6db1-5d74-4f91-8c6e-b14a5fad2e34', 'admin', 'Acme', 'Admin', null, null),
    /** A user of the Acme East sub-tenant. */
    erin: user('9b4a7ec2-6e85-4aa2-9d7f-c25b6abe3f45', 'erin', 'Erin', 'Roy', '2001', 3),
    /** A user of Globex, another customer. */
    gary: user('ac5b8fd3-7f96-4bb3-8e80-d36c7bcf4a56', 'gary', 'Gary', 'Stone', '3001', 1),
  },
  /** Alice's seeded refresh token (desktop) for `clientId`; refresh with `{refresh_token, client_id}`. */
  refreshToken: { token: 'b7e3f1a2-4c5d-4e6f-8a9b-0c1d2e3f4a5b', clientId: 'pbxkit-demo', user: 'alice' },
  /** The Portal authorization alice's token carries (in `metadata.jwt`). */
  authorizationName: 'softphone',
  /** Acme's stasis application, its switchboard and its conference. */
  applicationUuid: 'f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b',
  switchboardUuid: 'd4c3b2a1-f0e9-4d8c-9b7a-6f5e4d3c2b1a',
  conferenceId: 1,
  /** Acme's phonebook in wazo-dird. */
  phonebookUuid: 'e5d4c3b2-a1f0-4e9d-8c7b-6a5f4e3d2c1b',
  /** Number of CDRs seeded over the last six months. */
  cdrCount: 900,
} as const;

export type FixtureUserName = keyof typeof FIXTURES.users;
