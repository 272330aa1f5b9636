import type {
  Agent,
  AgentQueue,
  Application,
  ApplicationCall,
  ApplicationNode,
  AuthUser,
  AuthUserSecrets,
  Call,
  Cdr,
  ChatMessage,
  ConfdUser,
  ConfdVoicemail,
  Conference,
  EndpointSip,
  Export,
  Fax,
  Group,
  Line,
  Participant,
  PersonalContact,
  Phonebook,
  PhonebookContact,
  Playback,
  Policy,
  Presence,
  Profile,
  Relocate,
  Room,
  Snoop,
  Source,
  Switchboard,
  SwitchboardCall,
  Tenant,
  Transfer,
  VoicemailMessage,
} from './records.js';

/** The simulator's whole state. `reset()` reseeds it in place, so references to it stay valid. */
export interface WazoStore {
  /** The stack's UUID (`xivo_uuid`, chatd's `wazo_uuid`). */
  stackUuid: string;
  tenants: Map<string, Tenant>;
  // wazo-auth
  authUsers: Map<string, AuthUser>;
  authSecrets: Map<string, AuthUserSecrets>;
  /** User → policies given to it directly. */
  userPolicies: Map<string, Set<string>>;
  groups: Map<string, Group>;
  groupMembers: Map<string, Set<string>>;
  groupPolicies: Map<string, Set<string>>;
  policies: Map<string, Policy>;
  // wazo-confd, by user UUID and by id
  confdUsers: Map<string, ConfdUser>;
  lines: Map<number, Line>;
  endpoints: Map<string, EndpointSip>;
  voicemails: Map<number, ConfdVoicemail>;
  conferences: Map<number, Conference>;
  switchboards: Map<string, Switchboard>;
  applications: Map<string, Application>;
  // wazo-calld
  calls: Map<string, Call>;
  /** The next Asterisk channel sequence number (`<epoch>.<sequence>` call ids). */
  channelSequence: number;
  voicemailMessages: Map<string, VoicemailMessage>;
  /** `<voicemail id>/<greeting>` → WAV bytes. */
  greetings: Map<string, Uint8Array>;
  transfers: Map<string, Transfer>;
  relocates: Map<string, Relocate>;
  faxes: Fax[];
  participants: Map<number, Participant[]>;
  switchboardCalls: Map<string, { queued: SwitchboardCall[]; held: SwitchboardCall[] }>;
  applicationCalls: Map<string, ApplicationCall[]>;
  applicationNodes: Map<string, ApplicationNode[]>;
  snoops: Map<string, Snoop[]>;
  playbacks: Map<string, Playback[]>;
  // wazo-dird
  profiles: Profile[];
  sources: Source[];
  /** User → personal contacts. */
  personalContacts: Map<string, PersonalContact[]>;
  phonebooks: Map<string, Phonebook>;
  phonebookContacts: Map<string, PhonebookContact[]>;
  /** User → `<source>/<contact id>` of its favorites. */
  favorites: Map<string, Set<string>>;
  // wazo-agentd
  agents: Map<number, Agent>;
  queues: Map<number, AgentQueue>;
  // wazo-call-logd, oldest first
  cdrs: Cdr[];
  exports: Map<string, Export>;
  // wazo-chatd
  presences: Map<string, Presence>;
  rooms: Map<string, Room>;
  messages: ChatMessage[];
}
