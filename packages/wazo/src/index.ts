export { composeWazoClient, createWazoClient, type WazoClient, type WazoClientOf, type WazoSessionLayer } from './client.js';
export type { WazoClientOptions } from './options.js';
export type { WazoFetchOptions } from './fetch.js';
export { basicCredentials, type LogInInput, type SessionAuth } from './auth.js';
export { parseWazoTime, toSession, type Session } from './session.js';
export { compileAcl, type AccessCheck } from './acl.js';
export { AuthorizationRequiredError, parseWazoError, SubscriptionRequiredError } from './errors.js';
export type { WazoRequest, WazoRequestInit } from './request.js';
export {
  createWazoEvents,
  WebsocketdAuthenticationError,
  WebsocketdProtocolError,
  type WazoBusEvent,
  type WazoEventBody,
  type WazoEventListener,
  type WazoEventName,
  type WazoEvents,
  type WazoEventsOptions,
  type WazoEventsSession,
} from './events/index.js';
export * from './generated/index.js';
export * from '@pbxkit/core/public';
