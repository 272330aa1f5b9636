/** A random lowercase hex string (session tokens, API tokens, nonces): unpredictable, unlike the seeded data. */
export function randomHex(length = 32): string {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(length / 2)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, length);
}
