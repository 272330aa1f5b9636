import type { SimReply } from '../../framework/reply.js';
import { publicView, type Json, type Stored } from '../documents.js';
import { isRangeError, timeRange } from '../query/time-range.js';
import type { Cdr } from '../records.js';
import { GREGORIAN_OFFSET, iso8601, msFromGregorian, prettyDateTime, rfc1036 } from '../time.js';
import { accountIdOf, nowSeconds, param, queryOf, reply, type Deps, type KzContext, type Routes } from './common.js';
import { listing } from './listing.js';

type StoredCdr = Stored<Cdr>;

/** The columns of a CDR listing row and of its CSV form, in Crossbar's order (`kzd_cdrs.hrl` `?COLUMNS`). */
export const CDR_COLUMNS = [
  'id', 'call_id', 'caller_id_number', 'caller_id_name', 'callee_id_number', 'callee_id_name', 'duration_seconds', 'billing_seconds',
  'timestamp', 'hangup_cause', 'other_leg_call_id', 'owner_id', 'to', 'from', 'direction', 'request', 'authorizing_id', 'cost',
  'dialed_number', 'calling_from', 'datetime', 'unix_timestamp', 'unix_timestamp_micro', 'rfc_1036', 'iso_8601', 'iso_8601_combined',
  'call_type', 'rate', 'rate_name', 'bridge_id', 'recording_url', 'media_recordings', 'media_server', 'call_priority', 'interaction_id',
] as const;

const MODB_ID = /^\d{6}-[0-9a-f]{32}$/;
const INTERACTION_ID = /^\d{11}-[0-9a-z]+$/;

/** cdrs: time-ranged listings (account, user, interactions), details, legs, summary, CSV export; call_inspector. */
export function cdrRoutes(deps: Deps): Routes {
  const { store, envelopes } = deps;
  const accountCdrs = (context: KzContext) => store.cdrs.inAccount(accountIdOf(context));
  const ownedBy = (userId: string) => (cdr: StoredCdr) => cdr.custom_channel_vars.owner_id === userId;

  /** Seconds `datetime` is shifted by (the contract makes `utc_offset` an integer). */
  const offsetOf = (context: KzContext) => Number(queryOf(context).get('utc_offset') ?? 0);

  const cdrListing = (context: KzContext, rows: readonly StoredCdr[]) =>
    listing(deps, context, rows, { view: (cdr) => summaryRow(cdr, offsetOf(context)), time: (cdr) => cdr.timestamp, csvColumns: CDR_COLUMNS });

  const interactionListing = (context: KzContext, rows: readonly StoredCdr[]) =>
    listing(deps, context, firstLegs(rows), { view: (cdr) => summaryRow(cdr, offsetOf(context)), time: (cdr) => cdr.interaction_time, csvColumns: CDR_COLUMNS });

  const withUser = (context: KzContext, then: (userId: string) => SimReply): SimReply => {
    const userId = param(context, 'user_id');
    return store.users.get(accountIdOf(context), userId) ? then(userId) : envelopes.badIdentifier(context.request, userId);
  };

  return {
    'GET /accounts/{account_id}/cdrs': (context) => cdrListing(context, accountCdrs(context)),
    'GET /accounts/{account_id}/cdrs/interaction': (context) => interactionListing(context, accountCdrs(context)),
    'GET /accounts/{account_id}/users/{user_id}/cdrs': (context) => withUser(context, (userId) => cdrListing(context, accountCdrs(context).filter(ownedBy(userId)))),
    'GET /accounts/{account_id}/users/{user_id}/cdrs/interaction': (context) =>
      withUser(context, (userId) => interactionListing(context, accountCdrs(context).filter(ownedBy(userId)))),

    'GET /accounts/{account_id}/cdrs/{cdr_id}': (context) => {
      const id = param(context, 'cdr_id');
      const cdr = store.cdrs.get(accountIdOf(context), id);
      return cdr ? reply(deps, context, 200, publicView(cdr), { revision: cdr._rev }) : envelopes.badIdentifier(context.request, id);
    },

    'GET /accounts/{account_id}/cdrs/legs/{interaction_id}': (context) => {
      const id = param(context, 'interaction_id');
      const cdrs = accountCdrs(context);
      const interaction = MODB_ID.test(id) ? cdrs.find((cdr) => cdr.id === id)?.interaction_id : INTERACTION_ID.test(id) ? id : undefined;
      const legs = interaction === undefined ? [] : cdrs.filter((cdr) => cdr.interaction_id === interaction).sort((a, b) => channelStart(a) - channelStart(b));
      if (legs.length === 0) return envelopes.error(context.request, 404, 'bad_identifier', { message: 'could not find legs for supplied id', cause: id });
      return reply(deps, context, 200, legs.map(publicView), { paging: { page_size: legs.length } });
    },

    // call_inspector: the CDR rows of calls whose SIP dialogue was captured, and one dialogue.
    'GET /accounts/{account_id}/call_inspector': (context) =>
      cdrListing(context, accountCdrs(context).filter((cdr) => store.inspectedCalls.has(cdr.call_id))),
    'GET /accounts/{account_id}/call_inspector/{call_id}': (context) => {
      const id = param(context, 'call_id');
      const call = store.inspectedCalls.get(id);
      if (!call || call.account_id !== accountIdOf(context)) return envelopes.badIdentifier(context.request, id);
      return reply(deps, context, 200, { 'call-id': call.call_id, messages: call.messages, dialog_entities: call.dialog_entities });
    },

    'GET /accounts/{account_id}/cdrs/summary': (context) => {
      const range = timeRange(queryOf(context), nowSeconds(deps), deps.maxRangeSeconds);
      if (isRangeError(range)) return envelopes.invalidField(context.request, range.key, 'date_range', { message: range.message, cause: range.cause });
      const rows = accountCdrs(context).filter((cdr) => cdr.pvt_created >= range.from && cdr.pvt_created <= range.to);
      return reply(deps, context, 200, summarize(rows));
    },
  };
}

function channelStart(cdr: StoredCdr): number {
  return typeof cdr.channel_created_time === 'number' ? cdr.channel_created_time / 1e6 : msFromGregorian(cdr.timestamp - cdr.duration_seconds) / 1000;
}

/** One row per interaction: its first leg (the `interactions/interaction_listing` reduce). */
function firstLegs(rows: readonly StoredCdr[]): StoredCdr[] {
  const first = new Map<string, StoredCdr>();
  for (const cdr of rows) {
    const seen = first.get(cdr.interaction_id);
    if (!seen || channelStart(cdr) < channelStart(seen)) first.set(cdr.interaction_id, cdr);
  }
  return [...first.values()];
}

const userPart = (address: string) => address.split('@')[0] ?? '';

/** A listing row (`cb_cdrs:normalize_cdr`): times derive from the leg's start; `utc_offset` shifts `datetime` only. */
export function summaryRow(cdr: StoredCdr, utcOffset = 0): Json {
  const ccv = cdr.custom_channel_vars;
  const start = cdr.timestamp - cdr.duration_seconds;
  const unix = start - GREGORIAN_OFFSET;
  const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
  return {
    id: cdr.id,
    call_id: cdr.call_id,
    caller_id_number: cdr.caller_id_number,
    caller_id_name: cdr.caller_id_name,
    callee_id_number: cdr.callee_id_number,
    callee_id_name: cdr.callee_id_name,
    duration_seconds: cdr.duration_seconds,
    billing_seconds: cdr.billing_seconds,
    timestamp: String(start),
    hangup_cause: cdr.hangup_cause,
    other_leg_call_id: text(cdr.other_leg_call_id),
    owner_id: text(ccv.owner_id),
    to: cdr.to,
    from: cdr.from,
    direction: cdr.call_direction,
    request: cdr.request,
    authorizing_id: ccv.authorizing_id === ccv.account_id ? '' : text(ccv.authorizing_id),
    cost: '0',
    dialed_number: userPart(cdr.request),
    calling_from: cdr.call_direction === 'inbound' ? cdr.caller_id_number : userPart(cdr.from),
    datetime: prettyDateTime(start + utcOffset),
    unix_timestamp: String(unix),
    unix_timestamp_micro: String(unix),
    rfc_1036: rfc1036(start),
    iso_8601: prettyDateTime(start).slice(0, 10),
    iso_8601_combined: iso8601(msFromGregorian(start)),
    call_type: text(ccv.account_billing),
    rate: '0.0',
    rate_name: text(ccv.rate_name),
    bridge_id: text(ccv.bridge_id),
    recording_url: text(cdr.recording_url),
    media_recordings: [],
    media_server: text(cdr.media_server),
    call_priority: text(ccv.call_priority),
    interaction_id: cdr.interaction_id,
  };
}

/** Billable seconds by direction, domain and number class (the `cdrs/summarize_cdrs` view and its list). */
function summarize(rows: readonly StoredCdr[]): Json {
  const results: Record<'inbound' | 'outbound', Record<string, Record<string, Record<string, number>>>> = { inbound: {}, outbound: {} };
  for (const cdr of rows) {
    const ccv = cdr.custom_channel_vars;
    const carrierLeg = cdr.call_direction === 'inbound' ? ccv.authorizing_id === undefined : ccv.resource_id !== undefined;
    if (!carrierLeg) continue;
    const domain = (cdr.call_direction === 'inbound' ? cdr.from : cdr.to).split('@')[1] ?? '';
    const classifier = classify(userPart(cdr.to));
    const bucket = ((results[cdr.call_direction][domain] ??= {})[classifier] ??= { total: 0 });
    bucket.total = (bucket.total ?? 0) + cdr.billing_seconds;
    if (typeof ccv.rate_name === 'string') bucket[ccv.rate_name] = (bucket[ccv.rate_name] ?? 0) + cdr.billing_seconds;
  }
  return results;
}

function classify(number: string): string {
  if (/^\+1(800|888|877|866|855)\d{7}$/.test(number)) return 'tollfree_us';
  if (/^\+1900\d{7}$/.test(number)) return 'toll_us';
  if (/^(911|933)$/.test(number)) return 'emergency';
  if (/^\+?1?[2-9]\d{2}[2-9]\d{6}$/.test(number)) return 'did_us';
  if (/^\+[2-9]\d{7,}$/.test(number)) return 'international';
  return 'unknown';
}
