/**
 * Documents as the simulator stores them: each is its spec schema with the fields the simulator always fills
 * made required (so a spec change breaks the build here rather than the contract at run time), without `id`
 * (`Stored<T>` in documents.ts adds id, revision and the `pvt_` fields). Kazoo documents are open, so the
 * schemas keep their `[key: string]: unknown`. Simulator-only state is hand-written at the end.
 */
import type { components } from '@pbxkit/kazoo';

type Schemas = components['schemas'];

/** Keys a schema declares (an open schema's `keyof` is plain `string`, which would let a misspelt field through). */
type DeclaredKey<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown };

/**
 * A schema whose `Filled` fields the simulator always sets (required and writable), narrowed by `Narrowed`
 * where the simulator relies on more than the schema promises.
 */
type Filled<T, Fields extends DeclaredKey<T>, Narrowed extends { [K in keyof Narrowed]: K extends Fields ? unknown : never } = {}> = {
  [K in keyof T as K extends Fields | 'id' ? never : K]: T[K];
} & { -readonly [K in Fields]-?: K extends keyof Narrowed ? Narrowed[K] & Exclude<T[K & keyof T], undefined> : Exclude<T[K & keyof T], undefined> };

export type Account = Filled<Schemas['Account'], 'name' | 'realm' | 'timezone' | 'language' | 'enabled'>;

export type User = Filled<Schemas['User'], 'first_name' | 'last_name' | 'priv_level' | 'enabled'>;

type DeviceSip = NonNullable<Schemas['Device']['sip']>;
export type Device = Filled<
  Schemas['Device'],
  'name' | 'device_type' | 'enabled' | 'sip',
  { sip: Required<Pick<DeviceSip, 'username' | 'password' | 'method' | 'invite_format' | 'expire_seconds'>> }
>;

export type Callflow = Filled<Schemas['Callflow'], 'numbers' | 'patterns' | 'flow'>;

export type Vmbox = Filled<Schemas['Vmbox'], 'name' | 'mailbox'>;

export type VoicemailMessage = Filled<
  Schemas['VoicemailMessage'],
  'media_id' | 'folder' | 'timestamp' | 'length' | 'caller_id_number' | 'caller_id_name' | 'call_id' | 'from' | 'to'
> & {
  /** The box the message is in. */
  source_id: string;
};

export type Media = Filled<Schemas['Media'], 'name' | 'media_source' | 'language' | 'streamable'>;

export type Fax = Filled<Schemas['Fax'], 'folder' | 'from_number' | 'to_number' | 'timestamp'> & { status: 'completed' | 'failed'; pages: number };

/** A fax job queued with `PUT /faxes` (outgoing) or being received (incoming). */
export type FaxJob = Filled<Schemas['FaxJob'], 'from_number' | 'to_number' | 'status'> & { direction: 'incoming' | 'outgoing' };

export type Faxbox = Filled<Schemas['Faxbox'], 'name'>;

export type SmtpLog = Filled<Schemas['FaxSmtpLog'], 'from' | 'to'> & { timestamp: number };

export type Recording = Filled<Schemas['Recording'], 'call_id' | 'content_type' | 'duration_ms' | 'media_source' | 'name' | 'start' | 'custom_channel_vars'>;

export type Cdr = Filled<
  Schemas['Cdr'],
  | 'call_direction' | 'caller_id_name' | 'caller_id_number' | 'callee_id_name' | 'callee_id_number' | 'duration_seconds' | 'billing_seconds'
  | 'ringing_seconds' | 'hangup_cause' | 'timestamp' | 'from' | 'to' | 'request' | 'interaction_id' | 'custom_channel_vars'
> & {
  /** The interaction's start (Gregorian seconds) and key: `interaction_id` is `<time>-<key>`. */
  interaction_time: number;
  interaction_key: string;
};

export type Webhook = Filled<Schemas['Webhook'], 'name' | 'uri' | 'hook' | 'http_verb' | 'format' | 'retries' | 'enabled'>;

export type WebhookAttempt = Filled<Schemas['WebhookAttempt'], 'timestamp'>;

export type Channel = Filled<Schemas['Channel'], 'uuid' | 'answered' | 'direction' | 'timestamp'>;

export type Conference = Filled<Schemas['Conference'], 'name'>;

export type Participant = Filled<
  Schemas['ConferenceParticipant'],
  'participant_id' | 'call_id' | 'conference_name' | 'caller_id_name' | 'caller_id_number' | 'is_moderator' | 'speak' | 'hear' | 'talking' | 'join_time'
>;

export type PhoneNumber = Filled<Schemas['PhoneNumber'], 'state' | 'features'>;

export type Registration = Filled<
  Schemas['Registration'],
  'username' | 'realm' | 'authorizing_id' | 'authorizing_type' | 'user_agent' | 'network_ip' | 'network_port' | 'contact' | 'expires' | 'event_timestamp' | 'call_id'
> & { account_id: string };

export type WebsocketSession = Filled<Schemas['WebsocketSocket'], 'websocket_session_id' | 'bindings' | 'source' | 'destination' | 'timestamp'> & {
  account_id: string;
};

// Hand-written: simulator-only state the API never shows as such.

/** Server-side account state. */
export interface AccountPrivate {
  /** Ancestor account ids, the root (master) first. */
  pvt_tree: string[];
  pvt_api_key: string;
  pvt_superduper_admin: boolean;
  pvt_reseller: boolean;
}

/** Stored password hashes (`pvt_md5_auth`, `pvt_sha1_auth` of `username:password`). */
export interface UserPrivate {
  pvt_md5_auth?: string;
  pvt_sha1_auth?: string;
}

/** A call's SIP dialogue as `call_inspector` keeps it. */
export interface InspectedCall {
  account_id: string;
  call_id: string;
  timestamp: number;
  messages: Record<string, unknown>[];
  dialog_entities: string[];
}

/** Bytes behind a document: audio, a photo, a fax. */
export interface Attachment {
  contentType: string;
  bytes: Uint8Array;
}
