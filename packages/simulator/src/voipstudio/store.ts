import type {
  ApiToken,
  CallMeBackSettings,
  CallTrackingVisit,
  Cdr,
  Chat,
  ChatMessage,
  Contact,
  Conversation,
  Ddi,
  Fax,
  LiveCall,
  Queue,
  QueueGroup,
  Recording,
  Sms,
  Transaction,
  User,
  UserSecrets,
  Voicemail,
} from './records.js';
import type { Table } from '../framework/table.js';

export interface Account {
  customerId: number;
  sipDomain: string;
  /** `POST /calls` with `caller_id` answers 400 "No CLI prefix set" while this is null. */
  cliPrefix: string | null;
  /** Set by `DELETE /customers/{id}`: every credential stops working until a reset. */
  deleted: boolean;
}

/** The simulator's whole state. `reset()` reseeds it in place, so references to it stay valid. */
export interface VoipstudioStore {
  account: Account;
  users: Table<User>;
  userSecrets: Map<number, UserSecrets>;
  apiTokens: Map<string, ApiToken>;
  liveCalls: Table<LiveCall>;
  cdrs: Table<Cdr>;
  recordings: Table<Recording>;
  voicemails: Table<Voicemail>;
  chats: Table<Chat>;
  chatMessages: Table<ChatMessage>;
  conversations: Table<Conversation>;
  sms: Table<Sms>;
  faxes: Table<Fax>;
  queueGroups: Table<QueueGroup>;
  contacts: Table<Contact>;
  queues: Table<Queue>;
  /** Whether each member is logged in to each queue: queue id → user id → status. */
  queueAgents: Map<number, Map<number, boolean>>;
  ddis: Table<Ddi>;
  callMeBack: Table<CallMeBackSettings>;
  callTracking: Table<CallTrackingVisit>;
  transactions: Table<Transaction>;
  /** Password reset tokens (as sent by the recovery email) → user id. */
  passwordResets: Map<string, number>;
  /** Recent `POST /webcalls` times (ms) per `from` number, for the per-minute anti-fraud limit. */
  webcallTimes: Map<string, number[]>;
}
