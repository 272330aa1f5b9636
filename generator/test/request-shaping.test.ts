import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeErrors } from './compile.js';
import { operationTable, parseTypeScript } from './emitted.js';
import { mutatedFixture, Workspace } from './workspace.js';

const json = (schema: object, example: unknown) => ({ 'application/json': { schema, example } });
const user = { type: 'object', properties: { first_name: { type: 'string' } } };
const error = { description: 'Refused.', content: json({ type: 'object', properties: { message: { type: 'string' } } }, { message: 'no' }) };

/** The fixture plus one Kazoo-like path using every request-shaping extension. */
const spec = mutatedFixture((document) => {
  document.tags.push({ name: 'users', description: 'Users.' });
  document.paths['/accounts/{account_id}/users'] = {
    parameters: [
      { name: 'account_id', in: 'path', required: true, 'x-pbxkit-client-option': 'accountId', schema: { type: 'string' }, example: 'a1' },
    ],
    get: {
      operationId: 'listUsers',
      tags: ['users'],
      summary: 'List users',
      description: 'Users of the account.',
      'x-pbxkit-method': 'list',
      'x-pbxkit-variants': [{ method: 'exportCsv', accept: 'text/csv' }],
      parameters: [
        { name: 'filter', in: 'query', 'x-pbxkit-serializer': 'kazoo-filter', schema: { type: 'object', additionalProperties: true } },
        { name: 'created_from', in: 'query', 'x-pbxkit-serializer': 'gregorian-seconds', schema: { type: 'integer' } },
      ],
      responses: {
        '200': {
          description: 'Users.',
          content: {
            ...json({ type: 'array', items: user }, [{ first_name: 'James' }]),
            'text/csv': { schema: { type: 'string' }, example: 'first_name\nJames\n' },
          },
        },
        '401': error,
      },
    },
    put: {
      operationId: 'createUser',
      tags: ['users'],
      summary: 'Create a user',
      description: 'Creates a user.',
      'x-pbxkit-method': 'create',
      'x-pbxkit-request-envelope': 'data',
      requestBody: {
        required: true,
        content: {
          ...json({ type: 'object', required: ['data'], properties: { data: user } }, { data: { first_name: 'James' } }),
          'multipart/form-data': { schema: { type: 'object', properties: { data: user, file: { type: 'string', format: 'binary' } } } },
        },
      },
      responses: { '201': { description: 'Created.', content: json(user, { first_name: 'James' }) }, '401': error },
    },
    patch: {
      operationId: 'patchUsers',
      tags: ['users'],
      summary: 'Patch users',
      description: 'A merge patch.',
      'x-pbxkit-method': 'patch',
      'x-pbxkit-request-envelope': 'data',
      'x-pbxkit-merge-patch': true,
      requestBody: { required: true, content: json({ type: 'object', required: ['data'], properties: { data: user } }, { data: { first_name: 'Jim' } }) },
      responses: { '200': { description: 'Patched.', content: json(user, { first_name: 'Jim' }) }, '401': error },
    },
  };
});

const usage = `
import type { Transport } from '@pbxkit/core';
import { createTinyApi } from './generated/index.js';

declare const transport: Transport;
const api = createTinyApi(transport);

export async function use(): Promise<void> {
  await api.users.list();
  await api.users.list({ path: { account_id: 'a2' }, query: { created_from: new Date(), filter: { first_name: 'James' } } });
  await api.users.list({ query: { created_from: 63911836800 } });
  const csv: string = await api.users.exportCsv({ query: { created_from: new Date() } });
  await api.users.create({ body: { first_name: 'James' } });
  await api.users.create({ body: { data: { first_name: 'James' }, file: new Blob(['%PDF']) } });
  await api.users.patch({ body: { first_name: null } });
  // @ts-expect-error null removes a field only in a merge patch
  await api.users.create({ body: { first_name: null } });
  // @ts-expect-error a created_from is a number of seconds or a Date
  await api.users.list({ query: { created_from: '2026-11-01' } });
  void csv;
}
`;

describe('request-shaping extensions', () => {
  const workspace = new Workspace(spec);
  const users = () => parseTypeScript('/users.ts', workspace.read('resources/users.ts'));
  beforeAll(async () => {
    const result = await workspace.generate();
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    writeFileSync(join(workspace.root, 'out', 'usage.ts'), usage);
  });
  afterAll(() => workspace.remove());

  it('tell the runtime about serializers, client-option defaults, the request envelope, forms and variants', () => {
    expect(operationTable(users())).toEqual({
      list: {
        httpMethod: 'GET',
        path: '/accounts/{account_id}/users',
        options: { serialize: "{ created_from: 'gregorian-seconds', filter: 'kazoo-filter' }", defaults: "{ account_id: 'accountId' }" },
      },
      exportCsv: {
        httpMethod: 'GET',
        path: '/accounts/{account_id}/users',
        options: {
          accept: "'text/csv'",
          parseAs: "'text'",
          serialize: "{ created_from: 'gregorian-seconds', filter: 'kazoo-filter' }",
          defaults: "{ account_id: 'accountId' }",
        },
      },
      create: {
        httpMethod: 'PUT',
        path: '/accounts/{account_id}/users',
        options: { defaults: "{ account_id: 'accountId' }", requestEnvelope: "'data'", form: 'true' },
      },
      patch: { httpMethod: 'PATCH', path: '/accounts/{account_id}/users', options: { defaults: "{ account_id: 'accountId' }", requestEnvelope: "'data'" } },
    });
  });

  it('type the methods as callers use them', () => {
    const members = users()
      .getInterfaceOrThrow('UsersResource')
      .getProperties()
      .map((property) => [property.getName(), property.getTypeNodeOrThrow().getText()]);
    expect(members).toEqual([
      ['list', "Operation<WithDefaults<operations['listUsers'], 'account_id'>>"],
      ['exportCsv', "VariantOperation<WithDefaults<operations['listUsers'], 'account_id'>, string>"],
      ['create', "Operation<WrappedBody<WithDefaults<operations['createUser'], 'account_id'>, 'data'>>"],
      ['patch', "Operation<MergePatch<WrappedBody<WithDefaults<operations['patchUsers'], 'account_id'>, 'data'>>>"],
    ]);
    expect(typeErrors(workspace.root)).toBe('');
  });
});
