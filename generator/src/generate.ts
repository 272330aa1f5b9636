import type { GeneratedFile } from './emit/generated-file.js';
import { renderNamespacedPlatform, renderPlatform, type NamespacePart } from './emit/render.js';
import { loadSpec } from './load/load-spec.js';
import { buildApiModel } from './model/api-model.js';
import { byKey } from './model/order.js';
import { diffOutput, type FileChange } from './output/diff.js';
import { applyChanges } from './output/write.js';
import type { PlatformConfig } from './platforms.js';
import { errorsIn, formatProblem, type Problem } from './problems.js';

export interface PlatformResult {
  platform: PlatformConfig;
  files: GeneratedFile[];
  /** What writing changed, or with `check` what it would change. */
  changes: FileChange[];
}

export interface GenerateResult {
  /** Every problem of every spec, errors and warnings, sorted by file, line and pointer. */
  problems: Problem[];
  /** Empty when any spec has an error: then nothing is written. */
  platforms: PlatformResult[];
}

export interface GenerateOptions {
  /** Repository root: spec and output paths are relative to it. */
  root: string;
  platforms: readonly PlatformConfig[];
  /** Compare with what is on disk and write nothing. */
  check?: boolean;
}

async function renderOne(root: string, platform: PlatformConfig): Promise<{ files?: GeneratedFile[]; problems: Problem[] }> {
  const [spec, ...more] = platform.specs;
  if (spec && more.length === 0 && spec.namespace === undefined) {
    const loaded = await loadSpec(root, spec.path);
    if (!loaded.document) return { problems: loaded.problems };
    const { model, problems } = buildApiModel(loaded.document, loaded.file);
    const all = [...loaded.problems, ...problems];
    if (errorsIn(all).length > 0) return { problems: all };
    return { files: await renderPlatform(platform, model), problems: all };
  }
  const problems: Problem[] = [];
  const parts: NamespacePart[] = [];
  for (const each of platform.specs) {
    if (each.namespace === undefined) {
      const message = `${platform.name}: a platform with several specs needs a namespace on each`;
      problems.push({ file: 'generator/src/platforms.ts', pointer: '', message, severity: 'error' });
      continue;
    }
    const loaded = await loadSpec(root, each.path);
    problems.push(...loaded.problems);
    if (!loaded.document) continue;
    const built = buildApiModel(loaded.document, loaded.file, each.namespace);
    problems.push(...built.problems);
    parts.push({ namespace: each.namespace, model: built.model });
  }
  problems.push(...channelClashes(platform, parts));
  if (errorsIn(problems).length > 0) return { problems };
  return { files: await renderNamespacedPlatform(platform, parts), problems };
}

/** A socket channel's events are exported platform-wide, so only one spec of a platform may declare it. */
function channelClashes(platform: PlatformConfig, parts: readonly NamespacePart[]): Problem[] {
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { model } of parts)
    for (const channel of new Set(model.webhooks.flatMap((webhook) => webhook.channel ?? []))) {
      const owner = owners.get(channel);
      if (owner)
        problems.push({ file: model.specFile, pointer: '/webhooks', message: `${platform.name}: the \`${channel}\` channel is already declared in ${owner}`, severity: 'error' });
      owners.set(channel, owner ?? model.specFile);
    }
  return problems;
}

const problemOrder = byKey<Problem>(
  (problem) => `${problem.file}\u0000${String(problem.line ?? 0).padStart(8, '0')}\u0000${problem.pointer}\u0000${problem.message}`,
);

/**
 * Validates every platform's specs and renders every file in memory; only when all of that succeeded
 * (and not in check mode) are the output directories brought up to date.
 */
export async function generate({ root, platforms, check = false }: GenerateOptions): Promise<GenerateResult> {
  const rendered = [];
  const problems: Problem[] = [];
  for (const platform of platforms) {
    const result = await renderOne(root, platform);
    problems.push(...result.problems);
    if (result.files) rendered.push({ platform, files: result.files });
  }
  // A shared component (a $ref'd parameter or response) is reported once, not once per operation using it.
  const unique = [...new Map(problems.map((problem) => [formatProblem(problem), problem])).values()].sort(problemOrder);
  if (errorsIn(unique).length > 0) return { problems: unique, platforms: [] };

  const results = rendered.map(({ platform, files }) => ({
    platform,
    files,
    changes: diffOutput(root, platform.output, files),
  }));
  if (!check) for (const { platform, changes } of results) applyChanges(root, platform.output, changes);
  return { problems: unique, platforms: results };
}
