import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget } from 'ts-morph';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Type-checks `out/**` of a workspace under the repository's compiler options, with the real @pbxkit/core
 * and msw; returns the formatted diagnostics of the workspace's files ('' when there are none).
 */
export function typeErrors(root: string): string {
  const project = new Project({
    compilerOptions: {
      target: ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ModuleKind.NodeNext,
      moduleResolution: ModuleResolutionKind.NodeNext,
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
      paths: { '@pbxkit/core': [join(repositoryRoot, 'packages/core/src/index.ts')] },
    },
  });
  project.addSourceFilesAtPaths(join(root, 'out/**/*.ts'));
  const ours = project.getPreEmitDiagnostics().filter((diagnostic) => diagnostic.getSourceFile()?.getFilePath().startsWith(root) ?? true);
  return project.formatDiagnosticsWithColorAndContext(ours);
}
