/**
 * Records as the simulator stores them. Every record the API shows is its spec schema made stricter where
 * the simulator always fills a field in, so a spec change breaks the build here instead of the contract at
 * run time. Simulator-only state and fields the spec does not declare are hand-written at the end.
 */
import type { components } from '@pbxkit/voipstudio';

type Schemas = components['schemas'];

/**
 * Keys a schema declares. `additionalProperties: true` adds `[key: string]: unknown`, which makes `keyof`
 * plain `string` and would let a misspelt or removed field through.
 */
type DeclaredKey<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown };

/**
 * A spec record whose optional `Filled` fields the simulator always sets, so handlers read them without
 * checks; `Narrowed` tightens some of them further (never null, a narrower type) within what the spec allows.
 * Filled fields replace the schema's rather than intersect with them: `A[] & B[]` would keep A's `map`.
 */
type Stored<T, Filled extends DeclaredKey<T>, Narrowed extends { [K in keyof Narrowed]: K extends Filled ? T[K & keyof T] : never } = {}> = {
  [K in keyof T as K extends Filled ? never : K]: T[K];
} & { [K in Filled]-?: K extends keyof Narrowed ? Narrowed[K] : Exclude<T[K & keyof T], undefined> };

/** `nb_sip_locations: 0` means no SIP device can be registered: `POST /calls` from this user answers 412. */
export type User = Stored<Schemas['User'], 'ext' | 'email' | 'first_name' | 'last_name' | 'active' | 'dnd' | 'nb_sip_locations' | 'cli'>;

export type ApiToken = Stored<
  Schemas['ApiToken'],
  'user_id' | 'customer_id' | 'name' | 'host' | 'user_agent' | 'expiry' | 'last_request_at' | 'created_at'
>;

export type LiveCall = Stored<
  Schemas['LiveCall'],
  | 'state' | 'clid' | 'context' | 'destination' | 'start_time' | 'connected_at' | 'duration' | 'min_charge' | 'parent_id' | 'referred_by'
  | 'src' | 'src_id' | 'src_name' | 'src_ua' | 'src_codec' | 'dst' | 'dst_id' | 'dst_name' | 'dst_ua' | 'dst_codec' | 'dst_rate',
  { start_time: number }
>;

export type Cdr = Stored<
  Schemas['Cdr'],
  | 'call_id' | 'live_id' | 'is_root' | 'root_live_id' | 'parent_live_id' | 'nb_children' | 'user_id' | 'sip_endpoint_id' | 'server_id'
  | 'type' | 'calldate' | 'clid' | 'src_id' | 'src_name' | 'src' | 'src_ua' | 'src_codec' | 'dst_id' | 'dst' | 'dst_name' | 'dst_ua'
  | 'dst_codec' | 'duration' | 'billsec' | 'disposition' | 'destination' | 'context' | 'rate' | 'charge' | 't_cause' | 'info' | 'labels'
  | 'metadata' | 'nb_notes',
  { billsec: number }
>;

export type Recording = Stored<
  Schemas['Recording'],
  | 'call_id' | 'live_id' | 'user_id' | 'sip_endpoint_id' | 'type' | 'timestamp' | 'caller' | 'called' | 'src_id' | 'src' | 'src_name'
  | 'dst_id' | 'dst' | 'dst_name' | 'context' | 'duration' | 'size' | 'transcript' | 'transcript_speakers' | 'summary' | 'sentiment'
  | 'cx_score' | 'metadata'
>;

export type Voicemail = Stored<
  Schemas['Voicemail'],
  'live_id' | 'parent_live_id' | 'extension_id' | 'caller' | 'callerid' | 'dialled' | 'origtime' | 'duration' | 'folder' | 'is_new' | 'transcript'
>;

export type Chat = Stored<
  Schemas['Chat'],
  | 'created_at' | 'customer_id' | 'website_id' | 'operator_id' | 'operator_ua' | 'state' | 'duration' | 'visitor_id' | 'visitor_name'
  | 'visitor_email' | 'visitor_ip' | 'visitor_city' | 'visitor_country' | 'visitor_geo' | 'visitor_referer' | 'visitor_ua'
>;

export type Conversation = Stored<Schemas['Conversation'], 'created_at' | 'channel' | 'src' | 'dst' | 'duration' | 'type'>;

export type Sms = Stored<Schemas['Sms'], 'created_at' | 'user_id' | 'from' | 'to' | 'message' | 'type' | 'result'>;

export type Fax = Stored<Schemas['Fax'], 'created_at' | 'from' | 'to' | 'pages' | 'status' | 'type' | 'filename'>;

export type QueueGroup = Stored<Schemas['QueueGroup'], 'name'>;

/** Client-set fields beyond these (email, tel, notes, ...) live under the schema's open properties. */
export type Contact = Stored<
  Schemas['Contact'],
  'created_at' | 'user_id' | 'first_name' | 'last_name' | 'group_name' | 'global' | 'internal' | 'rel_user_id'
>;

/** The store keeps member ids; `include=users` expands them to member objects on the way out. */
export type Queue = Stored<Schemas['Queue'], 'name' | 'number' | 'users' | 'ring_strategy' | 'ring_time' | 'skip_busy', { users: number[] }>;

export type Ddi = Stored<Schemas['Ddi'], 'id' | 'e164' | 'sms' | 'sms_enabled'> & UndeclaredDdiFields;

export type CallMeBackSettings = Stored<Schemas['CallMeBackSettings'], 'ddi_e164' | 'max_call_rate'> & UndeclaredCallMeBackFields;

export type CallTrackingVisit = Stored<
  Schemas['CallTrackingVisit'],
  | 'calldate' | 'call_id' | 'live_id' | 'parent_live_id' | 'root_live_id' | 'is_root' | 'user_id' | 'sip_endpoint_id' | 'server_id' | 'src'
  | 'dst' | 'duration' | 'billsec' | 'rate' | 'charge'
> &
  UndeclaredVisitFields;

export type Transaction = Stored<
  Schemas['Transaction'],
  'created_at' | 'amount' | 'currency_iso' | 'type' | 'result',
  { amount: number }
>;

// Hand-written: fields the simulator serves that the spec does not declare (its open schemas let them
// through). Move a field into its record's `Filled` list once the spec declares it.

interface UndeclaredDdiFields {
  label: string;
}

interface UndeclaredCallMeBackFields {
  name: string;
}

interface UndeclaredVisitFields {
  campaign: string;
  source: string;
  landing_page: string;
}

// Hand-written: simulator-only state the API never shows.

export interface UserSecrets {
  password: string;
  twoFactor: boolean;
  sipPassword: string;
}

/** Chat messages have no read endpoint; they exist so that the delete operations have something to delete. */
export interface ChatMessage {
  id: number;
  chat_id: number;
  created_at: string;
  author: 'visitor' | 'operator';
  message: string;
}
