import type { OperationModel } from '../model/types.js';
import { eventGroups } from './events.js';
import { doNotEdit, type EmitContext, type GeneratedFile } from './generated-file.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function operationRow(operation: OperationModel): string {
  const summary = operation.docsUrl ? `[${cell(operation.summary)}](${operation.docsUrl})` : cell(operation.summary);
  const traits = [
    operation.pagination && `paged (${operation.pagination})`,
    operation.parseAs === 'blob' && `binary (${operation.success.mediaType})`,
    operation.parseAs === 'text' && 'text',
    operation.anonymous && 'no auth',
    operation.idempotent && 'idempotent',
    operation.deprecated && 'deprecated',
  ].filter(Boolean);
  return `| \`${operation.resource}.${operation.method}\` | \`${operation.httpMethod} ${cell(operation.path)}\` | \`${operation.operationId}\` | ${summary} | ${traits.join(', ')} |`;
}

/** `OPERATIONS.md`: every operation as a table, for the docs. */
export function emitOperationsMarkdown({ platform, api }: EmitContext): GeneratedFile {
  const operations = api.resources.flatMap((resource) => resource.operations);
  const events = eventGroups(platform, api.webhooks)
    .filter((group) => group.webhooks.length > 0)
    .flatMap(({ channel, webhooks }) => [
      '',
      channel ? `## Events on the \`${channel}\` channel` : '## Webhook events',
      '',
      '| event | summary |',
      '|---|---|',
      ...webhooks.map((webhook) => `| \`${webhook.event}\` | ${cell(webhook.summary ?? '')} |`),
    ]);
  const lines = [
    `<!-- ${doNotEdit(api)} -->`,
    '',
    `# ${platform.title} operations`,
    '',
    `${operations.length} operations in ${api.resources.length} resources, from ${api.title} ${api.version}.`,
    '',
    '| method | HTTP | operationId | summary | notes |',
    '|---|---|---|---|---|',
    ...operations.map(operationRow),
    ...events,
  ];
  return { path: 'OPERATIONS.md', content: `${lines.join('\n')}\n` };
}

/** `README.md`: says the directory is generated and how to regenerate it. */
export function emitReadme({ platform, api }: EmitContext, files: readonly string[]): GeneratedFile {
  const lines = [
    `<!-- ${doNotEdit(api)} -->`,
    '',
    '# Generated code: do not edit',
    '',
    `Everything in this directory is written by \`@pbxkit/generator\` from \`${api.specFile}\`.`,
    'Edit the spec (or the generator), then regenerate:',
    '',
    '```sh',
    `pnpm generate ${platform.name}           # rewrite this directory`,
    `pnpm generate ${platform.name} --check   # exit 1 and list the files that would change`,
    '```',
    '',
    'Hand edits here are lost on the next run, and `--check` fails on them.',
    '',
    '| file | what |',
    '|---|---|',
    ...files.map((file) => `| \`${file}\` | ${describe(file)} |`),
  ];
  return { path: 'README.md', content: `${lines.join('\n')}\n` };
}

function describe(file: string): string {
  if (file.startsWith('resources/')) return 'one resource (tag): its typed methods and their operation table';
  const descriptions: Record<string, string> = {
    'schema.ts': 'openapi-typescript types: `paths`, `components`, `operations`, `webhooks`',
    'client.ts': 'the client interface and the factory that wires every resource to a transport',
    'models.ts': 'a type name per component schema',
    'events.ts': 'event payload types by event name (webhooks, socket channels), the event names, the non-string webhook fields',
    'testing.ts': 'typed msw handler factories (the `./testing` subpath only)',
    'operations.ts': 'every operation as data (`operationIndex`)',
    'openapi.json': 'the bundled spec the simulator and the wire tests validate against',
    'OPERATIONS.md': 'the operations table',
    'README.md': 'this file',
    'index.ts': 'barrel of everything but `testing.ts`',
  };
  return descriptions[file] ?? '';
}
