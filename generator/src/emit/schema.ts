import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import type { Project } from 'ts-morph';
import { isObject, type Json } from '../model/document.js';
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

/** Serializers that also take a `Date` (`x-pbxkit-serializer`): their parameters are typed `number | Date`. */
const dateSerializers = new Set(['gregorian-seconds']);
const dateFormat = 'x-pbxkit-number-or-date';
const numberOrDate = ts.factory.createUnionTypeNode([
  ts.factory.createKeywordTypeNode(ts.SyntaxKind.NumberKeyword),
  ts.factory.createTypeReferenceNode('Date'),
]);


/** Marks the schema of every parameter whose serializer takes a `Date`, in a copy of the bundled document. */
function markDateParameters(document: Json): Json {
  const copy = structuredClone(document);
  const parameterLists: unknown[] = [isObject(copy.components) ? Object.values(copy.components.parameters ?? {}) : []];
  for (const pathItem of Object.values(isObject(copy.paths) ? copy.paths : {}))
    if (isObject(pathItem)) parameterLists.push(pathItem.parameters, ...Object.values(pathItem).map((op) => (isObject(op) ? op.parameters : undefined)));
  for (const list of parameterLists)
    for (const parameter of Array.isArray(list) ? list : [])
      if (isObject(parameter) && dateSerializers.has(parameter['x-pbxkit-serializer'] as string)) parameter.schema = { type: 'integer', format: dateFormat };
  return copy;
}

/** `schema.ts`: `paths`, `components`, `operations` and `webhooks` as openapi-typescript writes them. */
export async function emitSchema(project: Project, api: ApiModel): Promise<GeneratedFile> {
  const ast = await openapiTS(markDateParameters(api.document) as never, {
    silent: true,
    // A default is what the server assumes when a field is left out, not a promise that responses carry it.
    defaultNonNullable: false,
    // `type: object` without properties is an open object, not an empty one.
    emptyObjectsUnknown: true,
    transform: (schema) => (schema.format === dateFormat ? numberOrDate : binaryAsBlob(schema)),
  });
  return renderTypeScript(project, api, 'schema.ts', (file) => file.replaceWithText(astToString(ast)));
}
