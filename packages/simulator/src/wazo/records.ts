/**
 * Records as the simulator stores them, derived from the daemons' generated schema types: a spec change
 * breaks the build here rather than the contract at run time. `Complete<T, K>` is a schema record whose
 * optional `K` fields the simulator always fills in. Simulator-only state is hand-written at the end.
 */
import type { Agentd, Auth, CallLogd, Calld, Chatd, Confd, Dird } from './generated.js';

/** Keys a schema declares (an open schema's index signature would make `keyof` plain `string`). */
type DeclaredKey<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: unknown };

export type Complete<T, K extends DeclaredKey<T>> = { [P in keyof T as P extends K ? never : P]: T[P] } & {
  [P in K]-?: Exclude<T[P & keyof T], undefined>;
};

// wazo-auth

export type Tenant = Auth.Tenant;
export type AuthUser = Auth.User;
export type Group = Complete<Auth.Group, 'system_managed'>;
export type Policy = Auth.Policy;

// wazo-confd: users keep their line ids; views expand them.

export type ConfdUser = Complete<
  Omit<Confd.User, 'lines'>,
  | 'lastname' | 'email' | 'timezone' | 'language' | 'caller_id' | 'mobile_phone_number' | 'username' | 'subscription_type' | 'created_at'
  | 'enabled' | 'online_call_record_enabled' | 'call_record_enabled' | 'ring_seconds' | 'simultaneous_calls' | 'forwards' | 'services'
  | 'voicemail' | 'agent' | 'switchboards' | 'description' | 'userfield'
> & { lineIds: number[] };

export type Line = Complete<
  Confd.Line,
  'name' | 'tenant_uuid' | 'protocol' | 'position' | 'caller_id_name' | 'caller_id_num' | 'is_webrtc' | 'extensions' | 'users' | 'endpoint_sip'
>;
export type EndpointSip = Complete<Confd.EndpointSip, 'tenant_uuid' | 'label' | 'auth_section_options' | 'endpoint_section_options'>;
export type ConfdVoicemail = Complete<Confd.Voicemail, 'tenant_uuid' | 'accesstype' | 'users' | 'email' | 'language'>;
export type Conference = Complete<Confd.Conference, 'tenant_uuid' | 'name' | 'extensions'>;
export type Switchboard = Complete<Confd.Switchboard, 'tenant_uuid' | 'members' | 'extensions'>;
export type Application = Complete<Confd.Application, 'tenant_uuid' | 'name' | 'destination' | 'destination_options'>;

// wazo-calld

/** One channel. `tenant_uuid` and `application_uuid` are simulator-side: the API shows neither. */
export type Call = Complete<
  Calld.Call,
  | 'conversation_id' | 'user_uuid' | 'status' | 'direction' | 'caller_id_name' | 'caller_id_number' | 'peer_caller_id_name'
  | 'peer_caller_id_number' | 'dialed_extension' | 'creation_time' | 'answer_time' | 'hangup_time' | 'talking_to' | 'bridges' | 'on_hold'
  | 'muted' | 'record_state' | 'is_caller' | 'is_video' | 'parked' | 'sip_call_id' | 'line_id'
> & { tenant_uuid: string };

export type ApplicationCall = Complete<
  Calld.ApplicationCall,
  'status' | 'caller_id_name' | 'caller_id_number' | 'creation_time' | 'is_caller' | 'on_hold' | 'muted' | 'node_uuid' | 'moh_uuid' | 'snoops' | 'variables'
>;
export type ApplicationNode = Calld.Node;
export type Snoop = Complete<Calld.Snoop, 'snooped_call_id' | 'snooping_call_id' | 'whisper_mode'>;
export type Playback = Complete<Calld.Playback, 'language' | 'state'>;
export type Transfer = Complete<Calld.Transfer, 'initiator_uuid' | 'initiator_tenant_uuid' | 'transferred_call' | 'initiator_call' | 'recipient_call'>;
export type Relocate = Complete<Calld.Relocate, 'initiator' | 'initiator_call' | 'relocated_call' | 'recipient_call' | 'completions' | 'timeout' | 'auto_answer'>;
export type Fax = Calld.Fax;
export type Participant = Complete<Calld.Participant, 'call_id' | 'caller_id_name' | 'caller_id_number' | 'user_uuid' | 'muted' | 'admin' | 'join_time' | 'language'>;
export type SwitchboardCall = Complete<Calld.SwitchboardCall, 'caller_id_name' | 'caller_id_number'>;

/** A voicemail message; its box and folder are ids into the store. */
export type VoicemailMessage = Complete<Calld.VoicemailMessageSummary, 'caller_id_name' | 'caller_id_num' | 'duration' | 'timestamp' | 'transcription'> & {
  voicemailId: number;
  folderId: number;
};

// wazo-dird

export type PersonalContact = Dird.PersonalContact;
export type Phonebook = Dird.Phonebook;
export type PhonebookContact = Dird.PhonebookContact;
export type Profile = Dird.Profile;
export type Source = Dird.Source;

// wazo-agentd

export type Agent = Complete<Agentd.AgentStatus, 'paused_reason' | 'extension' | 'context' | 'state_interface' | 'origin_uuid'> & {
  /** The user the agent belongs to (simulator-side). */
  userUuid: string | null;
};
/** A queue agents log in to. */
export type AgentQueue = Pick<Agentd.AgentQueueStatus, 'id' | 'name'> & { display_name: string; tenant_uuid: string };

// wazo-call-logd

/** `participants` (the users who took part) is simulator-side: the API filters on it. */
export type Cdr = Complete<
  CallLogd.Cdr,
  | 'conversation_id' | 'destination_extension' | 'destination_internal_context' | 'destination_internal_extension' | 'destination_line_id'
  | 'destination_name' | 'destination_user_uuid' | 'requested_name' | 'requested_context' | 'requested_extension'
  | 'requested_internal_context' | 'requested_internal_extension' | 'requested_user_uuid' | 'source_extension' | 'source_internal_context'
  | 'source_internal_extension' | 'source_internal_name' | 'source_line_id' | 'source_name' | 'source_user_uuid' | 'tags'
> & { participants: string[] };
export type CdrRecording = CallLogd.Recording;
/** `cdrIds` (the CDRs whose recordings the archive holds) is simulator-side. */
export type Export = CallLogd.Export & { cdrIds: number[] };

// wazo-chatd

export type Presence = Chatd.Presence;
export type Room = Chatd.Room;
export type ChatMessage = Chatd.Message;

// Hand-written: simulator-only state the API never shows.

/** A wazo-auth user's secrets and the authorizations its token's `metadata.jwt` carries. */
export interface AuthUserSecrets {
  password: string | null;
  authorizations: Authorization[];
}

/** An entitlement of the Wazo Portal, as the seed SDK reads it from the token's JWT. */
export interface Authorization {
  uuid: string;
  service: string | null;
  rules: { name: string; options: Record<string, unknown> }[];
}
