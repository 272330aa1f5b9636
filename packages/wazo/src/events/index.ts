export { createWazoEvents } from './wazo-events.js';
export { WebsocketdAuthenticationError, WebsocketdProtocolError } from './errors.js';
export type { WazoEventsSession } from './options.js';
export type { WazoBusEvent, WazoEventBody, WazoEventListener, WazoEventName, WazoEvents, WazoEventsOptions } from './types.js';
