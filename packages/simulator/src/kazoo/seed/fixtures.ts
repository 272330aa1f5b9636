/**
 * Simulator-only accounts, credentials and ids (printed by `pnpm sim`, documented in the README). They do
 * not depend on the seed, so tests and demos can name them.
 */
export const DEMO_PASSWORD = 'demo-password';

interface AccountFixture {
  accountId: string;
  name: string;
  realm: string;
  /** 64 characters, as `PUT /api_auth` requires. */
  apiKey: string;
  phoneNumber?: string;
  ipAddress?: string;
}

interface UserFixture {
  userId: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
}

/** The account tree: master → reseller → (demo → lab, branch). */
export const FIXTURES = {
  master: {
    accountId: 'ab435ff10e547ba1eab0f54c7c103971',
    name: 'pbxkit-master',
    realm: 'master.pbxkit.test',
    apiKey: 'pbxkit-sim-master-api-key-146fc8227c7a110d6e315bbc1cb981286b35bc',
  },
  reseller: {
    accountId: '9b68dfc6cd23364d7ff8fd9e5901c652',
    name: 'pbxkit-reseller',
    realm: 'reseller.pbxkit.test',
    apiKey: 'pbxkit-sim-reseller-api-key-3b1b4fad6dfadbecd1dafd6dc7a3d62916e2',
  },
  demo: {
    accountId: '3be3c4b1c2a8e3f2d6f0a9b8c7d6e5f4',
    name: 'pbxkit-demo',
    realm: 'demo.pbxkit.test',
    apiKey: 'pbxkit-sim-demo-api-key-7e7aa8ce240a137787cb22a64cb426d936303932',
    /** The account's main number (`user_auth` by `phone_number`). */
    phoneNumber: '+14155550100',
    /** `PUT /ip_auth` from this address (sent as X-Forwarded-For) authenticates as the account. */
    ipAddress: '198.51.100.10',
  },
  branch: {
    accountId: '55a6b43bb76e80d60b67338670f764ea',
    name: 'pbxkit-branch',
    realm: 'branch.pbxkit.test',
    apiKey: 'pbxkit-sim-branch-api-key-099a087c71c6f59c9859d150594cb612a5092e',
  },
  lab: {
    accountId: '6470163a34543fe210c29f1ac9d8ba26',
    name: 'pbxkit-lab',
    realm: 'lab.demo.pbxkit.test',
    apiKey: 'pbxkit-sim-lab-api-key-0930e2be9d6220b5ae052f822cea16b0a21c83795',
  },
  /** Admin of the demo account (`priv_level: admin`). */
  user: {
    userId: '8d2ae9b1c0f34e6a9b7c5d3e1f2a4b6c',
    username: 'jsmith',
    password: DEMO_PASSWORD,
    firstName: 'James',
    lastName: 'Smith',
  },
  /** A plain user of the demo account. */
  secondUser: {
    userId: 'e8621fbb4c4758694ff17e0907270ca2',
    username: 'jdoe',
    password: DEMO_PASSWORD,
    firstName: 'Jane',
    lastName: 'Doe',
  },
  /** Super-duper admin of the master account (may impersonate users). */
  superAdmin: {
    userId: '17c4520f6cfd1ab53d8745e84681eb49',
    username: 'superadmin',
    password: DEMO_PASSWORD,
    firstName: 'Sam',
    lastName: 'Root',
  },
  /** Admin of the reseller account. */
  resellerAdmin: {
    userId: '9c5952f72f8d96e05648664138bc5950',
    username: 'reseller-admin',
    password: DEMO_PASSWORD,
    firstName: 'Rita',
    lastName: 'Seller',
  },
  /** The `Call-Interaction-ID` of a recent demo call that has CDR legs and a recording. */
  interactionId: '63741914152-5813c485',
  /** CDRs seeded in the demo account, spread over the last five months. */
  cdrCount: 5_200,
} as const satisfies Record<string, AccountFixture | UserFixture | string | number>;

export type KazooFixtures = typeof FIXTURES;
