export { createWazoSimulator, type WazoFixtures, type WazoSimulator, type WazoSimulatorOptions } from './simulator.js';
export { compileAcl, requiredAccess, type AclSubject, type CompiledAcl } from './acl.js';
export { DAEMONS as wazoDaemons, type Daemon as WazoDaemon, type DaemonName as WazoDaemonName } from './daemons.js';
export { USER_ACL as wazoUserAcl, ADMIN_ACL as wazoAdminAcl } from './policies.js';
export type { WazoCaller } from './verifier.js';
export type { AccessToken as WazoAccessToken, RefreshToken as WazoRefreshToken, Tokens as WazoTokens } from './tokens.js';
export type { WazoStore } from './store.js';
/** Record types of the store, e.g. `WazoRecords.Cdr`. */
export type * as WazoRecords from './records.js';
export type {
  PublishOptions as WazoPublishOptions,
  WebsocketdControl as WazoWebsocketdControl,
  WebsocketdEventData as WazoWebsocketdEventData,
  WebsocketdSubscription as WazoWebsocketdSubscription,
} from './websocketd/websocketd.js';
export type { BusMessage as WazoBusMessage } from './websocketd/bus.js';
