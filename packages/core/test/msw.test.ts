import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, expect, it } from 'vitest';
import { createTransport, defineResource, NotFoundError } from '../src/index.js';

// Created before msw patches fetch: the transport must still go through msw.
const transport = createTransport({ baseUrl: 'https://l7api.com/v1.2/voipstudio' });
const contacts = defineResource<{ get: (input: object) => Promise<unknown> }>(transport, {
  get: ['GET', '/contacts/{id}', { envelope: 'data' }],
});

const mock = setupServer(
  http.get('https://l7api.com/v1.2/voipstudio/contacts/:id', ({ params }) =>
    params.id === '1'
      ? HttpResponse.json({ data: { id: 1, first_name: 'Ada' } })
      : HttpResponse.json({ message: 'Not found' }, { status: 404 }),
  ),
);
mock.listen({ onUnhandledRequest: 'error' });
afterAll(() => mock.close());

it('goes through an interceptor installed after the transport was created', async () => {
  await expect(contacts.get({ path: { id: 1 } })).resolves.toEqual({ id: 1, first_name: 'Ada' });
  await expect(contacts.get({ path: { id: 2 } })).rejects.toBeInstanceOf(NotFoundError);
});
