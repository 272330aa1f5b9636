import type { Project } from 'ts-morph';
import { hasOperations } from '../model/api-model.js';
import { pascalCase } from '../model/names.js';
import type { ApiModel } from '../model/types.js';
import type { PlatformConfig } from '../platforms.js';
import { doNotEdit, type GeneratedFile } from './generated-file.js';
import { addSpreadingFactory } from './client.js';
import { eventGroups } from './events.js';
import { factoryName, resourcePath } from './resource.js';
import { renderTypeScript } from './typescript-file.js';

/** One spec of a namespaced platform, rendered into its own directory. */
export interface NamespacePart {
  namespace: string;
  model: ApiModel;
}

/** The names a namespace's own generated files export: `CalldApi`, `createCalldApi`, ... */
export function namespacePlatform(platform: PlatformConfig, namespace: string): PlatformConfig {
  const name = pascalCase(namespace);
  return {
    ...platform,
    title: `${platform.title} ${namespace}`,
    names: {
      prefix: platform.names.prefix,
      clientInterface: `${name}Api`,
      clientFactory: `create${name}Api`,
      eventsInterface: `${name}Events`,
      handlersFactory: `create${name}Handlers`,
    },
  };
}

/** The model whose spec list names every spec, for the DO NOT EDIT header of the shared files. */
const rootModel = (platform: PlatformConfig, parts: readonly NamespacePart[]): ApiModel => ({
  ...parts[0]!.model,
  specFile: platform.specs.map((spec) => spec.path).join(', '),
});

/**
 * The files above the namespace directories: `client.ts` (every namespace on one transport, each also
 * creatable alone so that an app carries only the daemons it uses), `index.ts`, `operations.ts`,
 * `testing.ts`, `events.ts` and the README. A namespace of events only (a spec without paths) is left out
 * of the client, the operations and the test handlers.
 */
export function emitNamespacedRoot(project: Project, platform: PlatformConfig, parts: readonly NamespacePart[]): GeneratedFile[] {
  const api = rootModel(platform, parts);
  const { clientInterface, clientFactory, handlersFactory } = platform.names;
  const all = parts.map(({ namespace, model }) => ({ namespace, model, dir: `./${namespace}`, names: namespacePlatform(platform, namespace).names }));
  const each = all.filter(({ model }) => hasOperations(model));

  const client = renderTypeScript(project, api, 'client.ts', (file) => {
    file.addImportDeclaration({ moduleSpecifier: '@pbxkit/core', isTypeOnly: true, namedImports: ['Transport'] });
    for (const { dir, names } of each)
      file.addImportDeclaration({
        moduleSpecifier: `${dir}/client.js`,
        namedImports: [{ name: names.clientFactory }, { name: names.clientInterface, isTypeOnly: true }],
      });
    file.addInterface({
      name: clientInterface,
      isExported: true,
      docs: [`Every ${platform.title} namespace: ${each.map(({ namespace }) => `\`${namespace}\``).join(', ')}.`],
      extends: each.map(({ names }) => names.clientInterface),
    });
    addSpreadingFactory(file, {
      name: clientFactory,
      returnType: clientInterface,
      doc: `Creates every ${platform.title} namespace on one transport. To carry fewer, call the namespaces' own factories.`,
      factories: each.map(({ names }) => names.clientFactory),
    });
  });

  const index = renderTypeScript(project, api, 'index.ts', (file) => {
    file.addExportDeclaration({ moduleSpecifier: './client.js' });
    file.addExportDeclaration({ moduleSpecifier: './operations.js' });
    for (const { dir, names } of each)
      file.addExportDeclaration({ moduleSpecifier: `${dir}/client.js`, namedExports: [names.clientFactory, { name: names.clientInterface, isTypeOnly: true }] });
    // Each resource's own factory too (resource names are unique across namespaces): importing a module
    // namespace object would carry its whole directory into a bundle.
    for (const { dir, model } of each)
      for (const resource of model.resources)
        file.addExportDeclaration({ moduleSpecifier: `${dir}/${resourcePath(resource).replace(/\.ts$/, '.js')}`, namedExports: [factoryName(resource)] });
    for (const { namespace, dir } of all)
      file.addExportDeclaration({ moduleSpecifier: `${dir}/index.js`, namespaceExport: pascalCase(namespace) });
    file.addExportDeclaration({ moduleSpecifier: './events.js' });
  });

  // The socket channels' event maps, platform-wide (`WazoWebsocketdEvents`); each namespace's HTTP webhooks stay in it.
  const events = renderTypeScript(project, api, 'events.ts', (file) => {
    for (const { dir, model, names } of all) {
      const channels = eventGroups({ ...platform, names }, model.webhooks).filter((group) => group.channel !== undefined);
      if (channels.length > 0)
        file.addExportDeclaration({
          moduleSpecifier: `${dir}/events.js`,
          namedExports: channels.flatMap((group) => [{ name: group.interfaceName, isTypeOnly: true }, { name: group.namesConst }]),
        });
    }
    if (file.getStatements().length === 0) file.addStatements('export {};');
  });

  const operations = renderTypeScript(project, api, 'operations.ts', (file) => {
    for (const { namespace, dir } of each)
      file.addImportDeclaration({ moduleSpecifier: `${dir}/operations.js`, namedImports: [{ name: 'operationIndex', alias: namespace }] });
    file.addExportDeclaration({ moduleSpecifier: `${each[0]!.dir}/operations.js`, isTypeOnly: true, namedExports: ['OperationIndexEntry'] });
    file.addStatements([
      '/** Every operation of every namespace. */',
      `export const operationIndex = [${each.map(({ namespace }) => `...${namespace}`).join(', ')}] as const;`,
    ]);
  });

  const testing = renderTypeScript(project, api, 'testing.ts', (file) => {
    for (const { dir, names } of each)
      file.addImportDeclaration({ moduleSpecifier: `${dir}/testing.js`, namedImports: [names.handlersFactory] });
    for (const { namespace, dir, names } of each)
      file.addExportDeclaration({
        moduleSpecifier: `${dir}/testing.js`,
        namedExports: [names.handlersFactory, { name: 'exampleResponses', alias: `${namespace}ExampleResponses` }],
      });
    file.addFunction({
      name: handlersFactory,
      isExported: true,
      docs: [`Typed msw handler factories of every ${platform.title} namespace, by namespace (operationIds repeat across daemons).`],
      parameters: [{ name: 'baseUrl', type: 'string' }],
      statements: (writer) => {
        writer.write('return ').inlineBlock(() => {
          for (const { namespace, names } of each) writer.writeLine(`${namespace}: ${names.handlersFactory}(baseUrl),`);
        });
        writer.write(';');
      },
    });
  });

  const readme = [
    `<!-- ${doNotEdit(api)} -->`,
    '',
    '# Generated code: do not edit',
    '',
    `Everything in this directory is written by \`@pbxkit/generator\` from the ${platform.title} specs, one directory per spec:`,
    '',
    '| namespace | spec | operations |',
    '|---|---|---|',
    ...parts.map(({ namespace, model }) => {
      const count = model.resources.reduce((sum, resource) => sum + resource.operations.length, 0);
      return `| [\`${namespace}\`](${namespace}/OPERATIONS.md) | \`${model.specFile}\` | ${count} |`;
    }),
    '',
    `Edit a spec (or the generator), then \`pnpm generate ${platform.name}\`; \`pnpm generate ${platform.name} --check\` exits 1 on drift.`,
    'Hand edits here are lost on the next run.',
  ];
  return [client, events, index, operations, testing, { path: 'README.md', content: `${readme.join('\n')}\n` }];
}
