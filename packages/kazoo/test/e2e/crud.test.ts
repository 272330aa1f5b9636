import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '../../src/index.js';
import { startKazoo } from './harness.js';

const env = await startKazoo();
const kazoo = env.client({ auth: { apiKey: env.fixtures.demo.apiKey } });

describe('webhooks', () => {
  it('are created, read, listed, patched, replaced and deleted', async () => {
    const created = await kazoo.webhooks.create({
      body: { name: 'user deleted', uri: 'https://hooks.example.com/kazoo', hook: 'object', http_verb: 'post', format: 'json', custom_data: { type: 'user', action: 'doc_deleted' } },
    });
    expect(created.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await kazoo.webhooks.get({ path: { webhook_id: created.id! } })).toMatchObject({ hook: 'object', custom_data: { type: 'user', action: 'doc_deleted' } });
    const listed = [];
    for await (const hook of kazoo.webhooks.list.all()) listed.push(hook.id);
    expect(listed).toContain(created.id);
    expect(await kazoo.webhooks.patch({ path: { webhook_id: created.id! }, body: { enabled: false } })).toMatchObject({ enabled: false, name: 'user deleted' });
    const replaced = await kazoo.webhooks.update({ path: { webhook_id: created.id! }, body: { name: 'channels', uri: 'https://hooks.example.com/c', hook: 'channel_create' } });
    expect(replaced).toMatchObject({ hook: 'channel_create', name: 'channels' });
    await kazoo.webhooks.delete({ path: { webhook_id: created.id! } });
    await expect(kazoo.webhooks.get({ path: { webhook_id: created.id! } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuse a hook without a uri with typed field errors', async () => {
    const error = await kazoo.webhooks.create({ body: { name: 'no uri', hook: 'channel_create' } as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).fieldErrors).toContainEqual(expect.objectContaining({ field: 'uri', code: 'required' }));
    expect((error as BadRequestError).requestId).toEqual(expect.any(String));
  });

  it('list the hooks Kazoo offers without a token', async () => {
    const available = await kazoo.webhooks.listAvailable();
    expect(available.items.map((hook) => hook.id)).toEqual(expect.arrayContaining(['channel_create', 'object']));
  });

  it('re-enable in bulk', async () => {
    await expect(kazoo.webhooks.reEnable({ body: { 're-enable': true } })).resolves.toBeDefined();
  });
});

describe('users', () => {
  it('round-trip a document; PATCH merges into it', async () => {
    const user = await kazoo.users.create({ body: { first_name: 'Ada', last_name: 'Lovelace', username: `ada-${Date.now()}`, email: 'ada@example.com' } });
    const patched = await kazoo.users.patch({ path: { user_id: user.id! }, body: { email: 'countess@example.com' } });
    expect(patched).toMatchObject({ email: 'countess@example.com', first_name: 'Ada', last_name: 'Lovelace' });
    await kazoo.users.delete({ path: { user_id: user.id! } });
    await expect(kazoo.users.get({ path: { user_id: user.id! } })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('PATCH with null removes a field (a merge patch)', async () => {
    const user = await kazoo.users.create({ body: { first_name: 'Grace', last_name: 'Hopper', username: `grace-${Date.now()}`, email: 'grace@example.com' } });
    const patched = await kazoo.users.patch({ path: { user_id: user.id! }, body: { email: null, last_name: 'Murray Hopper' } });
    expect(patched.email).toBeUndefined();
    expect(patched).toMatchObject({ first_name: 'Grace', last_name: 'Murray Hopper' });
    expect((await kazoo.users.get({ path: { user_id: user.id! } })).email).toBeUndefined();
  });

  it('refuse a user without a first name as a validation error on that field', async () => {
    const error = await kazoo.users.create({ body: { last_name: 'Nobody' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).fieldErrors).toContainEqual(expect.objectContaining({ field: 'first_name', code: 'required' }));
  });
});
