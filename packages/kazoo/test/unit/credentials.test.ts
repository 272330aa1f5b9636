import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashCredentials } from '../../src/index.js';

const reference = (algorithm: 'md5' | 'sha1', text: string) => createHash(algorithm).update(text, 'utf8').digest('hex');

describe('user credentials', () => {
  it('are the md5 of the lower-cased user name, a colon and the password', async () => {
    await expect(hashCredentials('JSmith', 'demo-password')).resolves.toBe(reference('md5', 'jsmith:demo-password'));
  });

  it("are SHA-1 with method 'sha'", async () => {
    await expect(hashCredentials('jsmith', 'demo-password', 'sha')).resolves.toBe(reference('sha1', 'jsmith:demo-password'));
  });

  it('hash non-ASCII passwords as UTF-8 and keep their case', async () => {
    await expect(hashCredentials('Zoë', 'Pässwörd')).resolves.toBe(reference('md5', 'zoë:Pässwörd'));
  });
});
