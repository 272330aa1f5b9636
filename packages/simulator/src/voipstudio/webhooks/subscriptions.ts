import { InvalidArgumentError, webhookEventNames, type VoipstudioWebhookEvents } from '@pbxkit/voipstudio';

export type VoipstudioWebhookEventName = keyof VoipstudioWebhookEvents;

/** A webhook as the dashboard sets one up: a URL and the events it gets (all of them when `events` is absent). */
export interface VoipstudioWebhookSubscription {
  url: string;
  events?: readonly VoipstudioWebhookEventName[];
}

/** A checked subscription: `events` undefined means every event. */
export interface Subscription {
  url: string;
  events?: ReadonlySet<string>;
}

const known = new Set<string>(webhookEventNames);

export function isEventName(name: unknown): name is VoipstudioWebhookEventName {
  return typeof name === 'string' && known.has(name);
}

/**
 * Checks a subscription. The real dashboard takes HTTPS URLs only; the simulator takes `http:` too, so that
 * tests can use plain local receivers.
 */
export function subscriptionOf(input: unknown, what = 'webhook'): Subscription {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError(`${what} must be an object {url, events?}`);
  const { url, events } = input as { url?: unknown; events?: unknown };
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new InvalidArgumentError(`${what}.url must be an http: or https: URL`);
  }
  if (events === undefined) return { url };
  if (!Array.isArray(events) || events.length === 0) throw new InvalidArgumentError(`${what}.events must be a non-empty array of event names`);
  const unknown = events.find((name) => !isEventName(name));
  if (unknown !== undefined) throw new InvalidArgumentError(`${what}.events: ${JSON.stringify(unknown)} is not one of ${webhookEventNames.join(', ')}`);
  return { url, events: new Set(events as string[]) };
}
