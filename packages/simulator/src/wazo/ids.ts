import type { Random } from '../framework/random.js';

/** A version-4 UUID: from the seeded generator while seeding, else from the platform. */
export function uuid(random?: Random): string {
  if (!random) return crypto.randomUUID();
  const hex = random.string(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[random.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

