import { describe, expect, it } from 'vitest';
import { compileAcl, requiredAccess, wazoUserAcl, type OperationContract } from '../../src/index.js';

const subject = { userUuid: '5d0c3a8e-2a41-4c6e-9f3b-8e1d2c7a9b01', sessionUuid: '3f9e8d7c-6b5a-4e3d-8c2b-1a0f9e8d7c6b' };
const grants = (acl: string[], required: string) => compileAcl(acl, subject).grants(required);

describe('Wazo ACL matching', () => {
  it('matches an access exactly, segment by segment', () => {
    expect(grants(['confd.users.me.read'], 'confd.users.me.read')).toBe(true);
    expect(grants(['confd.users.me.read'], 'confd.users.me.update')).toBe(false);
    expect(grants(['confd.users.read'], 'confd.users.read.extra')).toBe(false);
    expect(grants(['confd.users'], 'confd.usersX')).toBe(false);
  });

  it('reads * as one segment (or part of one) and # as anything', () => {
    expect(grants(['calld.users.*.calls.read'], 'calld.users.abc.calls.read')).toBe(true);
    expect(grants(['calld.users.*.calls.read'], 'calld.users.a.b.calls.read')).toBe(false);
    expect(grants(['calld.users.*'], 'calld.users.me.calls')).toBe(false);
    expect(grants(['dird.phone*.read'], 'dird.phonebooks.read')).toBe(true);
    expect(grants(['calld.#'], 'calld.users.me.calls.42.hold.start.update')).toBe(true);
    expect(grants(['calld.#'], 'confd.users.read')).toBe(false);
    expect(grants(['#'], 'anything.at.all')).toBe(true);
    expect(grants(['calld.#.read'], 'calld.users.me.calls.read')).toBe(true);
    expect(grants(['calld.#.read'], 'calld.users.me.calls.create')).toBe(false);
  });

  it('takes the segment me for the token user, literally or by UUID, and my_session for its session', () => {
    expect(grants(['confd.users.me.read'], `confd.users.${subject.userUuid}.read`)).toBe(true);
    expect(grants(['confd.users.me.read'], 'confd.users.8a3f6db1-5d74-4f91-8c6e-b14a5fad2e34.read')).toBe(false);
    expect(grants(['auth.users.me.#'], `auth.users.${subject.userUuid}.sessions.read`)).toBe(true);
    expect(grants(['auth.sessions.my_session.delete'], `auth.sessions.${subject.sessionUuid}.delete`)).toBe(true);
    expect(grants(['auth.sessions.my_session.delete'], 'auth.sessions.other.delete')).toBe(false);
    expect(grants(['confd.users.name.read'], 'confd.users.na.read')).toBe(false);
  });

  it('lets a negation (!) win over every grant', () => {
    const acl = [...wazoUserAcl, '!call-logd.#'];
    expect(grants(acl, 'call-logd.users.me.cdr.read')).toBe(false);
    expect(grants(acl, 'calld.users.me.calls.read')).toBe(true);
    expect(grants(['#', '!auth.tenants.*.delete'], 'auth.tenants.abc.delete')).toBe(false);
    expect(grants(['#', '!auth.tenants.*.delete'], 'auth.tenants.abc.read')).toBe(true);
    expect(grants(['!calld.#'], 'calld.users.me.calls.read')).toBe(false);
  });

  it('escapes regular-expression characters of an access', () => {
    expect(grants(['a+b.c'], 'a+b.c')).toBe(true);
    expect(grants(['a+b.c'], 'aab.c')).toBe(false);
    expect(grants(['agentd.agents.by-id.1.read'], 'agentd.agents.by-id.1.read')).toBe(true);
  });

  it('gives no access with an empty ACL', () => {
    expect(grants([], 'websocketd')).toBe(false);
  });
});

describe('required access of an operation', () => {
  const operation = (description: string) => ({ object: { description } }) as unknown as OperationContract;

  it('reads the ACL from the description and fills in the path parameters', () => {
    const op = operation('Does things.\n\nRequired ACL: `calld.users.me.calls.{call_id}.hold.start.update`');
    expect(requiredAccess(op, { call_id: '1712345678.42' })).toBe('calld.users.me.calls.1712345678.42.hold.start.update');
  });

  it('reads an ACL split across lines and knows operations that require none', () => {
    expect(requiredAccess(operation('One CDR. Required ACL:\n`call-logd.cdr.{cdr_id}.read`.'), { cdr_id: '7' })).toBe('call-logd.cdr.7.read');
    expect(requiredAccess(operation('Required\nACL: `call-logd.exports.{export_uuid}.read`.'), { export_uuid: 'x' })).toBe('call-logd.exports.x.read');
    expect(requiredAccess(operation('Required ACL: none.'), {})).toBeUndefined();
  });
});
