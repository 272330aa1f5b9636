import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileChange } from './diff.js';

/** Removes `dir` and its parents up to (not including) `stop` while they are empty. */
function removeEmptyDirectories(dir: string, stop: string): void {
  for (let current = dir; current.startsWith(stop) && current !== stop; current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}

/**
 * Applies the changes. Each file is written beside its target and renamed over it, so a reader never
 * sees half a file; unchanged files are not touched (their mtimes stay, watchers stay quiet).
 */
export function applyChanges(root: string, outputDir: string, changes: readonly FileChange[]): void {
  const outputRoot = join(root, outputDir);
  for (const change of changes) {
    const target = join(root, change.path);
    if (change.kind === 'removed') {
      rmSync(target, { force: true });
      removeEmptyDirectories(dirname(target), outputRoot);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, change.content ?? '');
    renameSync(temporary, target);
  }
}
