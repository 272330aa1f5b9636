export type {
  KazooBinding,
  KazooEvent,
  KazooEventFamily,
  KazooEventFamilyPattern,
  KazooEventFor,
  KazooEventKey,
  KazooFamiliesOf,
} from './bindings.js';
export { BlackholeError } from './errors.js';
export { createKazooEvents, type KazooEvents, type KazooSubscription } from './events-client.js';
export type { KazooEventsOptions } from './options.js';
