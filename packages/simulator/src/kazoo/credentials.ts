import { createHash } from 'node:crypto';

/** `user_auth`'s `method`: md5 (the default) or sha, which is SHA-1. */
export type CredentialsMethod = 'md5' | 'sha';

/** The hex hash a client sends as `credentials`: of `username:password`, the username lower-cased. */
export function credentialsHash(username: string, password: string, method: CredentialsMethod = 'md5'): string {
  return createHash(method === 'sha' ? 'sha1' : 'md5')
    .update(`${username.toLowerCase()}:${password}`)
    .digest('hex');
}

/** `kzd_accounts:normalize_name`: lower case, letters and digits only. */
export function normalizeAccountName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
