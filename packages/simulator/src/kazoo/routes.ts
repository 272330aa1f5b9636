import type { Handler } from '../framework/app.js';
import type { Contract } from '../framework/contract.js';
import { accountConfigRoutes } from './handlers/account-config.js';
import { accountRoutes } from './handlers/accounts.js';
import { authRoutes } from './handlers/auth.js';
import { callflowRoutes } from './handlers/callflows.js';
import { cdrRoutes } from './handlers/cdrs.js';
import { channelRoutes } from './handlers/channels.js';
import type { Caller, Deps, Routes } from './handlers/common.js';
import { conferenceRoutes } from './handlers/conferences.js';
import { deviceRoutes } from './handlers/devices.js';
import { faxRoutes } from './handlers/faxes.js';
import { mediaRoutes } from './handlers/media.js';
import { phoneNumberRoutes } from './handlers/phone-numbers.js';
import { recordingRoutes } from './handlers/recordings.js';
import { registrationRoutes } from './handlers/registrations.js';
import { userRoutes } from './handlers/users.js';
import { vmboxRoutes } from './handlers/vmboxes.js';
import { webhookRoutes } from './handlers/webhooks.js';
import { websocketRoutes } from './handlers/websockets.js';

/** Every handler, by `METHOD /path/template`. */
export function kazooRoutes(deps: Deps): Routes {
  return {
    ...authRoutes(deps),
    ...accountRoutes(deps),
    ...accountConfigRoutes(deps),
    ...userRoutes(deps),
    ...deviceRoutes(deps),
    ...callflowRoutes(deps),
    ...cdrRoutes(deps),
    ...recordingRoutes(deps),
    ...vmboxRoutes(deps),
    ...mediaRoutes(deps),
    ...faxRoutes(deps),
    ...webhookRoutes(deps),
    ...websocketRoutes(deps),
    ...channelRoutes(deps),
    ...conferenceRoutes(deps),
    ...registrationRoutes(deps),
    ...phoneNumberRoutes(deps),
  };
}

/**
 * Handlers by operationId, matched on method and path template so the simulator does not depend on how the
 * spec names its operations. Operations without a route answer 501 (and are recorded as violations).
 */
export function bindRoutes(contract: Contract, routes: Routes): Record<string, Handler<Caller>> {
  const bound: Record<string, Handler<Caller>> = {};
  for (const operation of contract.operations) {
    const handler = routes[`${operation.method} ${operation.path}`];
    if (handler) bound[operation.operationId] = handler;
  }
  return bound;
}
