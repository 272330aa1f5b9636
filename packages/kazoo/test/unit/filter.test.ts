import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, kazooFilterSerializer, toGregorian } from '../../src/index.js';

const serialize = (filter: unknown) => kazooFilterSerializer('filter', filter);

describe('kazoo-filter serializer', () => {
  it('turns a natural object into filter_<key> parameters', () => {
    expect(serialize({ first_name: 'James', enabled: true, priority: 2 })).toEqual({
      filter_first_name: 'James',
      filter_enabled: 'true',
      filter_priority: '2',
    });
  });

  it('turns nested objects into dotted keys', () => {
    expect(serialize({ custom_channel_vars: { 'Call-Interaction-ID': '63741914152-5813c485' } })).toEqual({
      'filter_custom_channel_vars.Call-Interaction-ID': '63741914152-5813c485',
    });
  });

  it("reads the seed SDK's { key, value } pair, nested pairs included, and lists of pairs", () => {
    expect(serialize({ key: 'first_name', value: 'James' })).toEqual({ filter_first_name: 'James' });
    expect(serialize({ key: 'custom_channel_vars', value: { key: 'Call-Interaction-ID', value: '63741914152-5813c485' } })).toEqual({
      'filter_custom_channel_vars.Call-Interaction-ID': '63741914152-5813c485',
    });
    expect(serialize([{ key: 'first_name', value: 'James' }, { key: 'last_name', value: 'Smith' }])).toEqual({
      filter_first_name: 'James',
      filter_last_name: 'Smith',
    });
  });

  it('sends a list of allowed values as a JSON array, and dates as Gregorian seconds', () => {
    const day = new Date('2026-11-01T00:00:00Z');
    expect(serialize({ device_type: ['sip_device', 'softphone'], created: day })).toEqual({
      filter_device_type: '["sip_device","softphone"]',
      filter_created: String(toGregorian(day)),
    });
  });

  it('maps not, has_key, key_missing, has_value and value_missing to their own parameters', () => {
    expect(
      serialize({ not: { enabled: false, caller_id: { internal: { number: '100' } } }, has_key: 'email', key_missing: ['a', 'b.c'], has_value: 'x', value_missing: 'y' }),
    ).toEqual({
      filter_not_enabled: 'false',
      'filter_not_caller_id.internal.number': '100',
      has_key: ['email'],
      key_missing: ['a', 'b.c'],
      has_value: ['x'],
      value_missing: ['y'],
    });
  });

  it.each([
    ['a value that is a function', { a: () => 1 }],
    ['null', null],
    ['a string', 'first_name=James'],
    ['an empty key', { '': 'x' }],
    ['has_key without a key', { has_key: '' }],
    ['a pair list holding a string', ['x']],
  ])('refuses %s with InvalidArgumentError', (_, filter) => {
    expect(() => serialize(filter)).toThrow(InvalidArgumentError);
  });
});
