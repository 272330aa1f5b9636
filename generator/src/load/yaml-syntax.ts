import { parseDocument } from 'yaml';
import type { Problem } from '../problems.js';

/** YAML syntax errors of one file, each with its line (Redocly would only report the first). */
export function yamlSyntaxProblems(text: string, file: string): Problem[] {
  const document = parseDocument(text, { prettyErrors: true });
  return document.errors.map((error) => ({
    file,
    pointer: '',
    message: `YAML syntax error: ${error.message.split('\n')[0]!.replace(/:$/, '')}`,
    ...(error.linePos ? { line: error.linePos[0].line } : {}),
    severity: 'error',
  }));
}
