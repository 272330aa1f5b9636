/** The hash Kazoo's `PUT /user_auth` checks: of the lower-cased user name, a colon, and the password. */
export type CredentialsMethod = 'md5' | 'sha';

/**
 * Kazoo's user credentials: the hex md5 (default) or SHA-1 (`sha`) of `"<username lower-cased>:<password>"`.
 * Works in browsers too (Web Crypto has no md5); the hash library loads on first use.
 */
export async function hashCredentials(username: string, password: string, method: CredentialsMethod = 'md5'): Promise<string> {
  const { md5, sha1 } = await import('@noble/hashes/legacy.js');
  const { bytesToHex, utf8ToBytes } = await import('@noble/hashes/utils.js');
  return bytesToHex((method === 'sha' ? sha1 : md5)(utf8ToBytes(`${username.toLowerCase()}:${password}`)));
}
