import type { Project, SourceFile } from 'ts-morph';
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

    addSpreadingFactory(file, {
      name: clientFactory,
      returnType: clientInterface,
      doc: `Creates every ${platform.title} resource on one transport. To carry fewer, call the resources' own factories.`,
      factories: api.resources.map(factoryName),
    });
  });
}

/** `export function createXApi(transport): XApi { return { ...aApi(transport), ... }; }` */
export function addSpreadingFactory(
  file: SourceFile,
  { name, returnType, doc, factories }: { name: string; returnType: string; doc: string; factories: readonly string[] },
): void {
  file.addFunction({
    name,
    isExported: true,
    docs: [doc],
    parameters: [{ name: 'transport', type: 'Transport' }],
    returnType,
    statements: (writer) => {
      writer.write('return ').inlineBlock(() => {
        for (const factory of factories) writer.writeLine(`...${factory}(transport),`);
      });
      writer.write(';');
    },
  });
}
