import { IndentationText, Project, QuoteKind, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import type { ApiModel } from '../model/types.js';
import { doNotEdit, type GeneratedFile } from './generated-file.js';

/** One in-memory ts-morph project per generation run; emitters build their files in it. */
export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
}

/**
 * Builds a TypeScript file with `build`, formats it with the TypeScript formatter (fixed settings, so
 * the text depends on the model only) and puts the DO NOT EDIT header on top.
 */
export function renderTypeScript(
  project: Project,
  api: ApiModel,
  path: string,
  build: (file: SourceFile) => void,
): GeneratedFile {
  const file = project.createSourceFile(`/${path}`, '', { overwrite: true });
  build(file);
  file.formatText({
    indentSize: 2,
    tabSize: 2,
    convertTabsToSpaces: true,
    ensureNewLineAtEndOfFile: true,
    semicolons: ts.SemicolonPreference.Insert,
    insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  });
  const content = `// ${doNotEdit(api)}\n${withBlankLines(file)}`;
  project.removeSourceFile(file);
  return { path, content };
}

const groupedKinds = new Set([SyntaxKind.ImportDeclaration, SyntaxKind.ExportDeclaration, SyntaxKind.TypeAliasDeclaration]);

/**
 * The top-level statements separated by one blank line, except runs of imports, of re-exports and of
 * one-line type aliases, which stay together.
 */
function withBlankLines(file: SourceFile): string {
  const statements = file.getStatements().map((statement) => ({
    kind: statement.getKind(),
    text: statement.getFullText().trim(),
  }));
  return `${statements
    .map(({ kind, text }, index) => {
      const previous = statements[index - 1];
      if (!previous) return text;
      const grouped = previous.kind === kind && groupedKinds.has(kind) && !`${previous.text}${text}`.includes('\n');
      return `${grouped ? '\n' : '\n\n'}${text}`;
    })
    .join('')}\n`;
}

/** A JSDoc body that cannot close its comment early. */
export function docText(...paragraphs: (string | undefined)[]): string {
  return paragraphs
    .filter((paragraph): paragraph is string => paragraph !== undefined && paragraph.trim() !== '')
    .map((paragraph) => paragraph.trim().replace(/\*\//g, '*\\/'))
    .join('\n\n');
}
