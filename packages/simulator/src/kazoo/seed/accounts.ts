import type { Stored } from '../documents.js';
import type { Account, AccountPrivate } from '../records.js';
import { seededDoc } from './doc.js';
import { FIXTURES } from './fixtures.js';

type AccountFixture = (typeof FIXTURES)['master' | 'reseller' | 'demo' | 'branch' | 'lab'];

const DAY = 86_400;

/** master → reseller → (demo → lab, branch), created a year to a month before `now` (Gregorian seconds). */
export function seedAccounts(now: number): Stored<Account & AccountPrivate>[] {
  const { master, reseller, demo, branch, lab } = FIXTURES;
  return [
    account(master, [], now - 400 * DAY, { superAdmin: true, reseller: true, timezone: 'America/New_York' }),
    account(reseller, [master.accountId], now - 380 * DAY, { reseller: true, timezone: 'America/Chicago' }),
    account(demo, [master.accountId, reseller.accountId], now - 300 * DAY, { timezone: 'America/Los_Angeles' }),
    account(branch, [master.accountId, reseller.accountId], now - 200 * DAY, { timezone: 'America/Chicago' }),
    account(lab, [master.accountId, reseller.accountId, demo.accountId], now - 60 * DAY, { timezone: 'America/Los_Angeles' }),
  ];
}

function account(
  fixture: AccountFixture,
  tree: string[],
  created: number,
  options: { superAdmin?: boolean; reseller?: boolean; timezone: string },
): Stored<Account & AccountPrivate> {
  const fields: Account & AccountPrivate = {
    name: fixture.name,
    realm: fixture.realm,
    timezone: options.timezone,
    language: 'en-us',
    enabled: true,
    ...('phoneNumber' in fixture ? { caller_id: { external: { name: fixture.name, number: fixture.phoneNumber } } } : {}),
    ...('ipAddress' in fixture ? { pvt_ip_auth: [fixture.ipAddress] } : {}),
    pvt_tree: tree,
    pvt_api_key: fixture.apiKey,
    pvt_superduper_admin: options.superAdmin ?? false,
    pvt_reseller: options.reseller ?? false,
  };
  return seededDoc('account', fixture.accountId, fixture.accountId, fields, created, created + DAY);
}
