import type { Project } from 'ts-morph';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { factoryName, resourcePath } from './resource.js';
import { docText, renderTypeScript } from './typescript-file.js';

/** `client.ts`: the interface with one property per resource and the factory that wires them. */
export function emitClient(project: Project, { platform, api }: EmitContext): GeneratedFile {
  const { clientInterface, clientFactory } = platform.names;
  return renderTypeScript(project, api, 'client.ts', (file) => {
    file.addImportDeclaration({
      moduleSpecifier: '@pbxkit/core',
      isTypeOnly: true,
      namedImports: ['Transport'],
    });
    for (const resource of api.resources)
      file.addImportDeclaration({
        moduleSpecifier: `./${resourcePath(resource).replace(/\.ts$/, '.js')}`,
        namedImports: [{ name: factoryName(resource) }, { name: resource.interfaceName, isTypeOnly: true }],
      });

    file.addInterface({
      name: clientInterface,
      isExported: true,
      docs: [`Every ${platform.title} resource of ${api.specFile}, one property per tag.`],
      properties: api.resources.map((resource) => ({
        name: resource.name,
        isReadonly: true,
        type: resource.interfaceName,
        ...(resource.description ? { docs: [docText(resource.description)] } : {}),
      })),
    });

    file.addFunction({
      name: clientFactory,
      isExported: true,
      docs: [`Creates every ${platform.title} resource on one transport. To carry fewer, call the resources' own factories.`],
      parameters: [{ name: 'transport', type: 'Transport' }],
      returnType: clientInterface,
      statements: (writer) => {
        writer.write('return ').inlineBlock(() => {
          for (const resource of api.resources) writer.writeLine(`...${factoryName(resource)}(transport),`);
        });
        writer.write(';');
      },
    });
  });
}
