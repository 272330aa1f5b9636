import { describe, expect, it } from 'vitest';
import { createKazooWebhook, InvalidArgumentError, kazooWebhook, type KazooWebhookSpec } from '../src/index.js';
import { startKazoo } from './e2e/harness.js';

const uri = 'https://hooks.example.com/kazoo';

describe('kazooWebhook', () => {
  it('puts an object hook’s action and type in custom_data, beside the other custom data', () => {
    expect(kazooWebhook({ hook: 'object', action: 'doc_deleted', type: 'user', uri, name: 'users gone', custom_data: { source: 'crm' } })).toEqual({
      hook: 'object',
      uri,
      name: 'users gone',
      custom_data: { source: 'crm', action: 'doc_deleted', type: 'user' },
    });
    expect(kazooWebhook({ hook: 'object', action: 'all', type: 'all', uri, name: 'everything' }).custom_data).toEqual({ action: 'all', type: 'all' });
  });

  it('puts a notifications hook’s type in custom_data, and leaves the other hooks without filter', () => {
    expect(kazooWebhook({ hook: 'notifications', type: 'voicemail_new', uri, name: 'vm' }).custom_data).toEqual({ type: 'voicemail_new' });
    const channel = kazooWebhook({ hook: 'channel_destroy', uri, name: 'hangups', http_verb: 'put', format: 'json', retries: 4, include_subaccounts: true, enabled: false });
    expect(channel).toEqual({ hook: 'channel_destroy', uri, name: 'hangups', http_verb: 'put', format: 'json', retries: 4, include_subaccounts: true, enabled: false });
  });

  it.each<[string, unknown, RegExp]>([
    ['an object hook without action', { hook: 'object', type: 'user' }, /object hook needs `action`/],
    ['an object hook without type', { hook: 'object', action: 'doc_created' }, /object hook needs `type`/],
    ['an object hook with an unknown type', { hook: 'object', action: 'doc_created', type: 'widget' }, /object hook needs `type`/],
    ['a notifications hook without type', { hook: 'notifications' }, /notifications hook needs `type`/],
    ['a notifications hook of an unknown type', { hook: 'notifications', type: 'voicemail' }, /notifications hook needs `type`/],
    ['a filter on a channel hook', { hook: 'channel_create', type: 'user' }, /takes no `action` or `type`/],
    ['an unknown hook', { hook: 'channel_ring' }, /`hook` must be one of/],
    ['retries 7', { hook: 'parking', retries: 7 }, /`retries` must be an integer from 0 to 4 \(got 7\)/],
    ['retries 1.5', { hook: 'parking', retries: 1.5 }, /`retries`/],
    ['an ftp uri', { hook: 'parking', uri: 'ftp://hooks.example.com/' }, /`uri` must be an absolute http/],
    ['a relative uri', { hook: 'parking', uri: '/hooks' }, /`uri`/],
    ['an empty name', { hook: 'parking', name: ' ' }, /`name`/],
    ['verb delete', { hook: 'parking', http_verb: 'delete' }, /`http_verb`/],
    ['format xml', { hook: 'parking', format: 'xml' }, /`format`/],
    ['a numeric custom_data value', { hook: 'parking', custom_data: { n: 1 } }, /`custom_data.n` must be a string/],
    ['the object filter in custom_data', { hook: 'object', action: 'all', type: 'all', custom_data: { type: 'user' } }, /not in `custom_data`/],
    ['enabled "yes"', { hook: 'parking', enabled: 'yes' }, /`enabled`/],
  ])('refuses %s', (_, spec, message) => {
    const call = () => kazooWebhook({ uri, name: 'hook', ...(spec as object) } as KazooWebhookSpec);
    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(message);
  });
});

describe('createKazooWebhook against the simulator', async () => {
  const env = await startKazoo();
  const kazoo = env.client({ auth: { apiKey: env.fixtures.demo.apiKey } });

  it('creates the hook Kazoo will fire (object: both filters stored)', async () => {
    const created = await createKazooWebhook(kazoo, { hook: 'object', action: 'doc_deleted', type: 'user', uri, name: 'users gone', retries: 3 });
    expect(created).toMatchObject({ hook: 'object', custom_data: { action: 'doc_deleted', type: 'user' }, retries: 3, uri });
    expect(await kazoo.webhooks.get({ path: { webhook_id: created.id! } })).toMatchObject({ hook: 'object', custom_data: { action: 'doc_deleted', type: 'user' } });
  });

  it('creates in another account when asked', async () => {
    const created = await createKazooWebhook(kazoo, { hook: 'notifications', type: 'missed_call', uri, name: 'missed' }, { accountId: env.fixtures.lab.accountId });
    expect(env.sent.at(-1)!.path).toBe(`/accounts/${env.fixtures.lab.accountId}/webhooks`);
    expect(created).toMatchObject({ hook: 'notifications', custom_data: { type: 'missed_call' } });
  });

  it('sends nothing for an invalid hook', async () => {
    const before = env.sent.length;
    await expect(async () => createKazooWebhook(kazoo, { hook: 'object', type: 'user', uri, name: 'x' } as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(env.sent.length).toBe(before);
  });
});
