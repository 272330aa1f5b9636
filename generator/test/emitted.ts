import { Project, SyntaxKind, type ObjectLiteralExpression, type SourceFile } from 'ts-morph';

/** Parses emitted TypeScript so tests can assert its structure instead of its text. */
export function parseTypeScript(path: string, text: string): SourceFile {
  return new Project({ useInMemoryFileSystem: true }).createSourceFile(path, text);
}

/** The operation table of a resource module: method name → [HTTP method, path, options source texts]. */
export function operationTable(file: SourceFile): Record<string, { httpMethod: string; path: string; options: Record<string, string> }> {
  const declaration = file.getVariableDeclarations().find((candidate) => candidate.getName().endsWith('Operations'))!;
  const table = declaration
    .getInitializerIfKindOrThrow(SyntaxKind.SatisfiesExpression)
    .getExpression() as ObjectLiteralExpression;
  return Object.fromEntries(
    table.getProperties().map((property) => {
      const assignment = property.asKindOrThrow(SyntaxKind.PropertyAssignment);
      const [httpMethod, path, options] = assignment.getInitializerIfKindOrThrow(SyntaxKind.ArrayLiteralExpression).getElements();
      const optionEntries = options
        ? options
            .asKindOrThrow(SyntaxKind.ObjectLiteralExpression)
            .getProperties()
            .map((option) => {
              const pair = option.asKindOrThrow(SyntaxKind.PropertyAssignment);
              return [pair.getName(), pair.getInitializerOrThrow().getText()];
            })
        : [];
      return [
        assignment.getName(),
        {
          httpMethod: httpMethod!.asKindOrThrow(SyntaxKind.StringLiteral).getLiteralValue(),
          path: path!.asKindOrThrow(SyntaxKind.StringLiteral).getLiteralValue(),
          options: Object.fromEntries(optionEntries),
        },
      ];
    }),
  );
}
