import { callView } from '../calls.js';
import type { Call } from '../records.js';
import type { Deps } from './common.js';

/** wazo-calld's events that carry the whole channel. */
type CallEventName = 'call_created' | 'call_updated' | 'call_answered' | 'call_ended';

/** Publishes a calld event for each leg that belongs to a user (trunk legs have no one to tell). */
export function emitCallEvent(deps: Deps, name: CallEventName, legs: readonly Call[]): void {
  for (const leg of legs) {
    if (leg.user_uuid !== null) deps.emit(name, callView(leg), { tenantUuid: leg.tenant_uuid, userUuid: leg.user_uuid });
  }
}

/** `call_held` and `call_resumed` name the channel only. */
export function emitHoldEvent(deps: Deps, name: 'call_held' | 'call_resumed', leg: Call): void {
  if (leg.user_uuid !== null) deps.emit(name, { call_id: leg.call_id, user_uuid: leg.user_uuid }, { tenantUuid: leg.tenant_uuid, userUuid: leg.user_uuid });
}
