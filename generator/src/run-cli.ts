import { generate } from './generate.js';
import type { PlatformConfig } from './platforms.js';
import { errorsIn, formatProblem } from './problems.js';

export interface CliEnvironment {
  root: string;
  platforms: readonly PlatformConfig[];
  out: (line: string) => void;
  err: (line: string) => void;
}

const usage = 'usage: pnpm generate [platform...] [--check]';

/**
 * `pnpm generate [platform...] [--check]`. Exit codes: 0 done (or up to date), 1 spec problems (nothing
 * written) or, with --check, generated files out of date, 2 bad arguments.
 */
export async function runCli(args: readonly string[], { root, platforms, out, err }: CliEnvironment): Promise<number> {
  const flags = args.filter((arg) => arg.startsWith('-'));
  const names = args.filter((arg) => !arg.startsWith('-'));
  const unknown = [
    ...flags.filter((flag) => flag !== '--check'),
    ...names.filter((name) => !platforms.some((platform) => platform.name === name)),
  ];
  if (unknown.length > 0) {
    err(`unknown argument(s): ${unknown.join(', ')}\n${usage}\nplatforms: ${platforms.map((p) => p.name).join(', ')}`);
    return 2;
  }
  const check = flags.includes('--check');
  const selected = names.length === 0 ? platforms : platforms.filter((platform) => names.includes(platform.name));

  const result = await generate({ root, platforms: selected, check });
  for (const problem of result.problems) err(`${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem)}`);
  const errors = errorsIn(result.problems).length;
  if (errors > 0) {
    err(`${errors} error(s); nothing was written.`);
    return 1;
  }

  let drift = false;
  for (const { platform, files, changes } of result.platforms) {
    if (changes.length === 0) {
      out(`${platform.name}: ${files.length} files up to date in ${platform.output}`);
      continue;
    }
    drift = true;
    out(`${platform.name}: ${changes.length} of ${files.length} files ${check ? 'would change' : 'changed'}:`);
    for (const change of changes) out(`  ${change.kind.padEnd(7)} ${change.path}`);
  }
  if (check && drift) {
    err('The generated code is out of date: run `pnpm generate`.');
    return 1;
  }
  return 0;
}
