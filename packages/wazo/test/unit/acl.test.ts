import { describe, expect, it } from 'vitest';
import { compileAcl } from '../../src/index.js';

const USER = '5d0c3a8e-2a41-4c6e-9f3b-8e1d2c7a9b01';
const SESSION = '3f9e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6b';

describe('Wazo ACL matching', () => {
  it.each([
    // [acl, access, granted]
    [['confd.users.read'], 'confd.users.read', true],
    [['confd.users.read'], 'confd.users.update', false],
    [['confd.users.read'], 'confd.users.read.more', false],
    [['confd.users.*.read'], 'confd.users.42.read', true],
    [['confd.users.*.read'], 'confd.users.42.lines.read', false],
    [['confd.users.*'], 'confd.users.', true],
    [['confd.*.read'], 'confd.users.read', true],
    [['confd.users.4*.read'], 'confd.users.42.read', true],
    [['confd.users.4*.read'], 'confd.users.52.read', false],
    [['confd.#'], 'confd.users.42.lines.read', true],
    [['confd.users.#'], 'confd.users', false],
    [['confd.users.#.read'], 'confd.users.42.lines.read', true],
    [['confd.users.#.read'], 'confd.users.42.lines.update', false],
    [['#'], 'anything.at.all', true],
    [['calld.users.me.#'], 'calld.users.me.calls.read', true],
    [['calld.users.me.#'], `calld.users.${USER}.calls.read`, true],
    [['calld.users.me.#'], 'calld.users.6e1d4b9f-3b52-4d7f-8a4c-9f2e3d8b0c12.calls.read', false],
    [['calld.users.me'], `calld.users.${USER}`, true],
    [['me.users.read'], `${USER}.users.read`, false],
    [['calld.users.meeting.read'], `calld.users.${USER}ting.read`, false],
    [['auth.users.me.sessions.my_session.delete'], `auth.users.${USER}.sessions.${SESSION}.delete`, true],
    [['auth.users.me.sessions.my_session.delete'], 'auth.users.me.sessions.other.delete', false],
    [['confd.#', '!confd.users.#'], 'confd.lines.read', true],
    [['confd.#', '!confd.users.#'], 'confd.users.42.read', false],
    [['!confd.users.#', 'confd.#'], 'confd.users.42.read', false],
    [['!confd.users.#'], 'confd.lines.read', false],
    [['call-logd.cdr.read'], 'call-logd.cdr.read', true],
    [['call-logd.cdr.read'], 'call-logdXcdr.read', false],
    [['a.(b|c).d'], 'a.b.d', false],
    [[], 'confd.users.read', false],
  ])('%j grants %s: %s', (acl, access, granted) => {
    expect(compileAcl(acl, { userUuid: USER, sessionUuid: SESSION })(access)).toBe(granted);
  });

  it('without a subject, `me` matches only itself', () => {
    const check = compileAcl(['calld.users.me.#']);
    expect(check('calld.users.me.calls.read')).toBe(true);
    expect(check(`calld.users.${USER}.calls.read`)).toBe(false);
  });
});
