import { formatDateTime, unixSeconds } from '../datetime.js';
import type { ApiToken, LiveCall, User } from '../records.js';
import type { Directory } from './directory.js';
import { FIXTURES } from './fixtures.js';
import { callerId, destinationOf } from './phone.js';

const FIRST_LIVE_CALL_ID = 4_278_003_532;

/** A few calls in progress: an answered outbound call, an inbound call ringing the demo user, a queue call. */
export function seedLiveCalls(now: number, directory: Directory): LiveCall[] {
  const [demo, twoFactor, third] = directory.users as [User, User, User];
  const [first, second] = directory.externals as [Directory['externals'][number], Directory['externals'][number]];
  const start = unixSeconds(now);
  const name = (user: User) => `${user.first_name} ${user.last_name}`;
  const base = {
    min_charge: null,
    parent_id: null,
    referred_by: null,
    src_codec: 'opus',
    dst_codec: 'PCMA',
  };
  return [
    {
      id: FIRST_LIVE_CALL_ID,
      ...base,
      state: 'CONNECTED',
      clid: callerId(third.cli ?? third.ext, name(third)),
      context: 'LOCAL_USER',
      destination: 'out',
      start_time: start - 95,
      connected_at: start - 88,
      duration: 95,
      src: third.ext,
      src_id: String(third.id),
      src_name: name(third),
      src_ua: 'VoIPstudio 3.4.0 / win32',
      dst: first.number,
      dst_id: '0',
      dst_name: first.name ?? destinationOf(first.number).name,
      dst_ua: null,
      dst_rate: destinationOf(first.number).rate,
    },
    {
      id: FIRST_LIVE_CALL_ID + 1,
      ...base,
      state: 'RINGING',
      clid: callerId(second.number, second.name),
      context: 'EXTERNAL',
      destination: 'in',
      start_time: start - 6,
      connected_at: null,
      duration: 6,
      src: second.number,
      src_id: '0',
      src_name: second.name,
      src_ua: null,
      dst: demo.ext,
      dst_id: String(demo.id),
      dst_name: name(demo),
      dst_ua: 'VoIPstudio 3.4.0 / darwin',
      dst_rate: null,
    },
    {
      id: FIRST_LIVE_CALL_ID + 2,
      ...base,
      state: 'CONNECTED',
      clid: callerId(first.number, first.name),
      context: 'QUEUE',
      destination: 'in',
      start_time: start - 240,
      connected_at: start - 215,
      duration: 240,
      src: first.number,
      src_id: '0',
      src_name: first.name,
      src_ua: null,
      dst: '601',
      dst_id: String(twoFactor.id),
      dst_name: name(twoFactor),
      dst_ua: 'Yealink SIP-T54W 96.86.0.70',
      dst_rate: null,
    },
  ];
}

export function seedApiTokens(now: number): ApiToken[] {
  return [
    {
      user_id: FIXTURES.demo.userId,
      token: FIXTURES.apiToken,
      customer_id: FIXTURES.customerId,
      name: 'Simulator demo token',
      host: '203.0.113.10',
      user_agent: 'pbxkit-simulator',
      expiry: 0,
      last_request_at: null,
      created_at: formatDateTime(now - 30 * 86_400_000),
    },
  ];
}
