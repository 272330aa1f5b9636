import { build, type BuildOptions } from 'esbuild';

const options = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['@pbxkit/source'],
  write: false,
  logLevel: 'error',
} satisfies BuildOptions;

/** Bundles an entry for browsers from the workspace sources into one script, as the browser tests load it. */
export async function bundleForBrowser(entry: string, { minify = false } = {}): Promise<Uint8Array> {
  const result = await build({ ...options, entryPoints: [entry], minify });
  return result.outputFiles![0]!.contents;
}

/**
 * What a page loads up front for an entry, minified: the entry chunk of a code-split build. Modules the code
 * only `import()`s when needed (Kazoo's md5 library, on a user-credential login) are separate chunks, returned
 * apart as `lazy`.
 */
export async function bundleUpFront(entry: string): Promise<{ upFront: Uint8Array; lazy: Uint8Array[] }> {
  const result = await build({ ...options, entryPoints: { entry }, minify: true, splitting: true, outdir: '/virtual', entryNames: '[name]' });
  const [upFront, ...lazy] = [...result.outputFiles!].sort((a, b) => Number(!a.path.endsWith('/entry.js')) - Number(!b.path.endsWith('/entry.js')));
  return { upFront: upFront!.contents, lazy: lazy.map((file) => file.contents) };
}
