import { VariableDeclarationKind, type Project } from 'ts-morph';
import { quote } from '../model/names.js';
import type { OperationModel } from '../model/types.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { renderTypeScript } from './typescript-file.js';

function entry(operation: OperationModel): string {
  return `{ ${[
    `operationId: ${quote(operation.operationId)}`,
    `resource: ${quote(operation.resource)}`,
    `method: ${quote(operation.method)}`,
    `httpMethod: ${quote(operation.httpMethod)}`,
    `path: ${quote(operation.path)}`,
    `paged: ${operation.pagination !== undefined}`,
    `binary: ${operation.parseAs === 'blob'}`,
    `variants: [${operation.variants.map((variant) => quote(variant.method)).join(', ')}]`,
  ].join(', ')} }`;
}

/** `operations.ts`: every operation as data, for the data-driven wire tests and the docs. */
export function emitOperationsIndex(project: Project, { api }: EmitContext): GeneratedFile {
  return renderTypeScript(project, api, 'operations.ts', (file) => {
    file.addInterface({
      name: 'OperationIndexEntry',
      isExported: true,
      docs: ['One operation of the spec, as the client exposes it.'],
      properties: [
        { name: 'operationId', type: 'string', docs: ['The spec operationId (and the test handler name).'] },
        { name: 'resource', type: 'string', docs: ['The client property (the tag).'] },
        { name: 'method', type: 'string', docs: ['The method on the resource (`x-pbxkit-method`).'] },
        { name: 'httpMethod', type: "'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS'" },
        { name: 'path', type: 'string', docs: ['Path template relative to the server URL.'] },
        { name: 'paged', type: 'boolean', docs: ['The method resolves to a page and has `.all()`.'] },
        { name: 'binary', type: 'boolean', docs: ['The method resolves to a Blob.'] },
        { name: 'variants', type: 'readonly string[]', docs: ['Methods of the other representations (`x-pbxkit-variants`).'] },
      ].map((property) => ({ ...property, isReadonly: true })),
    });
    const operations = api.resources.flatMap((resource) => resource.operations);
    file.addVariableStatement({
      isExported: true,
      docs: ['Every operation, by resource then path.'],
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: 'operationIndex',
          initializer: (writer) => {
            writer.write('[').newLine();
            writer.indent(() => operations.forEach((operation) => writer.writeLine(`${entry(operation)},`)));
            writer.write('] as const satisfies readonly OperationIndexEntry[]');
          },
        },
      ],
    });
    file.addTypeAlias({
      name: 'OperationId',
      isExported: true,
      docs: ['The operationId of every operation.'],
      type: '(typeof operationIndex)[number][\'operationId\']',
    });
  });
}
