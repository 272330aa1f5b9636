import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { bundle, getLineColLocation, lint, type NormalizedProblem } from '@redocly/openapi-core';
import type { Problem } from '../problems.js';
import { createRedoclyConfig } from './redocly-config.js';
import { yamlSyntaxProblems } from './yaml-syntax.js';

/** A validated spec: the bundled document (internal $refs only) and the lint warnings. */
export interface LoadedSpec {
  /** Repo-relative path of the root file, as written in headers. */
  file: string;
  document: Record<string, unknown>;
  problems: Problem[];
}

export type LoadResult = LoadedSpec | { problems: Problem[]; document?: undefined };

const toRepoPath = (root: string, path: string) => relative(root, path).split(sep).join('/');

function toProblem(root: string, problem: NormalizedProblem): Problem {
  const location = problem.location[0];
  const file = location ? toRepoPath(root, location.source.absoluteRef) : '(unknown file)';
  const pointer = location?.pointer?.replace(/^#/, '') ?? '';
  let line: number | undefined;
  try {
    line = location ? getLineColLocation(location).start.line : undefined;
  } catch {
    line = undefined; // a pointer into a node Redocly cannot map back to source text
  }
  return {
    file,
    pointer,
    message: problem.message,
    rule: problem.ruleId,
    ...(line === undefined ? {} : { line }),
    severity: problem.severity === 'error' ? 'error' : 'warning',
  };
}

/** Parses, lints (Redocly recommended + pbxkit rules) and bundles one spec file. */
export async function loadSpec(root: string, specPath: string): Promise<LoadResult> {
  const absolute = resolve(root, specPath);
  const file = toRepoPath(root, absolute);
  if (!existsSync(absolute))
    return { problems: [{ file, pointer: '', message: 'spec file not found', severity: 'error' }] };

  const syntax = yamlSyntaxProblems(readFileSync(absolute, 'utf8'), file);
  if (syntax.length > 0) return { problems: syntax };

  const config = await createRedoclyConfig();
  const problems = (await lint({ ref: absolute, config })).map((problem) => toProblem(root, problem));
  if (problems.some((problem) => problem.severity === 'error')) return { problems };

  const bundled = await bundle({ ref: absolute, config });
  return { file, document: bundled.bundle.parsed as Record<string, unknown>, problems };
}
