import type { Project } from 'ts-morph';
import { quote } from '../model/names.js';
import { byKey } from '../model/order.js';
import type { OperationModel } from '../model/types.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { shadowingTemplates, templatePattern, toMswPath } from './msw-path.js';
import { docText, renderTypeScript } from './typescript-file.js';
import { valueLiteral } from './value-literal.js';

type ReplyKind = 'json' | 'text' | 'blob' | 'empty';

const replyKind = (operation: OperationModel): ReplyKind =>
  operation.success.mediaType === undefined ? 'empty' : operation.parseAs;

/** The helpers that turn a factory's arguments into an msw resolver, one per kind of body. */
const replyHelpers: Record<ReplyKind, string> = {
  json: `function json(reply: unknown, example: unknown, status: number, init?: ReplyInit): HttpResponseResolver {
  if (typeof reply === 'function') return reply as HttpResponseResolver;
  const body = (reply === undefined ? example : reply) as JsonBodyType;
  return () => HttpResponse.json(body, { status: init?.status ?? status, headers: init?.headers });
}`,
  text: `function text(reply: Reply<string> | undefined, example: string, status: number, init?: ReplyInit): HttpResponseResolver {
  if (typeof reply === 'function') return reply;
  const body = reply ?? example;
  return () => HttpResponse.text(body, { status: init?.status ?? status, headers: init?.headers });
}`,
  blob: `function blob(reply: Reply<Blob> | undefined, example: Blob, status: number, init?: ReplyInit): HttpResponseResolver {
  if (typeof reply === 'function') return reply;
  const body = reply ?? example;
  const headers = { 'Content-Type': body.type, ...init?.headers };
  return () => new HttpResponse(body, { status: init?.status ?? status, headers });
}`,
  empty: `function empty(reply: HttpResponseResolver | undefined, status: number, init?: ReplyInit): HttpResponseResolver {
  return reply ?? (() => new HttpResponse(null, { status: init?.status ?? status, headers: init?.headers }));
}`,
};

/**
 * Wraps a resolver so it falls through (msw then tries the next handler) for URLs that belong to a more
 * specific path template, e.g. `/monitors/7.mp3` for the handler of `/monitors/{id}`.
 */
const exceptHelper = `const basePath = new URL(baseUrl).pathname.replace(/\\/+$/, '');
const except =
  (patterns: readonly RegExp[], resolver: HttpResponseResolver): HttpResponseResolver =>
  (info) => {
    const path = new URL(info.request.url).pathname.slice(basePath.length);
    return patterns.some((pattern) => pattern.test(path)) ? undefined : resolver(info);
  };`;

/** `200` for a numeric status, `'2XX'` for a range: how schema.ts keys the responses. */
const statusKey = (status: string) => (/^\d+$/.test(status) ? status : quote(status));
const statusCode = (status: string) => Number(status.replace(/XX$/, '00'));

/** The TypeScript type of the success body the factory answers with. */
function bodyType(operation: OperationModel): string | undefined {
  switch (replyKind(operation)) {
    case 'json':
      return `ResponseBody<${quote(operation.operationId)}, ${statusKey(operation.success.status)}>`;
    case 'text':
      return 'string';
    case 'blob':
      return 'Blob';
    case 'empty':
      return undefined;
  }
}

/** The default reply: the spec example (a small Blob of the declared media type for binary bodies). */
function exampleEntry(operation: OperationModel): string | undefined {
  const { operationId, success } = operation;
  switch (replyKind(operation)) {
    case 'json':
      if (success.example === undefined)
        throw new Error(`${operationId}: the ${success.status} JSON response has no example (the lint rules require one)`);
      return `${operationId}: ${valueLiteral(success.example, '  ')} satisfies ${bodyType(operation)},`;
    case 'text':
      return `${operationId}: ${quote(typeof success.example === 'string' ? success.example : '')},`;
    case 'blob':
      return `${operationId}: new Blob([${quote(`example ${success.mediaType}`)}], { type: ${quote(success.mediaType!)} }),`;
    case 'empty':
      return undefined;
  }
}

function handlerFactory(operation: OperationModel, templates: readonly string[]): string {
  const { operationId, success } = operation;
  const kind = replyKind(operation);
  const code = statusCode(success.status);
  const body = bodyType(operation);
  const reply = body ? `Reply<${body}>` : 'HttpResponseResolver';
  const answer =
    kind === 'empty' ? `empty(reply, ${code}, init)` : `${kind}(reply, exampleResponses.${operationId}, ${code}, init)`;
  const shadows = shadowingTemplates(operation.path, templates);
  const resolver =
    shadows.length > 0 ? `except([${shadows.map((shadow) => `/${templatePattern(shadow)}/`).join(', ')}], ${answer})` : answer;
  return [
    `/** ${docText(`\`${operation.httpMethod} ${operation.path}\`: ${operation.summary}`)} */`,
    `${operationId}: (reply?: ${reply}, init?: ReplyInit) =>`,
    `  http.${operation.httpMethod.toLowerCase()}(url(${quote(toMswPath(operation.path))}), ${resolver}),`,
  ].join('\n');
}

/**
 * `testing.ts`: typed msw handler factories for users' own tests, one per operationId, answering with
 * the spec's example unless given a body or a resolver. Only reachable through the `./testing` subpath.
 */
export function emitTesting(project: Project, { platform, api }: EmitContext): GeneratedFile {
  const operations = api.resources
    .flatMap((resource) => resource.operations)
    .sort(byKey((operation) => operation.operationId));
  const kinds = new Set(operations.map(replyKind));
  const templates = operations.map((operation) => operation.path);
  const shadowed = operations.some((operation) => shadowingTemplates(operation.path, templates).length > 0);
  return renderTypeScript(project, api, 'testing.ts', (file) => {
    file.addImportDeclaration({
      moduleSpecifier: 'msw',
      namedImports: [
        { name: 'http' },
        { name: 'HttpResponse' },
        { name: 'HttpResponseResolver', isTypeOnly: true },
        ...(kinds.has('json') ? [{ name: 'JsonBodyType', isTypeOnly: true }] : []),
      ],
    });
    if (kinds.has('json')) {
      file.addImportDeclaration({ moduleSpecifier: './schema.js', isTypeOnly: true, namedImports: ['operations'] });
      file.addStatements(
        [
          '/** The body of one declared response of an operation. */',
          "type ResponseBody<Id extends keyof operations, Status extends keyof operations[Id]['responses']> =",
          "  operations[Id]['responses'][Status] extends { content: infer Content } ? Content[keyof Content] : never;",
        ].join('\n'),
      );
    }
    file.addTypeAlias({
      name: 'Reply',
      isExported: true,
      typeParameters: ['Body'],
      docs: ['What a handler answers with: a body (the spec example when left out) or an msw resolver for full control.'],
      type: 'Body | HttpResponseResolver',
    });
    file.addInterface({
      name: 'ReplyInit',
      isExported: true,
      docs: ['Overrides for a fixed reply.'],
      properties: [
        { name: 'status', hasQuestionToken: true, type: 'number', docs: ["Defaults to the operation's success status."] },
        { name: 'headers', hasQuestionToken: true, type: 'Record<string, string>' },
      ],
    });

    file.addStatements((writer) => {
      writer.writeLine('/** The success example of each operation in the spec: what the handlers answer with by default. */');
      writer.write('export const exampleResponses = ').inlineBlock(() => {
        for (const operation of operations) {
          const entry = exampleEntry(operation);
          if (entry) writer.writeLine(entry);
        }
      });
      writer.write(';');
      for (const kind of ['json', 'text', 'blob', 'empty'] as const)
        if (kinds.has(kind)) writer.blankLine().write(replyHelpers[kind]).newLine();
    });

    file.addFunction({
      name: platform.names.handlersFactory,
      isExported: true,
      docs: [
        docText(
          `msw handlers for every ${platform.title} operation, by operationId, for tests of code that uses the client.`,
          'Each factory answers with the example of the success response in the spec unless given a body or a resolver,\n' +
            'e.g. `server.use(handlers.getThing({ data: { id: 1 } }, { status: 200 }))`.',
        ),
      ],
      parameters: [{ name: 'baseUrl', initializer: quote(api.serverUrl ?? 'http://localhost') }],
      statements: (writer) => {
        writer.writeLine("const url = (path: string) => `${baseUrl.replace(/\\/+$/, '')}${path}`;");
        if (shadowed) writer.writeLine(exceptHelper);
        writer.write('return ').inlineBlock(() => {
          for (const operation of operations) writer.writeLine(handlerFactory(operation, templates));
        });
        writer.write(';');
      },
    });
  });
}
