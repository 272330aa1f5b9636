import type { Docs } from './docs.js';
import type { Json } from './documents.js';
import type {
  Account,
  AccountPrivate,
  Attachment,
  Callflow,
  Cdr,
  Channel,
  Conference,
  Device,
  Fax,
  Faxbox,
  FaxJob,
  InspectedCall,
  Media,
  Participant,
  PhoneNumber,
  Recording,
  Registration,
  SmtpLog,
  User,
  UserPrivate,
  Vmbox,
  VoicemailMessage,
  Webhook,
  WebhookAttempt,
  WebsocketSession,
} from './records.js';

/** The simulator's whole state. `reset()` reseeds it in place, so references to it stay valid. */
export interface KazooStore {
  /** Each account document is its own account (`pvt_account_id` = `id`). */
  accounts: Docs<Account & AccountPrivate>;
  users: Docs<User & UserPrivate>;
  devices: Docs<Device>;
  callflows: Docs<Callflow>;
  vmboxes: Docs<Vmbox>;
  voicemailMessages: Docs<VoicemailMessage>;
  media: Docs<Media>;
  faxes: Docs<Fax>;
  faxJobs: Docs<FaxJob>;
  faxboxes: Docs<Faxbox>;
  smtpLogs: Docs<SmtpLog>;
  recordings: Docs<Recording>;
  cdrs: Docs<Cdr>;
  webhooks: Docs<Webhook>;
  webhookAttempts: Docs<WebhookAttempt>;
  channels: Docs<Channel>;
  conferences: Docs<Conference>;
  /** Live participants by conference id. */
  participants: Map<string, Participant[]>;
  /** Numbers by E.164 id (`+14155550100`); `pvt_account_id` is the owner. */
  phoneNumbers: Docs<PhoneNumber>;
  registrations: Registration[];
  websockets: WebsocketSession[];
  inspectedCalls: Map<string, InspectedCall>;
  /** Account metaflows and token restrictions, by account id. */
  metaflows: Map<string, Json>;
  tokenRestrictions: Map<string, Json>;
  /** Bytes behind documents, by `<kind>:<id>` (see `attachmentKey`). */
  attachments: Map<string, Attachment>;
  /** Password recovery ids (as sent by email) → the user they reset. */
  passwordResets: Map<string, { accountId: string; userId: string }>;
}

export type AttachmentKind = 'media' | 'photo' | 'voicemail' | 'fax' | 'recording';

export const attachmentKey = (kind: AttachmentKind, id: string): string => `${kind}:${id}`;
