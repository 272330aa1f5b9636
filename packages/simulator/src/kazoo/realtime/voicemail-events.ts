import type { Stored } from '../documents.js';
import type { Vmbox, VoicemailMessage } from '../records.js';
import type { SimEvent } from './kazoo-events.js';
import { notificationEvent } from './notification-events.js';

/** The `voicemail_new` notification of a message left in a box; none for a message filed elsewhere than `new`. */
export function voicemailNewEvents(box: Stored<Vmbox>, message: Stored<VoicemailMessage>): SimEvent[] {
  if (message.folder !== 'new') return [];
  return [
    notificationEvent(box.pvt_account_id, 'voicemail_new', {
      app_name: 'callflow',
      voicemail_box: box.id,
      voicemail_id: message.media_id,
      voicemail_timestamp: message.timestamp,
      voicemail_length: message.length,
      caller_id_number: message.caller_id_number,
      caller_id_name: message.caller_id_name,
      call_id: message.call_id,
      ...(box.owner_id ? { owner_id: box.owner_id } : {}),
    }),
  ];
}
