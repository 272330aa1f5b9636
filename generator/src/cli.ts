import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { platforms } from './platforms.js';
import { runCli } from './run-cli.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

process.exitCode = await runCli(process.argv.slice(2), {
  root,
  platforms,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
