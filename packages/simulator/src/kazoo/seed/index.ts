import { createRandom } from '../../framework/random.js';
import { Docs } from '../docs.js';
import type { Json } from '../documents.js';
import type { KazooStore } from '../store.js';
import { gregorianSeconds } from '../time.js';
import { seedAccounts } from './accounts.js';
import { seedCalls } from './calls.js';
import { seedDirectories } from './directory.js';
import { FIXTURES } from './fixtures.js';
import { seedLive } from './live.js';
import { seedMessages } from './messages.js';
import { seedWebhooks } from './webhooks.js';

/** How much call history each account gets: legs over days. The demo account has the big one. */
const HISTORY: Record<string, { legs: number; days: number }> = {
  [FIXTURES.demo.accountId]: { legs: FIXTURES.cdrCount, days: 150 },
  [FIXTURES.branch.accountId]: { legs: 240, days: 90 },
  [FIXTURES.lab.accountId]: { legs: 60, days: 30 },
  [FIXTURES.reseller.accountId]: { legs: 40, days: 60 },
};

/** A fresh, deterministic store: the same seed and clock (ms) give the same documents. */
export function seedStore(seed: number, nowMs: number): KazooStore {
  const random = createRandom(seed);
  const now = gregorianSeconds(nowMs);
  const accounts = seedAccounts(now);
  const directories = seedDirectories(random, now);
  const all = directories.map((directory) => {
    const history = HISTORY[directory.accountId];
    const calls = history ? seedCalls(random, now, directory, history.legs, history.days, FIXTURES.reseller.accountId) : undefined;
    return { directory, calls, messages: seedMessages(random, now, directory), hooks: seedWebhooks(random, now, directory), live: seedLive(random, now, directory, accounts.find((a) => a.id === directory.accountId)!.name) };
  });
  const collect = <T>(pick: (part: (typeof all)[number]) => readonly T[] | undefined): T[] => all.flatMap((part) => pick(part) ?? []);

  return {
    accounts: new Docs('account', accounts),
    users: new Docs('user', collect((p) => p.directory.users)),
    devices: new Docs('device', collect((p) => p.directory.devices)),
    callflows: new Docs('callflow', collect((p) => p.directory.callflows)),
    vmboxes: new Docs('vmbox', collect((p) => p.directory.vmboxes)),
    voicemailMessages: new Docs('mailbox_message', collect((p) => p.messages.voicemailMessages)),
    media: new Docs('media', collect((p) => p.messages.media)),
    faxes: new Docs('fax', collect((p) => p.messages.faxes)),
    faxJobs: new Docs('fax', collect((p) => p.messages.faxJobs)),
    faxboxes: new Docs('faxbox', collect((p) => p.directory.faxboxes)),
    smtpLogs: new Docs('fax_smtp_log', collect((p) => p.messages.smtpLogs)),
    recordings: new Docs('call_recording', collect((p) => p.calls?.recordings)),
    cdrs: new Docs('cdr', collect((p) => p.calls?.cdrs)),
    webhooks: new Docs('webhook', collect((p) => p.hooks.webhooks)),
    webhookAttempts: new Docs('webhook_attempt', collect((p) => p.hooks.attempts)),
    channels: new Docs('channel', collect((p) => p.live.channels)),
    conferences: new Docs('conference', collect((p) => p.directory.conferences)),
    participants: new Map(all.flatMap((p) => [...p.live.participants])),
    phoneNumbers: new Docs('number', collect((p) => p.directory.phoneNumbers)),
    registrations: collect((p) => p.live.registrations),
    websockets: collect((p) => p.live.websockets),
    inspectedCalls: new Map(collect((p) => p.calls?.inspectedCalls).map((call) => [call.call_id, call])),
    metaflows: new Map(directories.map((d): [string, Json] => [d.accountId, defaultMetaflows()])),
    tokenRestrictions: new Map(),
    attachments: new Map(),
    passwordResets: new Map(),
  };
}

/** Konami's usual in-call features: `*2` blind transfer, `*3` attended, `*4` hangup. */
function defaultMetaflows(): Json {
  return {
    binding_digit: '*',
    digit_timeout: 3000,
    listen_on: 'self',
    numbers: {
      '2': { module: 'transfer', data: { 'Transfer-Type': 'blind' } },
      '3': { module: 'transfer', data: { 'Transfer-Type': 'attended' } },
      '4': { module: 'hangup', data: {} },
    },
    patterns: { '^1(\\d+)$': { module: 'transfer', data: { 'Transfer-Type': 'blind' } } },
  };
}
