import type { Stored } from '../documents.js';
import type { FaxJob } from '../records.js';
import type { SimEvent } from './kazoo-events.js';
import { notificationEvent } from './notification-events.js';

/** What `fax_worker` reports while it sends a one-page fax: the state, and how many pages are through. */
const SENDING_STAGES = [
  ['processing', 0],
  ['sending', 0],
  ['completed', 1],
] as const;

/**
 * The transmission of an outgoing fax job: its progress on blackhole (`fax.status.<job id>`, the `kapi_fax`
 * status message), then the `outbound_fax` notification of a fax that went through. The simulator sends
 * every fax at once, as one page; the stored job stays as it was queued (as a quickcall's channel row does).
 */
export function outgoingFaxEvents(job: Stored<FaxJob>, timestamp: number): SimEvent[] {
  const accountId = job.pvt_account_id;
  const faxbox = job.faxbox_id ? { faxbox_id: job.faxbox_id } : {};
  const progress: SimEvent[] = SENDING_STAGES.map(([status, sent]) => ({
    publication: {
      accountId,
      binding: `fax.status.${job.id}`,
      name: 'status',
      data: { job_id: job.id, account_id: accountId, status, direction: 'outgoing', ...faxbox, fax_info: { fax_transferred_pages: sent, fax_total_pages: 1 }, event_category: 'fax', event_name: 'status' },
    },
  }));
  const sent = notificationEvent(accountId, 'outbound_fax', {
    app_name: 'fax',
    fax_id: job.id,
    fax_jobid: job.id,
    ...faxbox,
    caller_id_number: job.from_number,
    callee_id_number: job.to_number,
    fax_timestamp: timestamp,
    fax_info: { fax_success: true, fax_transferred_pages: 1, fax_total_pages: 1 },
  });
  return [...progress, sent];
}
