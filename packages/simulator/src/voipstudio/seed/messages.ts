import type { Random } from '../../framework/random.js';
import { formatDateTime } from '../datetime.js';
import type { Chat, ChatMessage, Fax, Sms, Transaction } from '../records.js';
import type { Directory } from './directory.js';
import { FIXTURES } from './fixtures.js';
import { CHAT_LINES, CITIES, FIRST_NAMES, LAST_NAMES, SMS_TEXTS } from './names.js';

const DAY = 86_400_000;

export interface Messages {
  sms: Sms[];
  faxes: Fax[];
  chats: Chat[];
  chatMessages: ChatMessage[];
  transactions: Transaction[];
}

export function seedMessages(random: Random, now: number, directory: Directory): Messages {
  const chats = seedChats(random, now);
  return {
    sms: seedSms(random, now, directory),
    faxes: seedFaxes(random, now, directory),
    chats,
    chatMessages: seedChatMessages(random, chats),
    transactions: seedTransactions(random, now),
  };
}

/** `count` times in the last `days` days, oldest first. */
function times(random: Random, now: number, count: number, days: number): number[] {
  return Array.from({ length: count }, () => now - random.int(60_000, days * DAY)).sort((a, b) => a - b);
}

function seedSms(random: Random, now: number, directory: Directory): Sms[] {
  const senders = directory.ddis.filter((ddi) => ddi.sms_enabled).map((ddi) => ddi.e164);
  return times(random, now, 180, 90).map((time, i) => {
    const inbound = random.chance(0.5);
    const party = random.pick(directory.externals.filter((p) => p.number.startsWith('447')));
    const line = random.pick(senders);
    return {
      id: 51_001 + i,
      created_at: formatDateTime(time),
      user_id: inbound ? null : random.pick(directory.users).id,
      from: inbound ? party.number : line,
      to: inbound ? line : party.number,
      message: random.pick(SMS_TEXTS),
      type: inbound ? 'I' : 'O',
      result: inbound ? 'RECEIVED' : random.chance(0.9) ? 'DELIVERED' : 'FAILED',
    };
  });
}

function seedFaxes(random: Random, now: number, directory: Directory): Fax[] {
  const faxLine = directory.ddis.at(-1)!.e164;
  return times(random, now, 40, 150).map((time, i) => {
    const inbound = random.chance(0.6);
    const party = random.pick(directory.externals).number;
    const id = 3_301 + i;
    return {
      id,
      created_at: formatDateTime(time),
      from: inbound ? party : faxLine,
      to: inbound ? faxLine : party,
      pages: random.int(1, 6),
      status: inbound ? 'RECEIVED' : random.chance(0.85) ? 'SENT' : 'FAILED',
      type: inbound ? 'I' : 'O',
      filename: `fax-${formatDateTime(time).slice(0, 10)}-${id}.pdf`,
    };
  });
}

function seedChats(random: Random, now: number): Chat[] {
  return times(random, now, 40, 60).map((time, i) => {
    const [city, country] = random.pick(CITIES);
    const named = random.chance(0.7);
    const first = random.pick(FIRST_NAMES);
    return {
      id: 7_001 + i,
      created_at: formatDateTime(time),
      customer_id: FIXTURES.customerId,
      website_id: 401,
      operator_id: random.chance(0.9) ? FIXTURES.demo.userId + random.int(0, 3) : null,
      operator_ua: 'VoIPstudio 3.4.0 / win32',
      state: random.int(0, 3),
      duration: random.int(30, 1_200),
      visitor_id: 500_001 + i,
      visitor_name: named ? `${first} ${random.pick(LAST_NAMES)}` : null,
      visitor_email: named ? `${first.toLowerCase()}@example.net` : null,
      visitor_ip: `198.51.100.${random.int(1, 254)}`,
      visitor_city: city,
      visitor_country: country,
      visitor_geo: null,
      visitor_referer: random.pick(['https://www.example.com/pricing', 'https://www.example.com/contact', null]),
      visitor_ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
    };
  });
}

function seedChatMessages(random: Random, chats: Chat[]): ChatMessage[] {
  let id = 7_001_001;
  return chats.flatMap((chat) => {
    const start = Date.parse(`${chat.created_at.replace(' ', 'T')}Z`);
    return Array.from({ length: random.int(2, 8) }, (_, i): ChatMessage => ({
      id: id++,
      chat_id: chat.id,
      created_at: formatDateTime(start + i * 40_000),
      author: i % 2 === 0 ? 'visitor' : 'operator',
      message: random.pick(CHAT_LINES),
    }));
  });
}

/** Monthly subscription invoices and a few top-ups; the two newest are not completed yet. */
function seedTransactions(random: Random, now: number): Transaction[] {
  const rows = times(random, now, 30, 330).map((time, i): Transaction => ({
    id: 45_001 + i,
    created_at: formatDateTime(time),
    amount: i % 3 === 0 ? random.pick([20, 50, 100]) : Math.round(random.int(3_000, 12_000)) / 100,
    currency_iso: 'GBP',
    type: i % 3 === 0 ? 'TOPUP' : 'INVOICE',
    result: 'COMPLETED',
  }));
  for (const row of rows.slice(-2)) row.result = 'PENDING';
  return rows;
}
