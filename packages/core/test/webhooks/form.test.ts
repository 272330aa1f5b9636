import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_FIELDS, parseBracketedForm, WebhookRequestError } from '../../src/index.js';

const refused = (text: string) => {
  try {
    parseBracketedForm(text);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookRequestError);
    return error as WebhookRequestError;
  }
  throw new Error(`parsed ${text}`);
};

describe('parseBracketedForm', () => {
  it('decodes flat pairs with legacy + spaces and percent-encoding', () => {
    expect(parseBracketedForm('caller_id_name=Jane+Doe&to=%2B14155550100%40example.com&note=a%26b%3Dc&empty=&bare')).toEqual({
      caller_id_name: 'Jane Doe',
      to: '+14155550100@example.com',
      note: 'a&b=c',
      empty: '',
      bare: '',
    });
  });

  it('nests key[sub]=v into objects, also when the brackets are percent-encoded', () => {
    expect(parseBracketedForm('custom_channel_vars[owner_id]=u1&custom_channel_vars%5Bauthorizing_type%5D=device&a[b][c]=deep')).toEqual({
      custom_channel_vars: { owner_id: 'u1', authorizing_type: 'device' },
      a: { b: { c: 'deep' } },
    });
  });

  it('collects key[]=v into arrays, keeping order, and key[][name] into arrays of objects', () => {
    expect(parseBracketedForm('tags[]=x&tags[]=y&tags[]=x&rows[][id]=1&rows[][n]=a&rows[][id]=2&nested[][]=1&nested[][]=2')).toEqual({
      tags: ['x', 'y', 'x'],
      rows: [{ id: '1', n: 'a' }, { id: '2' }],
      nested: [['1'], ['2']],
    });
  });

  it('decodes UTF-8 percent sequences and skips empty pairs', () => {
    expect(parseBracketedForm('&name=J%C3%BCrgen+%E2%98%8E&&')).toEqual({ name: 'Jürgen ☎' });
  });

  it('treats inherited names such as toString as ordinary fields', () => {
    expect(parseBracketedForm('toString=1&hasOwnProperty[x]=2&valueOf[]=3')).toEqual({ toString: '1', hasOwnProperty: { x: '2' }, valueOf: ['3'] });
  });

  it.each(['a=%zz', 'a=%E2%82', 'a%=1', 'a=100%', 'a[%ZZ]=1'])('refuses broken percent-encoding: %s', (text) => {
    const error = refused(text);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/percent-encoding/);
  });

  it.each(['__proto__[polluted]=1', 'a[__proto__][polluted]=1', 'constructor[prototype][polluted]=1', 'a[prototype]=1', '__proto__=x'])(
    'refuses reserved keys without touching any prototype: %s',
    (text) => {
      expect(refused(text).message).toMatch(/reserved key/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    },
  );

  it.each(['a=1&a=2', 'a=1&a[b]=2', 'a[b]=2&a=1', 'a[]=1&a[b]=2', 'a[b]=1&a[]=2', 'a[b]=1&a[b][c]=2'])(
    'refuses a field given twice or as both a value and an object: %s',
    (text) => expect(refused(text).message).toMatch(/twice|both/),
  );

  it.each(['[a]=1', 'a[b=1', 'a]b=1', 'a[b]c=1', 'a[[b]]=1', '=1'])('refuses a malformed key: %s', (text) => {
    expect(refused(text).message).toMatch(/malformed field name/);
  });

  it('takes nesting up to the depth limit and refuses one level more', () => {
    const key = (depth: number) => 'a' + '[x]'.repeat(depth - 1);
    expect(parseBracketedForm(`${key(MAX_DEPTH)}=1`)).toHaveProperty('a.x');
    expect(refused(`${key(MAX_DEPTH + 1)}=1`).message).toMatch(/deeper than/);
  });

  it('takes fields up to the field limit and refuses one more', () => {
    const pairs = (count: number) => Array.from({ length: count }, (_, i) => `f${i}=1`).join('&');
    expect(Object.keys(parseBracketedForm(pairs(MAX_FIELDS)))).toHaveLength(MAX_FIELDS);
    expect(refused(pairs(MAX_FIELDS + 1)).message).toMatch(/more than/);
  });
});
