import { InvalidArgumentError } from '@pbxkit/core';
import { blackholeEventNames, type KazooBlackholeEvents } from '../generated/events.js';

/** An event family: a binding's first two segments (`call.CHANNEL_CREATE`, `object.doc_created`, `fax.status`). */
export type KazooEventFamily = keyof KazooBlackholeEvents;

/** The prefixes whose family segment may be `*` (`call.*.*`, `object.*.user`). */
const familyWildcards = ['call', 'object'] as const;

/** A family, or every family of a prefix that allows it (`call.*`). */
export type KazooEventFamilyPattern = KazooEventFamily | `${(typeof familyWildcards)[number]}.*`;

/**
 * A blackhole binding: a family (pattern) and its keys, e.g. `call.CHANNEL_CREATE.*`, `call.*.<call id>`,
 * `object.doc_edited.user`, `conference.event.<conference id>.*`, `presence.update.<presence id>`.
 */
export type KazooBinding = `${KazooEventFamilyPattern}.${string}`;

type FamiliesMatching<P extends string, S extends string> = S extends '*' ? Extract<KazooEventFamily, `${P}.${string}`> : Extract<KazooEventFamily, `${P}.${S}`>;

/** The families a binding or family (pattern) covers: `call.*.*` -> every `call.…` family. */
export type KazooFamiliesOf<K extends string> = K extends `${infer P}.${infer S}.${string}`
  ? FamiliesMatching<P, S>
  : K extends `${infer P}.${infer S}`
    ? FamiliesMatching<P, S>
    : never;

/** One event as blackhole delivers it to one subscription. */
export interface KazooEvent<F extends KazooEventFamily = KazooEventFamily> {
  /** The event's family, e.g. `call.CHANNEL_ANSWER` (also for a `call.*.*` subscription): narrows `data`. */
  family: F;
  /** The subscribed binding the event came through (`subscribed_key`), e.g. `call.*.*`. */
  binding: string;
  /** Blackhole's event name: `CHANNEL_ANSWER`, `doc_created`, ... */
  name: string;
  /** The AMQP routing key of the event. */
  routingKey: string;
  data: KazooBlackholeEvents[F];
}

/** What a listener of a binding or family gets: a union discriminated by `family`. */
export type KazooEventFor<K extends string> = { [F in KazooFamiliesOf<K>]: KazooEvent<F> }[KazooFamiliesOf<K>];

/** What `on()` takes: a binding (events of that subscription) or a family pattern (events of every subscription). */
export type KazooEventKey = KazooBinding | KazooEventFamilyPattern;

const families = new Set<string>(blackholeEventNames);
/** Segments of each family's bindings, where not 3 (`conference.event.{CONFERENCE_ID}.{CALL_ID}`). */
const segmentCounts: Partial<Record<KazooEventFamily, number>> = { 'conference.event': 4 };
const prefixes = [...new Set(blackholeEventNames.map((name) => name.split('.')[0]))];

const exampleOf = (family: string) => `${family}${'.*'.repeat((segmentCounts[family as KazooEventFamily] ?? 3) - 2)}`;

/**
 * Throws `InvalidArgumentError` unless `binding` has a known prefix and family and as many segments as the
 * family's bindings, none empty. Ids and object types are left to the server (it names what it refuses).
 */
export function assertBinding(binding: unknown): asserts binding is KazooBinding {
  if (typeof binding !== 'string') throw new InvalidArgumentError('a binding must be a string such as `call.CHANNEL_CREATE.*`');
  const segments = binding.split('.');
  const [prefix = '', family = ''] = segments;
  if (!prefixes.includes(prefix)) {
    throw new InvalidArgumentError(`\`${binding}\` is not a blackhole binding: it must start with one of ${prefixes.join(', ')}`);
  }
  const wildcard = family === '*' && (familyWildcards as readonly string[]).includes(prefix);
  if (!wildcard && !families.has(`${prefix}.${family}`)) {
    const known = blackholeEventNames.filter((name) => name.startsWith(`${prefix}.`));
    throw new InvalidArgumentError(`\`${binding}\` is not a blackhole binding: ${prefix} bindings are ${known.map(exampleOf).join(', ')}`);
  }
  const expected = wildcard ? 3 : (segmentCounts[`${prefix}.${family}` as KazooEventFamily] ?? 3);
  if (segments.length !== expected || segments.includes('')) {
    throw new InvalidArgumentError(`\`${binding}\` is not a blackhole binding: ${prefix}.${family} bindings have ${expected} non-empty segments, e.g. ${exampleOf(`${prefix}.${family}`)}`);
  }
}

/** Throws `InvalidArgumentError` unless `key` is a binding or a family pattern (`call.CHANNEL_CREATE`, `call.*`). */
export function assertEventKey(key: unknown): asserts key is KazooEventKey {
  if (typeof key === 'string' && key.split('.').length === 2) {
    const [prefix = '', family = ''] = key.split('.');
    if (families.has(key) || (family === '*' && (familyWildcards as readonly string[]).includes(prefix))) return;
    throw new InvalidArgumentError(`\`${key}\` is not an event family: use one of ${[...families, ...familyWildcards.map((p) => `${p}.*`)].join(', ')}, or a binding`);
  }
  assertBinding(key);
}

/** The family of a delivered event: the binding's own, or for a `*` family the event's name (`call.*.*` + `CHANNEL_ANSWER`). */
export function familyOfEvent(binding: string, name: string): string {
  const [prefix = '', family = ''] = binding.split('.');
  return `${prefix}.${family === '*' ? name : family}`;
}

/** Every family pattern an event of `family` reaches: itself and its prefix's wildcard (`call.*`). */
export const patternsOfFamily = (family: string): string[] => [family, `${family.split('.')[0]}.*`];
