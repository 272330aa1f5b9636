import { VariableDeclarationKind, type Project } from 'ts-morph';
import type { OperationModel, ResourceModel, VariantModel } from '../model/types.js';
import { byString } from '../model/order.js';
import { propertyKey } from '../model/names.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { operationTuple, operationType, operationTypeNames, paginatorOf, variantTuple, variantType } from './operation-tuple.js';
import { docText, renderTypeScript } from './typescript-file.js';

export const resourcePath = (resource: ResourceModel) => `resources/${resource.name}.ts`;

function methodDocs(operation: OperationModel) {
  return [
    {
      description: docText(operation.summary, operation.description, `\`${operation.httpMethod} ${operation.path}\``),
      tags: [
        ...(operation.docsUrl ? [{ tagName: 'see', text: operation.docsUrl }] : []),
        ...(operation.deprecated ? [{ tagName: 'deprecated' }] : []),
      ],
    },
  ];
}

function variantDocs(operation: OperationModel, variant: VariantModel) {
  const [docs] = methodDocs(operation);
  const what = `${operation.summary} as \`${variant.accept}\` (\`Accept: ${variant.accept}\`); resolves to ${variant.parseAs === 'text' ? 'the text' : 'a Blob'}.`;
  return [{ ...docs!, description: docText(what, `\`${operation.httpMethod} ${operation.path}\``) }];
}

export const tableName = (resource: ResourceModel) => `${resource.name}Operations`;
/** `cdrsApi(transport)` → `{ cdrs }`. */
export const factoryName = (resource: ResourceModel) => `${resource.name}Api`;

function coreImports(resource: ResourceModel) {
  const values = new Set<string>(['defineResource']);
  const types = new Set(['OperationTable', 'Transport']);
  for (const operation of resource.operations) {
    const paginator = paginatorOf(operation);
    if (paginator) values.add(paginator);
    for (const name of operationTypeNames(operation)) types.add(name);
  }
  // Values, then types, each sorted: `pageNumberPaging, type Operation, type OperationTable`.
  return [
    ...[...values].sort(byString).map((name) => ({ name })),
    ...[...types].sort(byString).map((name) => ({ name, isTypeOnly: true })),
  ];
}

/** `resources/<tag>.ts`: the resource interface (one typed method per operation) and its operations table. */
export function emitResource(project: Project, { api }: EmitContext, resource: ResourceModel): GeneratedFile {
  return renderTypeScript(project, api, resourcePath(resource), (file) => {
    file.addImportDeclaration({ moduleSpecifier: '@pbxkit/core', namedImports: coreImports(resource) });
    file.addImportDeclaration({ moduleSpecifier: '../schema.js', isTypeOnly: true, namedImports: ['operations'] });

    file.addInterface({
      name: resource.interfaceName,
      isExported: true,
      docs: [
        {
          description: docText(resource.description ?? `The \`${resource.name}\` resource.`),
          tags: resource.docsUrl ? [{ tagName: 'see', text: resource.docsUrl }] : [],
        },
      ],
      properties: resource.operations.flatMap((operation) => [
        { name: propertyKey(operation.method), type: operationType(operation), docs: methodDocs(operation) },
        ...operation.variants.map((variant) => ({
          name: propertyKey(variant.method),
          type: variantType(operation, variant),
          docs: variantDocs(operation, variant),
        })),
      ]),
    });

    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      isExported: true,
      docs: [`What the runtime needs to know of each \`${resource.name}\` operation (see \`defineResource\`).`],
      declarations: [
        {
          name: tableName(resource),
          initializer: (writer) => {
            writer.inlineBlock(() => {
              for (const operation of resource.operations) {
                writer.writeLine(`${propertyKey(operation.method)}: ${operationTuple(operation)},`);
                for (const variant of operation.variants)
                  writer.writeLine(`${propertyKey(variant.method)}: ${variantTuple(operation, variant)},`);
              }
            });
            writer.write(' satisfies OperationTable');
          },
        },
      ],
    });

    file.addFunction({
      name: factoryName(resource),
      isExported: true,
      docs: [`The \`${resource.name}\` resource on a transport: a client made of only the resources it uses carries only their tables.`],
      parameters: [{ name: 'transport', type: 'Transport' }],
      returnType: `{ readonly ${resource.name}: ${resource.interfaceName} }`,
      statements: `return { ${resource.name}: defineResource<${resource.interfaceName}>(transport, ${tableName(resource)}) };`,
    });
  });
}
