import type { Project } from 'ts-morph';
import { hasOperations } from '../model/api-model.js';
import type { EmitContext, GeneratedFile } from './generated-file.js';
import { factoryName, resourcePath } from './resource.js';
import { renderTypeScript } from './typescript-file.js';

/** `index.ts`: everything the package's hand-written layer builds on; testing.ts stays out (it imports msw). */
export function emitBarrel(project: Project, { api }: EmitContext): GeneratedFile {
  return renderTypeScript(project, api, 'index.ts', (file) => {
    const modules = hasOperations(api) ? ['./client.js', './events.js', './models.js', './operations.js'] : ['./events.js', './models.js'];
    for (const module of modules)
      file.addExportDeclaration({ moduleSpecifier: module });
    file.addExportDeclaration({
      moduleSpecifier: './schema.js',
      isTypeOnly: true,
      namedExports: ['components', 'operations', 'paths', 'webhooks'],
    });
    for (const resource of api.resources)
      file.addExportDeclaration({
        moduleSpecifier: `./${resourcePath(resource).replace(/\.ts$/, '.js')}`,
        namedExports: [factoryName(resource), { name: resource.interfaceName, isTypeOnly: true }],
      });
  });
}
