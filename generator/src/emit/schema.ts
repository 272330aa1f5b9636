import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { Project } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import type { GeneratedFile } from './generated-file.js';
import { renderTypeScript } from './typescript-file.js';

const blob = ts.factory.createTypeReferenceNode('Blob');
const nullable = ts.factory.createUnionTypeNode([blob, ts.factory.createLiteralTypeNode(ts.factory.createNull())]);

/** `format: binary` is a Blob on the wire types (a download resolves to one; an upload takes one). */
function binaryAsBlob(schema: { format?: unknown; type?: unknown; nullable?: unknown }): ts.TypeNode | undefined {
  if (schema.format !== 'binary') return undefined;
  const allowsNull = schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
  return allowsNull ? nullable : blob;
}

/** `schema.ts`: `paths`, `components`, `operations` and `webhooks` as openapi-typescript writes them. */
export async function emitSchema(project: Project, api: ApiModel): Promise<GeneratedFile> {
  const ast = await openapiTS(structuredClone(api.document) as never, {
    silent: true,
    transform: (schema) => binaryAsBlob(schema),
  });
  return renderTypeScript(project, api, 'schema.ts', (file) => file.replaceWithText(astToString(ast)));
}
