import type { Random } from '../../framework/random.js';

/**
 * E.164 numbers from the North American 555-0100..0199 block, set aside for fiction, so that no seeded
 * number rings a real phone.
 */
export function externalNumber(random: Random): string {
  return `+1${random.pick(['212', '312', '617', '646', '718', '206'])}55501${String(random.int(50, 99)).padStart(2, '0')}`;
}

/** The account's own numbers (DIDs): `+1 <area> 555 01<first + i>`. */
export function didNumber(area: string, index: number): string {
  return `+1${area}55501${String(index).padStart(2, '0')}`;
}
