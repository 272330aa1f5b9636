import { VariableDeclarationKind, type Project } from 'ts-morph';
import { quote } from '../model/names.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { docText, renderTypeScript } from './typescript-file.js';
import { valueLiteral } from './value-literal.js';

/**
 * `models.ts`: a readable type name per component schema (`export type Cdr = components['schemas']['Cdr']`),
 * and for a string enum its values at run time (`export const PhoneNumberStateValues = [...]`).
 */
export function emitModels(project: Project, { api }: EmitContext): GeneratedFile {
  return renderTypeScript(project, api, 'models.ts', (file) => {
    if (api.schemas.length === 0) {
      file.addStatements('export {};');
      return;
    }
    file.addImportDeclaration({ moduleSpecifier: './schema.js', isTypeOnly: true, namedImports: ['components'] });
    for (const { schema, alias, description, values } of api.schemas) {
      file.addTypeAlias({
        name: alias,
        isExported: true,
        type: `components['schemas'][${quote(schema)}]`,
        ...(description ? { docs: [docText(description)] } : {}),
      });
      if (values)
        file.addVariableStatement({
          isExported: true,
          docs: [`Every value of \`${alias}\`, in the spec's order.`],
          declarationKind: VariableDeclarationKind.Const,
          declarations: [{ name: `${alias}Values`, type: `readonly ${alias}[]`, initializer: valueLiteral(values) }],
        });
    }
  });
}
