/** One thing wrong with a spec, located by file and JSON pointer. */
export interface Problem {
  /** Path of the file at fault, relative to the repository root (POSIX separators). */
  file: string;
  /** JSON pointer into that file, `''` for the whole document. */
  pointer: string;
  message: string;
  /** The lint rule that found it, when one did. */
  rule?: string;
  /** 1-based line in the file, when known. */
  line?: number;
  severity: 'error' | 'warning';
}

/** `<file>#<pointer>: <message> [rule, line N]`. */
export function formatProblem(problem: Problem): string {
  const where = [problem.rule, problem.line === undefined ? undefined : `line ${problem.line}`].filter(Boolean);
  const suffix = where.length > 0 ? ` [${where.join(', ')}]` : '';
  return `${problem.file}#${problem.pointer}: ${problem.message}${suffix}`;
}

export function errorsIn(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error');
}

/** Encodes one JSON pointer segment (RFC 6901). */
function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}
