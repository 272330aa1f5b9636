import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { GeneratedFile } from '../emit/generated-file.js';
import { byKey } from '../model/order.js';

export type ChangeKind = 'added' | 'changed' | 'removed';

export interface FileChange {
  kind: ChangeKind;
  /** Repo-relative path, POSIX separators. */
  path: string;
  /** The new content; absent for removals. */
  content?: string;
}

/** Files under `dir`, as paths relative to it (POSIX separators). */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/**
 * What writing `files` into the output directory would change: new files, files whose content
 * differs, and files that are there but no longer generated (the directory is the generator's alone).
 */
export function diffOutput(root: string, outputDir: string, files: readonly GeneratedFile[]): FileChange[] {
  const absolute = join(root, outputDir);
  const existing = new Set(listFiles(absolute));
  const changes: FileChange[] = [];
  for (const file of files) {
    const path = posix.join(outputDir, file.path);
    if (!existing.has(file.path)) changes.push({ kind: 'added', path, content: file.content });
    else if (readFileSync(join(absolute, file.path), 'utf8') !== file.content)
      changes.push({ kind: 'changed', path, content: file.content });
    existing.delete(file.path);
  }
  for (const stale of existing) changes.push({ kind: 'removed', path: posix.join(outputDir, stale) });
  return changes.sort(byKey((change) => change.path));
}
