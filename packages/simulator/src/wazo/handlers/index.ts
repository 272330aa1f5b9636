import type { DaemonName } from '../daemons.js';
import { agentdHandlers } from './agentd.js';
import { authAdminHandlers } from './auth-admin.js';
import { authTokenHandlers } from './auth-tokens.js';
import { calldApplicationHandlers } from './calld-applications.js';
import { calldCallHandlers } from './calld-calls.js';
import { calldFeatureHandlers } from './calld-features.js';
import { calldTransferHandlers } from './calld-transfers.js';
import { calldVoicemailHandlers } from './calld-voicemails.js';
import { callLogdHandlers } from './call-logd.js';
import { chatdHandlers } from './chatd.js';
import type { Deps, WazoHandlers } from './common.js';
import { confdHandlers } from './confd.js';
import { dirdHandlers } from './dird.js';

/** Every daemon's handlers, by operationId. */
export function daemonHandlers(deps: Deps): Record<DaemonName, WazoHandlers> {
  return {
    auth: { ...authTokenHandlers(deps), ...authAdminHandlers(deps) },
    calld: {
      ...calldCallHandlers(deps),
      ...calldTransferHandlers(deps),
      ...calldFeatureHandlers(deps),
      ...calldVoicemailHandlers(deps),
      ...calldApplicationHandlers(deps),
    },
    confd: confdHandlers(deps),
    dird: dirdHandlers(deps),
    agentd: agentdHandlers(deps),
    callLogd: callLogdHandlers(deps),
    chatd: chatdHandlers(deps),
  };
}
