import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../src/problems.js';
import { mutatedFixture, specPath, Workspace } from './workspace.js';

interface Case {
  name: string;
  mutate: (document: any) => void;
  rule: string;
  pointer: string;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'a dangling $ref',
    mutate: (d) => (d.paths['/recordings'].get.responses['200'].content['application/json'].schema.properties.data.items.$ref = '#/components/schemas/Nope'),
    rule: 'no-unresolved-refs',
    pointer: '/paths/~1recordings/get/responses/200/content/application~1json/schema/properties/data/items',
    message: /resolve/,
  },
  {
    name: 'a duplicate operationId',
    mutate: (d) => (d.paths['/ping'].get.operationId = 'login'),
    rule: 'pbxkit/unique-operation-id',
    pointer: '/paths/~1ping/get/operationId',
    message: /operationId "login" is already used at #\/paths\/~1login\/post\/operationId/,
  },
  {
    name: 'an operation without responses',
    mutate: (d) => delete d.paths['/ping'].get.responses,
    rule: 'pbxkit/typed-success-response',
    pointer: '/paths/~1ping/get',
    message: /no 2xx response/,
  },
  {
    name: 'a JSON response without an example',
    mutate: (d) => delete d.paths['/login'].post.responses['200'].content['application/json'].example,
    rule: 'pbxkit/examples',
    pointer: '/paths/~1login/post/responses/200/content/application~1json',
    message: /response 200 \(application\/json\) has no example/,
  },
  {
    name: 'a path parameter without an example',
    mutate: (d) => delete d.paths['/apitokens/{token}'].delete.parameters[0].example,
    rule: 'pbxkit/examples',
    pointer: '/paths/~1apitokens~1{token}/delete/parameters/0',
    message: /path parameter "token" has no example/,
  },
  {
    name: 'an operation without operationId',
    mutate: (d) => delete d.paths['/ping'].get.operationId,
    rule: 'pbxkit/operation-fields',
    pointer: '/paths/~1ping/get',
    message: /no operationId/,
  },
  {
    name: 'an operation with two tags',
    mutate: (d) => (d.paths['/ping'].get.tags = ['auth', 'recordings']),
    rule: 'pbxkit/operation-fields',
    pointer: '/paths/~1ping/get/tags',
    message: /exactly one tag/,
  },
  {
    name: 'an operation without summary',
    mutate: (d) => delete d.paths['/ping'].get.summary,
    rule: 'pbxkit/operation-fields',
    pointer: '/paths/~1ping/get',
    message: /no summary/,
  },
  {
    name: 'an untyped 2xx response',
    mutate: (d) => delete d.paths['/ping'].get.responses['200'].content,
    rule: 'pbxkit/typed-success-response',
    pointer: '/paths/~1ping/get/responses/200',
    message: /no typed body/,
  },
  {
    name: 'an operation without a typed 4xx response',
    mutate: (d) => (d.paths['/ping'].get.responses = { '200': d.paths['/ping'].get.responses['200'] }),
    rule: 'pbxkit/typed-error-response',
    pointer: '/paths/~1ping/get',
    message: /no 4xx response/,
  },
  {
    name: 'a duplicate x-pbxkit-method within a tag',
    mutate: (d) => (d.paths['/recordings/{id}'].get['x-pbxkit-method'] = 'list'),
    rule: 'pbxkit/unique-method-per-tag',
    pointer: '/paths/~1recordings~1{id}/get/x-pbxkit-method',
    message: /x-pbxkit-method "list" of tag "recordings" is already used at #\/paths\/~1recordings\/get/,
  },
  {
    name: 'an unknown x-pbxkit extension',
    mutate: (d) => (d.paths['/ping'].get['x-pbxkit-retries'] = 3),
    rule: 'pbxkit/extensions',
    pointer: '/paths/~1ping/get/x-pbxkit-retries',
    message: /unknown extension x-pbxkit-retries/,
  },
  {
    name: 'a bad x-pbxkit-pagination value',
    mutate: (d) => (d.paths['/recordings'].get['x-pbxkit-pagination'] = 'cursor'),
    rule: 'pbxkit/extensions',
    pointer: '/paths/~1recordings/get/x-pbxkit-pagination',
    message: /must be one of page, offset, start_key/,
  },
  {
    name: 'an extension on the wrong kind of node',
    mutate: (d) => (d.paths['/ping'].get['x-pbxkit-secret'] = true),
    rule: 'pbxkit/extensions',
    pointer: '/paths/~1ping/get/x-pbxkit-secret',
    message: /does not belong on a Operation/,
  },
  {
    name: 'a serializer on a path parameter',
    mutate: (d) => (d.paths['/apitokens/{token}'].delete.parameters[0]['x-pbxkit-serializer'] = 'json'),
    rule: 'pbxkit/extensions',
    pointer: '/paths/~1apitokens~1{token}/delete/parameters/0/x-pbxkit-serializer',
    message: /query parameters only/,
  },
  {
    name: 'a webhook without a payload schema',
    mutate: (d) => delete d.webhooks['call.ended'].post.requestBody,
    rule: 'pbxkit/webhook-payload',
    pointer: '/webhooks/call.ended/post',
    message: /JSON request body schema/,
  },
  {
    name: 'a webhook payload without an example',
    mutate: (d) => delete d.webhooks['call.ended'].post.requestBody.content['application/json'].example,
    rule: 'pbxkit/examples',
    pointer: '/webhooks/call.ended/post/requestBody/content/application~1json',
    message: /event payload \(application\/json\) has no example/,
  },
  {
    name: 'an event channel that is not a lower-case identifier',
    mutate: (d) => (d.webhooks['line.changed'].post['x-pbxkit-event-channel'] = 'Line-Status'),
    rule: 'pbxkit/extensions',
    pointer: '/webhooks/line.changed/post/x-pbxkit-event-channel',
    message: /lower-case identifier/,
  },
  {
    name: 'an event channel on an operation under paths',
    mutate: (d) => (d.paths['/ping'].get['x-pbxkit-event-channel'] = 'status'),
    rule: 'pbxkit/operation-fields',
    pointer: '/paths/~1ping/get/x-pbxkit-event-channel',
    message: /belongs on a webhook/,
  },
  {
    name: 'a serializer mark on a string schema',
    mutate: (d) => (d.components.schemas.Gregorian.type = 'string'),
    rule: 'pbxkit/extensions',
    pointer: '/components/schemas/Gregorian/x-pbxkit-serializer',
    message: /gregorian-seconds, on an integer/,
  },
];

/** Every file under a directory with its content, to prove a failed run wrote nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(path, readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

const errors = (problems: readonly Problem[]) => problems.filter((problem) => problem.severity === 'error');

describe('lint rules', () => {
  let workspace: Workspace;
  let before: Map<string, string>;

  beforeAll(async () => {
    workspace = new Workspace();
    await workspace.generate();
    before = snapshot(workspace.output);
  });
  afterAll(() => workspace.remove());

  it('accept the fixture without errors', async () => {
    const result = await workspace.generate(true);
    expect(errors(result.problems)).toEqual([]);
  });

  it.each(cases)('report $name with file and pointer, and write nothing', async ({ mutate, rule, pointer, message }) => {
    workspace.writeSpec(mutatedFixture(mutate));
    const result = await workspace.generate();
    expect(result.platforms).toEqual([]);
    const problem = errors(result.problems).find((candidate) => candidate.rule === rule && candidate.pointer === pointer);
    expect(problem, JSON.stringify(result.problems, null, 2)).toBeDefined();
    expect(problem!.file).toBe(specPath);
    expect(problem!.message).toMatch(message);
    expect(snapshot(workspace.output)).toEqual(before);
  });

  it('reports a problem in a shared component once, where the component is', async () => {
    workspace.writeSpec(mutatedFixture((d) => delete d.components.parameters.id.example));
    const { problems } = await workspace.generate();
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        rule: 'pbxkit/examples',
        pointer: '/components/parameters/id',
        message: 'path parameter "id" has no example',
      }),
    ]);
  });

  it('reports an envelope that the success body does not require', async () => {
    workspace.writeSpec(
      mutatedFixture((d) => delete d.paths['/recordings/{id}'].get.responses['200'].content['application/json'].schema.required),
    );
    const { problems } = await workspace.generate();
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        pointer: '/paths/~1recordings~1{id}/get/x-pbxkit-envelope',
        message: '"data" must be required in the 200 response body',
      }),
    ]);
  });

  it('reports an envelope that the success body does not have', async () => {
    workspace.writeSpec(mutatedFixture((d) => (d.paths['/recordings/{id}'].get['x-pbxkit-envelope'] = 'item')));
    const { problems, platforms } = await workspace.generate();
    expect(platforms).toEqual([]);
    expect(errors(problems)).toEqual([
      expect.objectContaining({
        file: specPath,
        pointer: '/paths/~1recordings~1{id}/get/x-pbxkit-envelope',
        message: '"item" is not a property of the 200 response body',
      }),
    ]);
  });

  it('reports every problem, not just the first, as <file>#<pointer>: <message> with exit code 1', async () => {
    workspace.writeSpec(
      mutatedFixture((d) => {
        delete d.paths['/ping'].get.summary;
        d.paths['/ping'].get['x-pbxkit-bogus'] = 1;
        delete d.paths['/login'].post.requestBody.content['application/json'].example;
      }),
    );
    const { code, err, out } = await workspace.cli();
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^spec\/openapi\.yaml#\/paths\/~1ping\/get: operation has no summary .*\[pbxkit\/operation-fields, line \d+\]$/),
        expect.stringMatching(/^spec\/openapi\.yaml#\/paths\/~1ping\/get\/x-pbxkit-bogus: unknown extension x-pbxkit-bogus/),
        expect.stringMatching(/^spec\/openapi\.yaml#\/paths\/~1login\/post\/requestBody\/content\/application~1json: request body \(application\/json\) has no example/),
        '3 error(s); nothing was written.',
      ]),
    );
    expect(snapshot(workspace.output)).toEqual(before);
  });

  it('reports YAML syntax errors with file and line, and writes nothing', async () => {
    workspace.writeSpec(['openapi: 3.1.0', 'info:', '  title: TinyPBX', '  version: [1.0', 'paths: {}'].join('\n'));
    const { problems, platforms } = await workspace.generate();
    expect(platforms).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: specPath, pointer: '', severity: 'error' });
    expect(problems[0]!.message).toMatch(/^YAML syntax error: /);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4);
    expect(snapshot(workspace.output)).toEqual(before);
  });

  it('reports a missing spec file', async () => {
    rmSync(join(workspace.root, specPath));
    const { problems, platforms } = await workspace.generate();
    expect(platforms).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ file: specPath, message: 'spec file not found' })]);
  });
});
