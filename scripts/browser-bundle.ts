import { build } from 'esbuild';

/** Bundles an entry for browsers from the workspace sources, as the size budget and the browser tests see it. */
export async function bundleForBrowser(entry: string, { minify = false } = {}): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@pbxkit/source'],
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.contents;
}
