/** Records as the API answers them (the contract's schemas), plus the simulator-only state kept beside them. */

export interface User {
  id: number;
  ext: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  active: boolean;
  dnd: boolean;
  /** 0 means no SIP device can be registered: `POST /calls` from this user answers 412. */
  nb_sip_locations: number;
  cli: string | null;
}

/** What the API never shows. */
export interface UserSecrets {
  password: string;
  twoFactor: boolean;
  sipPassword: string;
}

export interface ApiToken {
  user_id: number;
  token: string;
  customer_id: number;
  name: string;
  host: string | null;
  user_agent: string | null;
  expiry: number;
  last_request_at: string | null;
  created_at: string;
}

export interface LiveCall {
  id: number;
  state: string;
  clid: string | null;
  context: string | null;
  destination: string | null;
  start_time: number;
  connected_at: number | null;
  duration: number;
  min_charge: number | null;
  parent_id: number | null;
  referred_by: string | null;
  src: string | null;
  src_id: string | null;
  src_name: string | null;
  src_ua: string | null;
  src_codec: string | null;
  dst: string | null;
  dst_id: string | null;
  dst_name: string | null;
  dst_ua: string | null;
  dst_codec: string | null;
  dst_rate: number | null;
}

export interface Cdr {
  id: number;
  call_id: number;
  live_id: number;
  is_root: boolean;
  root_live_id: number;
  parent_live_id: number | null;
  nb_children: number;
  user_id: number | null;
  sip_endpoint_id: number | null;
  server_id: number;
  type: 'O' | 'I' | 'M';
  calldate: string;
  clid: string;
  src_id: string;
  src_name: string | null;
  src: string;
  src_ua: string | null;
  src_codec: string | null;
  dst_id: string;
  dst: string;
  dst_name: string | null;
  dst_ua: string | null;
  dst_codec: string | null;
  duration: number;
  billsec: number;
  disposition: string;
  destination: string;
  context: string;
  rate: number;
  charge: number;
  t_cause: string;
  info: string | null;
  labels: string[];
  metadata: Record<string, unknown> | null;
  nb_notes: number;
}

export interface Recording {
  id: number;
  call_id: number;
  live_id: number;
  user_id: number | null;
  sip_endpoint_id: number | null;
  type: string;
  timestamp: string;
  caller: string;
  called: string;
  src_id: string;
  src: string;
  src_name: string | null;
  dst_id: string;
  dst: string;
  dst_name: string | null;
  context: string;
  duration: number;
  size: number;
  transcript: string | null;
  transcript_speakers: unknown[] | null;
  summary: string | null;
  sentiment: string | null;
  cx_score: number | null;
  metadata: Record<string, unknown> | null;
}

export interface Voicemail {
  id: number;
  live_id: number;
  parent_live_id: number | null;
  extension_id: number;
  caller: string;
  callerid: string;
  dialled: string;
  origtime: string;
  duration: number;
  folder: string;
  is_new: boolean;
  transcript: string | null;
}

export interface Chat {
  id: number;
  created_at: string;
  customer_id: number;
  website_id: number;
  operator_id: number | null;
  operator_ua: string | null;
  state: number;
  duration: number;
  visitor_id: number;
  visitor_name: string | null;
  visitor_email: string | null;
  visitor_ip: string;
  visitor_city: string | null;
  visitor_country: string | null;
  visitor_geo: string | null;
  visitor_referer: string | null;
  visitor_ua: string;
}

/** Chat messages have no read endpoint; they exist so that the delete operations have something to delete. */
export interface ChatMessage {
  id: number;
  chat_id: number;
  created_at: string;
  author: 'visitor' | 'operator';
  message: string;
}

export interface Conversation {
  id: number;
  created_at: string;
  channel: 'call' | 'sms';
  src: string;
  dst: string;
  duration: number;
  type: 'I' | 'O';
}

export interface Sms {
  id: number;
  created_at: string;
  user_id: number | null;
  from: string;
  to: string;
  message: string;
  type: 'I' | 'O';
  result: string;
}

export interface Fax {
  id: number;
  created_at: string;
  from: string;
  to: string;
  pages: number;
  status: string;
  type: 'I' | 'O';
  filename: string;
}

export interface QueueGroup {
  id: number;
  name: string;
}

export interface Contact {
  id: number;
  created_at: string;
  user_id: number | null;
  first_name: string | null;
  last_name: string | null;
  group_name: string | null;
  global: boolean;
  internal: boolean;
  rel_user_id: number | null;
  [field: string]: unknown;
}

export interface Queue {
  id: number;
  name: string;
  number: number;
  users: number[];
  ring_strategy: string;
  ring_time: number;
  skip_busy: boolean;
}

export interface Ddi {
  id: number;
  e164: string;
  sms: { enabled: boolean };
  sms_enabled: boolean;
  label: string;
}

export interface CallMeBackSettings {
  id: number;
  name: string;
  ddi_e164: string | null;
  max_call_rate: number | null;
}

export interface CallTrackingVisit {
  id: number;
  calldate: string;
  call_id: number;
  live_id: number;
  parent_live_id: number | null;
  root_live_id: number;
  is_root: boolean;
  user_id: number | null;
  sip_endpoint_id: number | null;
  server_id: number;
  src: string;
  dst: string;
  duration: number;
  billsec: number;
  rate: number;
  charge: number;
  campaign: string;
  source: string;
  landing_page: string;
}

export interface Transaction {
  id: number;
  created_at: string;
  amount: number;
  currency_iso: string;
  type: string;
  result: 'COMPLETED' | 'PENDING';
}
