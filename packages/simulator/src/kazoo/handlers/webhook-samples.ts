import type { Json } from '../documents.js';

const ACCOUNT = '3be3c4b1c2a8e3f2d6f0a9b8c7d6e5f4';
const CALL = 'c4a1b0d2-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

/** Channel event fields every channel hook payload carries (`webhooks_channel_util:base_hook_event/3`). */
const channelBase: Json = {
  account_id: ACCOUNT,
  call_direction: 'inbound',
  call_id: CALL,
  callee_id_name: 'James Smith',
  callee_id_number: '1001',
  caller_id_name: 'SAN FRANCISCO CA',
  caller_id_number: '+16465550177',
  custom_channel_vars: {},
  emergency_resource_used: false,
  from: '+16465550177@demo.pbxkit.test',
  inception: 'offnet',
  is_internal_leg: false,
  local_resource_used: false,
  owner_id: '8d2ae9b1c0f34e6a9b7c5d3e1f2a4b6c',
  request: '+14155550100@demo.pbxkit.test',
  reseller_id: '9b68dfc6cd23364d7ff8fd9e5901c652',
  timestamp: 63941796000,
  to: '+14155550100@demo.pbxkit.test',
};

/** Example payloads per hook, as `GET /webhooks/samples/webhooks_<hook>` serves them (written for the simulator). */
export const WEBHOOK_SAMPLES: Record<string, Json[]> = {
  channel_create: [{ ...channelBase, hook_event: 'channel_create' }],
  channel_answer: [{ ...channelBase, hook_event: 'channel_answer' }],
  channel_bridge: [{ ...channelBase, hook_event: 'channel_bridge', original_number: '+14155550100', other_leg_destination_number: '1001' }],
  channel_destroy: [{ ...channelBase, hook_event: 'channel_destroy', hangup_cause: 'NORMAL_CLEARING', hangup_code: 'sip:200', duration_seconds: 518, ringing_seconds: 6, billing_seconds: 512 }],
  object: [{ id: '8d2ae9b1c0f34e6a9b7c5d3e1f2a4b6c', account_id: ACCOUNT, action: 'doc_edited', type: 'user' }],
  parking: [{ account_id: ACCOUNT, call_id: CALL, callee_id_name: 'Parking', callee_id_number: '*3101', caller_id_name: 'SAN FRANCISCO CA', caller_id_number: '+16465550177', event_name: 'PARK_PARKED', parking_slot: 101 }],
  notifications: [
    {
      account_id: ACCOUNT,
      app_name: 'kazoo_call',
      app_version: '4.3.142',
      event_category: 'notification',
      event_name: 'voicemail_new',
      msg_id: 'e3b0c44298fc1c149afbf4c8996fb924',
      node: 'kazoo_apps@kz1.sim.pbxkit.test',
      server_id: '',
      voicemail_box: '4f1c6a1fb4e37b0a6d85d1c3d29b8e77',
      voicemail_id: '202611-6a1f0c9e2d3b4a5c6d7e8f9a0b1c2d3e',
      voicemail_length: 17000,
      caller_id_number: '+16465550177',
      caller_id_name: 'SAN FRANCISCO CA',
    },
  ],
};
