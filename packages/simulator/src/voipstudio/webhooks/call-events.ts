import { createHash } from 'node:crypto';
import type { components } from '@pbxkit/voipstudio';
import { formatDateTime, unixSeconds } from '../datetime.js';
import type { Cdr, LiveCall } from '../records.js';

/** The fields of a call event after `id`, `event_time` and `event_name`, which the sender adds. */
export type CallEventFields = Omit<components['schemas']['CallEvent'], 'id' | 'event_time' | 'event_name'>;

/** A live call as the call events show it, `duration` counted from its start to `nowMs`. */
export function callEventFields(call: LiveCall, state: string, nowMs: number): CallEventFields {
  const src = call.src ?? '';
  return {
    call_id: call.id,
    state,
    connected_at: call.connected_at === null ? null : formatDateTime(call.connected_at * 1000),
    start_time: formatDateTime(call.start_time * 1000),
    context: call.context ?? 'LOCAL_USER',
    destination: call.destination ?? 'out',
    duration: Math.max(0, unixSeconds(nowMs) - call.start_time),
    src,
    src_id: call.src_id ?? '0',
    src_name: call.src_name ?? call.clid ?? src,
    src_hash: createHash('sha1').update(src).digest('hex'),
    dst: call.dst ?? '',
    dst_id: call.dst_id ?? '0',
    dst_name: call.dst_name ?? '',
  };
}

/**
 * A call that ended, as its CDR records it (`duration`, `t_cause`). The API user hangs up: the caller of an
 * outbound call, the called user of an inbound one.
 */
export function endedCallFields(call: LiveCall, cdr: Cdr, state: 'HANGUP' | 'MISSED', nowMs: number): CallEventFields {
  return {
    ...callEventFields(call, state, nowMs),
    duration: cdr.duration ?? 0,
    t_cause: cdr.t_cause ?? '',
    terminated_by: call.destination === 'in' ? 'callee' : 'caller',
  };
}
