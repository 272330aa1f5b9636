import type { Random } from '../../framework/random.js';

/**
 * E.164 numbers (without `+`) from ranges set aside for drama and documentation, so that no seeded
 * number rings a real phone: Ofcom's 020 7946 0xxx, 0161 496 0xxx and 07700 900xxx, and the
 * North American 555-01xx block.
 */
export function externalNumber(random: Random): string {
  switch (random.int(0, 3)) {
    case 0:
      return `442079460${String(random.int(200, 999)).padStart(3, '0')}`;
    case 1:
      return `441614960${String(random.int(0, 999)).padStart(3, '0')}`;
    case 2:
      return `447700900${String(random.int(200, 999)).padStart(3, '0')}`;
    default:
      return `1${random.pick(['212', '312', '415', '617'])}55501${String(random.int(0, 99)).padStart(2, '0')}`;
  }
}

/** A rough destination name and per-minute rate for a number, as the live call and CDR records carry. */
export function destinationOf(e164: string): { name: string; rate: number } {
  if (e164.startsWith('447')) return { name: 'United Kingdom Mobile', rate: 0.035 };
  if (e164.startsWith('44')) return { name: 'United Kingdom', rate: 0.012 };
  if (e164.startsWith('1')) return { name: 'United States', rate: 0.01 };
  return { name: 'International', rate: 0.08 };
}

export function callerId(number: string, name?: string | null): string {
  const display = name ?? `+${number}`;
  return /^\d{6,}$/.test(number) ? `"${display}" <+${number}>` : `"${display}" <${number}>`;
}
